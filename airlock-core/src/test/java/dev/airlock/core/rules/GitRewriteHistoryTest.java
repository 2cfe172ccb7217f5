package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class GitRewriteHistoryTest {
  private final RuleTester tester = RuleTester.forRule("git-rewrite-history").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: every commit it touches is rewritten
        git filter-branch --tree-filter 'rm -f secrets.txt' HEAD
        # FINDING: filter-repo
        git filter-repo --path secrets --invert-paths
        # FINDING: reflog entries
        git reflog expire --expire=now --all
        # FINDING: every unreachable commit
        git gc --prune=now
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        git gc
        git reflog
        git log --oneline
        """);
  }
}
