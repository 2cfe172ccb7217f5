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
    id = "rm-unresolved-target",
    severity = Severity.HIGH,
    category = Category.UNVERIFIABLE,
    summary = "A shell command deletes paths that are not known until it runs",
    why = "Targets read by `xargs`, produced by `$(...)`, or held in a variable set elsewhere can be"
        + " anything at run time, including `/` or the home directory; what cannot be resolved"
        + " cannot be judged.",
    saferWay = "Resolve the paths first and list them (`airlock exec --dry-run -- <command>`), then"
        + " delete them by name.")
public final class RmUnresolvedTarget implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof RemovePaths r) {
      return Targets.describe(r.targets(), Set.of(Place.UNKNOWN))
          .map(d -> "`" + r.tool() + "` deletes " + d);
    }
    return Optional.empty();
  }
}
