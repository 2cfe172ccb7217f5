package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "dynamic-sql",
    severity = Severity.HIGH,
    category = Category.UNVERIFIABLE,
    summary = "SQL built at run time (EXECUTE of a computed string) whose effect is unknown",
    why = "Nothing can tell from the source what the string will say when it runs; it may drop or"
        + " delete anything, so it cannot be reviewed like the rest of the file.",
    saferWay = "Write the statements out literally, or generate them once and commit the"
        + " generated SQL for review.")
public final class DynamicSql implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.DynamicSql d) {
      return Optional.of(d.reason() + "; what it does cannot be checked");
    }
    return Optional.empty();
  }
}
