package dev.airlock.core.rules;

import dev.airlock.core.operation.GitHistoryLoss;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "git-reset-hard",
    severity = Severity.HIGH,
    category = Category.DATA_LOSS,
    summary = "git reset --hard, checkout -f or switch --discard-changes throws away uncommitted work",
    why = "Uncommitted changes to tracked files were never in any commit, so neither the reflog nor a remote can bring them back.",
    saferWay = "Run `git stash` (or commit to a scratch branch) first, then reset; `git reset --keep` refuses to lose changes.")
public final class GitResetHard implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (!(operation instanceof GitHistoryLoss g) || g.kind() != GitHistoryLoss.Kind.RESET_HARD) {
      return Optional.empty();
    }
    if (g.uncommittedFiles().isPresent() && g.uncommittedFiles().getAsInt() == 0 && !g.detail().contains("branch moves")) {
      return Optional.empty();
    }
    return Optional.of(GitLoss.message(g));
  }
}
