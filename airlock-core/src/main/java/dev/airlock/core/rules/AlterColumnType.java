package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "alter-column-type",
    severity = Severity.HIGH,
    category = Category.BREAKING_CHANGE,
    summary = "ALTER COLUMN ... TYPE (or MySQL MODIFY/CHANGE) changes a column's type in place",
    why = "The table is rewritten under an exclusive lock, values that do not fit are truncated,"
        + " rounded or make the migration fail, and code that expects the old type breaks.",
    saferWay = "Add a new column of the new type, backfill it in batches, switch readers over, then"
        + " drop the old column in a later release.")
public final class AlterColumnType implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.AlterColumnType a) {
      return Optional.of(
          "changes the type of "
              + Quote.of(a.table() + "." + a.column())
              + (a.newType().isBlank() ? "" : " to " + Quote.of(a.newType()))
              + "; the table is rewritten under lock and values that do not fit are lost or fail");
    }
    return Optional.empty();
  }
}
