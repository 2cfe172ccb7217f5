package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class GitDeleteBranchTest {
  private final RuleTester tester = RuleTester.forRule("git-delete-branch").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: branch `feature` even if not merged
        git branch -D feature
        # FINDING: branch `feature` on `origin`
        git push origin --delete feature
        # FINDING: branch `old`
        git push origin :old
        # FINDING: branch `x`
        git branch -d -f x
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        git branch -d merged
        git branch new
        git branch -a
        """);
  }
}
