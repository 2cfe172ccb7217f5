package dev.airlock.core.rules;

import dev.airlock.core.operation.GitHistoryLoss;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "git-rewrite-history",
    severity = Severity.HIGH,
    category = Category.DATA_LOSS,
    summary = "git filter-branch, filter-repo, reflog expire, gc --prune=now or prune rewrites or discards history",
    why = "These commands rewrite every commit they touch or delete the reflog entries and unreachable objects that are the last way back after a mistake.",
    saferWay = "Work on a fresh clone or a mirror backup, and let git's default reflog and prune expiry keep the way back open.")
public final class GitRewriteHistory implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (!(operation instanceof GitHistoryLoss g) || g.kind() != GitHistoryLoss.Kind.REWRITE_HISTORY) {
      return Optional.empty();
    }
    return Optional.of(GitLoss.message(g));
  }
}
