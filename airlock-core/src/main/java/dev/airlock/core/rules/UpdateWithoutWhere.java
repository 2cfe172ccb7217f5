package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.UpdateRows;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "update-without-where",
    severity = Severity.HIGH,
    category = Category.DATA_LOSS,
    summary = "UPDATE without WHERE overwrites a column in every row",
    why = "The old values of every row are overwritten for good; a FROM without a condition does"
        + " not restrict which rows change.",
    saferWay = "Write the WHERE that selects exactly the rows you mean, and back up the old values"
        + " first.")
public final class UpdateWithoutWhere implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof UpdateRows u && u.where().isEmpty()) {
      return Optional.of(
          "overwrites "
              + (u.columns().isEmpty() ? "columns" : Quote.all(u.columns()))
              + " in every row of "
              + Quote.of(u.table())
              + ": there is no WHERE");
    }
    return Optional.empty();
  }
}
