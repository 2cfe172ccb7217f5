package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class RmProjectRootTest {
  private final RuleTester tester = RuleTester.forRule("rm-project-root").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: `rm -rf` deletes `.` (/project, the project root
        rm -rf .
        # FINDING: the project root
        rm -rf ./
        # FINDING: every entry in it
        rm -rf *
        # FINDING: every entry in it
        rm -rf ./*
        # FINDING: `find -delete` deletes `.`
        find . -delete
        # FINDING: `/project`
        rm -rf /project
        # FINDING: `project` (/project, the project root
        cd .. && rm -rf project
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        find . -name '*.pyc' -delete
        rm -rf build
        rm -rf src/*.o
        rm -rf .cache
        rm -rf node_modules/.cache
        """);
  }
}
