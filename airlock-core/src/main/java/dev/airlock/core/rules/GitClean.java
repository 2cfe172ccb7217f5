package dev.airlock.core.rules;

import dev.airlock.core.operation.GitHistoryLoss;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "git-clean",
    severity = Severity.HIGH,
    category = Category.DATA_LOSS,
    summary = "git clean -f deletes untracked files, with -x also ignored ones",
    why = "Untracked files were never committed; -d adds whole directories and -x adds ignored files such as .env, local databases and credentials, none of which git can restore.",
    saferWay = "Run `git clean -n` (add the same -d/-x) to list what would go, then delete those paths by name.")
public final class GitClean implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (!(operation instanceof GitHistoryLoss g) || g.kind() != GitHistoryLoss.Kind.CLEAN) {
      return Optional.empty();
    }
    return Optional.of(GitLoss.message(g));
  }
}
