package dev.airlock.core.rules;

import dev.airlock.core.operation.GitHistoryLoss;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "git-discard-changes",
    severity = Severity.HIGH,
    category = Category.DATA_LOSS,
    summary = "git checkout -- path or git restore path throws away uncommitted edits",
    why = "The edits in the work tree exist nowhere else; restoring the file from the index or a commit overwrites them without a copy.",
    saferWay = "Run `git diff -- <path>` to see what would be lost, and `git stash push -- <path>` instead of discarding.")
public final class GitDiscardChanges implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (!(operation instanceof GitHistoryLoss g) || g.kind() != GitHistoryLoss.Kind.DISCARD_CHANGES) {
      return Optional.empty();
    }
    if (g.uncommittedFiles().isPresent() && g.uncommittedFiles().getAsInt() == 0 && !g.detail().contains("branch moves")) {
      return Optional.empty();
    }
    return Optional.of(GitLoss.message(g));
  }
}
