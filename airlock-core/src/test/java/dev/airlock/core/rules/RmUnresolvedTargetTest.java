package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class RmUnresolvedTargetTest {
  private final RuleTester tester = RuleTester.forRule("rm-unresolved-target").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: `(xargs input)` (not known until the command runs, paths read by `xargs` from `cat list.txt`)
        cat list.txt | xargs rm -rf
        # FINDING: the output of `cat dirs.txt`
        rm -rf $(cat dirs.txt)
        # FINDING: the output of `echo ..`
        rm -rf `echo ..`/x 2>/dev/null || true
        # FINDING: `"$1"`
        rm -rf "$1"
        # FINDING: `$BUILD_DIR` is not set in the script
        rm -rf "$BUILD_DIR"
        # FINDING: `"${DIR:?}/"`
        rm -rf "${DIR:?}/"
        # FINDING: `$f` is read from input
        while read f; do rm -f "$f"; done < files.txt
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        X=build; rm -rf $X
        rm -rf "$PWD/build"
        find . -name '*.o' | xargs rm -f
        echo build dist | xargs rm -rf
        for d in build dist; do rm -rf "$d"; done
        """);
  }
}
