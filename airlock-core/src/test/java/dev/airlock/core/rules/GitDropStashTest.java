package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class GitDropStashTest {
  private final RuleTester tester = RuleTester.forRule("git-drop-stash").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: stash entry `stash@{0}`
        git stash drop
        # FINDING: every stash entry
        git stash clear
        # FINDING: `stash@{2}`
        git stash drop stash@{2}
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        git stash
        git stash pop
        git stash list
        """);
  }
}
