package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class ChmodRecursiveTest {
  private final RuleTester tester = RuleTester.forRule("chmod-recursive").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: `chmod -R 777` changes every file under `/` (a system path)
        chmod -R 777 /
        # FINDING: `chown -R nobody` changes every file under `/etc`
        sudo chown -R nobody /etc
        # FINDING: `~`
        chmod -R 755 ~
        # FINDING: `../shared` (/shared, outside the project
        chmod -R go-rwx ../shared
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        chmod -R u+w build
        chmod +x script.sh
        chmod 600 ~/.ssh/id_rsa
        chown -R app:app ./data
        """);
  }
}
