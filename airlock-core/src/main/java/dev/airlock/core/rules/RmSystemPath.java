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
    id = "rm-system-path",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "A shell command deletes a system directory or the home directory",
    why = "Deleting `/`, `/etc`, `/usr`, a device, or the home directory destroys the machine or"
        + " everything its user owns; an unset variable (`rm -rf \"$DIR\"/`) or a stray `~` is all it"
        + " takes.",
    saferWay = "Name the exact directory inside the project, guard variables with `${DIR:?}`, and"
        + " check the targets with `airlock exec --dry-run -- <command>`.")
public final class RmSystemPath implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof RemovePaths r) {
      return Targets.describe(r.targets(), Set.of(Place.SYSTEM, Place.HOME))
          .map(d -> "`" + r.tool() + "` deletes " + d);
    }
    return Optional.empty();
  }
}
