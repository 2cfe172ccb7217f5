package dev.airlock.core.rules;

import dev.airlock.core.operation.GitHistoryLoss;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "git-force-push",
    severity = Severity.HIGH,
    category = Category.DATA_LOSS,
    summary = "git push --force, +refspec or --mirror overwrites history on the remote",
    why = "Commits that others pushed and that are not in the local branch disappear from the remote branch; with --mirror every remote ref not present locally is deleted.",
    saferWay = "Use `git push --force-with-lease` (it refuses when the remote moved) and never force-push shared branches.")
public final class GitForcePush implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (!(operation instanceof GitHistoryLoss g) || g.kind() != GitHistoryLoss.Kind.FORCE_PUSH) {
      return Optional.empty();
    }
    return Optional.of(GitLoss.message(g));
  }
}
