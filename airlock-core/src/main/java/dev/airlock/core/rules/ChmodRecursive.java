package dev.airlock.core.rules;

import dev.airlock.core.operation.ChangeModeRecursive;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.PathTarget.Place;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "chmod-recursive",
    severity = Severity.HIGH,
    category = Category.PRIVILEGE,
    summary = "chmod, chown or chgrp -R on a directory outside the project",
    why = "A recursive permission or owner change on a system or home directory cannot be undone"
        + " file by file: ssh refuses keys that became readable, services stop, and `777` opens every"
        + " file to every user.",
    saferWay = "Change only the files that need it, inside the project, and never recursively on"
        + " system or home directories.")
public final class ChmodRecursive implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof ChangeModeRecursive c) {
      return Targets.describe(c.targets(), Set.of(Place.SYSTEM, Place.HOME, Place.OUTSIDE, Place.REMOTE, Place.UNKNOWN))
          .map(d -> "`" + c.tool() + (c.mode().isEmpty() ? "" : " " + c.mode()) + "` changes every file under " + d);
    }
    return Optional.empty();
  }
}
