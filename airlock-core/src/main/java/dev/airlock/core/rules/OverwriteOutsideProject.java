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
    id = "overwrite-outside-project",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "A shell command overwrites an existing file outside the project",
    why = "`>` truncates the file before the command even starts, and `cp`/`mv` onto an existing"
        + " file, `truncate` and `shred` replace its contents; outside the project nothing keeps a"
        + " copy.",
    saferWay = "Append with `>>`, write to a new file, or copy with `cp -n` / `mv -n`; check the"
        + " targets with `airlock exec --dry-run -- <command>`.")
public final class OverwriteOutsideProject implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof OverwritePaths o) {
      return Targets.describe(o.targets(), Set.of(Place.OUTSIDE, Place.REMOTE, Place.UNKNOWN))
          .map(d -> "`" + o.tool() + "` " + o.how() + " " + d);
    }
    return Optional.empty();
  }
}
