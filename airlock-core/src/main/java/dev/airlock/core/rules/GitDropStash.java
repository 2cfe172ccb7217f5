package dev.airlock.core.rules;

import dev.airlock.core.operation.GitHistoryLoss;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "git-drop-stash",
    severity = Severity.HIGH,
    category = Category.DATA_LOSS,
    summary = "git stash drop or git stash clear deletes stashed work",
    why = "A stash is often the only copy of set-aside work; once dropped it is reachable only by searching dangling commits until they are pruned.",
    saferWay = "Run `git stash list` and `git stash show -p` first, or turn the stash into a branch with `git stash branch <name>`.")
public final class GitDropStash implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (!(operation instanceof GitHistoryLoss g) || g.kind() != GitHistoryLoss.Kind.DROP_STASH) {
      return Optional.empty();
    }
    return Optional.of(GitLoss.message(g));
  }
}
