package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "drop-column",
    severity = Severity.HIGH,
    category = Category.DATA_LOSS,
    summary = "DROP COLUMN deletes a column and every value in it",
    why = "The values are gone for good, and any view, function, stored procedure or application"
        + " code that still reads the column starts failing the moment the migration commits.",
    saferWay = "Stop reading and writing the column in one release, back up its values, and drop"
        + " it in a later release.")
public final class DropColumn implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (!(operation instanceof dev.airlock.core.operation.DropColumn d)) {
      return Optional.empty();
    }
    return Optional.of(
        "drops column "
            + Quote.of(d.column())
            + " of "
            + Quote.of(d.table())
            + " and every value in it; code and functions that read it break"
            + (d.cascade() ? "; CASCADE also drops the views and constraints that use it" : "")
            + (d.ifExists() ? "; IF EXISTS hides a wrong name" : ""));
  }
}
