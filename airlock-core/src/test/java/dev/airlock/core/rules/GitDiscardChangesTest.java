package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class GitDiscardChangesTest {
  private final RuleTester tester = RuleTester.forRule("git-discard-changes").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: uncommitted changes to `.`
        git checkout -- .
        # FINDING: `src/app.js`
        git checkout -- src/app.js
        # FINDING: `git restore .`
        git restore .
        # FINDING: `.`
        git checkout .
        # FINDING: `src`
        git restore --worktree src
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        git checkout main
        git checkout -b feature
        git restore --staged .
        """);
  }
}
