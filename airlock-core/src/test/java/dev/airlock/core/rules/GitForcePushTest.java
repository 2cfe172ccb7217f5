package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class GitForcePushTest {
  private final RuleTester tester = RuleTester.forRule("git-force-push").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: `git push --force` loses commits on the current branch of the default remote
        git push --force
        # FINDING: branch `main` of `origin`
        git push -f origin main
        # FINDING: branch `main`
        git push origin +main
        # FINDING: --mirror overwrites them all
        git push --mirror backup
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        git push
        git push origin main
        git push --force-with-lease
        git push -n --force
        git push -u origin feature
        """);
  }
}
