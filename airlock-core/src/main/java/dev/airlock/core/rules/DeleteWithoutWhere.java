package dev.airlock.core.rules;

import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "delete-without-where",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "DELETE without WHERE deletes every row of the table",
    why = "A missing or cut-off WHERE turns a cleanup into emptying the table; USING or LIMIT"
        + " without a condition does not restrict which rows go.",
    saferWay = "Write the WHERE that selects exactly the rows you mean, and run it as a SELECT"
        + " first to count them.")
public final class DeleteWithoutWhere implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof DeleteRows d && d.where().isEmpty()) {
      return Optional.of("deletes every row of " + Quote.of(d.table()) + ": there is no WHERE");
    }
    return Optional.empty();
  }
}
