package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class GitCleanTest {
  private final RuleTester tester = RuleTester.forRule("git-clean").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: every untracked file and directory, including ignored ones
        git clean -fdx
        # FINDING: every untracked file
        git clean -f
        # FINDING: and directory
        git clean --force -d
        # FINDING: every ignored file
        git clean -fX
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        git clean -n
        git clean -fdn
        git clean -i
        git clean --dry-run -d
        """);
  }
}
