package dev.airlock.core.rules;

import dev.airlock.core.operation.GitHistoryLoss;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "git-delete-branch",
    severity = Severity.MEDIUM,
    category = Category.DATA_LOSS,
    summary = "git branch -D, push --delete, push :branch or update-ref -d deletes a branch",
    why = "A branch deleted with -D may hold the only reference to unmerged commits; a deleted remote branch is gone for everyone who has not fetched it.",
    saferWay = "Use `git branch -d` (it refuses unmerged branches), and tag the tip before deleting a remote branch.")
public final class GitDeleteBranch implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (!(operation instanceof GitHistoryLoss g) || g.kind() != GitHistoryLoss.Kind.DELETE_BRANCH) {
      return Optional.empty();
    }
    return Optional.of(GitLoss.message(g));
  }
}
