package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class GitResetHardTest {
  private final RuleTester tester = RuleTester.forRule("git-reset-hard").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: `git reset --hard` loses every uncommitted change to tracked files
        git reset --hard
        # FINDING: the branch moves to `HEAD~3`
        git reset --hard HEAD~3
        # FINDING: checkout --force
        git checkout -f main
        # FINDING: `git -C ../other reset --hard origin/main`
        git -C ../other reset --hard origin/main
        # FINDING: switch --discard-changes
        git switch --discard-changes main
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        git reset --soft HEAD~1
        git reset HEAD file.txt
        git reset --keep HEAD~1
        git checkout main
        echo git reset --hard
        """);
  }
}
