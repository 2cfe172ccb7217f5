package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.OverwritePaths;
import dev.airlock.core.operation.PathTarget.Place;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "overwrite-system-path",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "A shell command overwrites or formats a system file or device",
    why = "`dd of=/dev/sda`, `mkfs` on a disk, or `>` onto `/etc/passwd` destroys the previous"
        + " contents at once and can leave the machine unbootable; there is no undo.",
    saferWay = "Write to a new file and move it into place after checking it, and double-check device"
        + " names with `lsblk` before any dd or mkfs.")
public final class OverwriteSystemPath implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof OverwritePaths o) {
      return Targets.describe(o.targets(), Set.of(Place.SYSTEM, Place.HOME))
          .map(d -> "`" + o.tool() + "` " + o.how() + " " + d);
    }
    return Optional.empty();
  }
}
