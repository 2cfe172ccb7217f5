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
    id = "rm-outside-project",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "A shell command deletes files outside the project",
    why = "Files outside the project are not the work at hand and usually not in its git history:"
        + " shared uploads, other checkouts, data on a server; a relative path, a symbolic link or a"
        + " remote host turns an ordinary cleanup into the loss of someone else's files.",
    saferWay = "Run `airlock exec --dry-run -- <command>` to see every resolved target first, and"
        + " delete outside the project only by hand, with `--trash`.")
public final class RmOutsideProject implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof RemovePaths r) {
      return Targets.describe(r.targets(), Set.of(Place.OUTSIDE, Place.REMOTE))
          .map(d -> "`" + r.tool() + "` deletes " + d);
    }
    return Optional.empty();
  }
}
