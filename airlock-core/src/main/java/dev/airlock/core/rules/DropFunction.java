package dev.airlock.core.rules;

import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "drop-function",
    severity = Severity.HIGH,
    category = Category.BREAKING_CHANGE,
    summary = "DROP FUNCTION, PROCEDURE, TRIGGER or RULE removes code the database runs",
    why = "Callers fail with 'function does not exist', and a dropped trigger or rule silently stops"
        + " enforcing whatever it enforced (audit rows, derived columns, integrity).",
    saferWay = "Confirm nothing calls it (pg_stat_user_functions, application code), then drop it"
        + " in its own reviewed migration.")
public final class DropFunction implements Rule {
  private static final Set<ObjectKind> KINDS =
      EnumSet.of(
          ObjectKind.FUNCTION,
          ObjectKind.PROCEDURE,
          ObjectKind.AGGREGATE,
          ObjectKind.TRIGGER,
          ObjectKind.EVENT_TRIGGER,
          ObjectKind.RULE,
          ObjectKind.EVENT);

  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof Drop d && KINDS.contains(d.kind())) {
      boolean enforces =
          d.kind() == ObjectKind.TRIGGER
              || d.kind() == ObjectKind.RULE
              || d.kind() == ObjectKind.EVENT_TRIGGER
              || d.kind() == ObjectKind.EVENT;
      return Optional.of(
          "drops "
              + d.kindName()
              + " "
              + Quote.all(d.names())
              + (enforces
                  ? "; whatever it enforced stops silently"
                  : "; every caller fails from now on")
              + (d.cascade() ? "; CASCADE also drops the triggers and objects that use it" : ""));
    }
    return Optional.empty();
  }
}
