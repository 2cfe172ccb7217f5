package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.PathTarget.Place;
import dev.airlock.core.operation.RemovePaths;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "rm-project-root",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "A shell command deletes the whole project",
    why = "`rm -rf .`, `rm -rf *` at the top, or `find . -delete` removes every file of the project,"
        + " including uncommitted work, untracked files and local configuration that git cannot bring"
        + " back.",
    saferWay = "Delete the directories you mean by name (`rm -rf build dist`), or use `git clean -n`"
        + " to see what is untracked first.")
public final class RmProjectRoot implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof RemovePaths r) {
      return Targets.describe(r.targets(), Set.of(Place.PROJECT_ROOT))
          .map(d -> "`" + r.tool() + "` deletes " + d);
    }
    return Optional.empty();
  }
}
