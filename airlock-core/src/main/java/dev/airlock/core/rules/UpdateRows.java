package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Predicate;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "update-rows",
    severity = Severity.LOW,
    category = Category.DATA_LOSS,
    summary = "UPDATE or MERGE ... UPDATE overwrites values for good",
    why = "The old values are gone once the statement commits, so a reviewer should see every"
        + " data change, however well filtered.",
    saferWay = "Count the rows with the same WHERE first, and keep the old values until the change"
        + " has proven right.")
public final class UpdateRows implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.UpdateRows u
        && u.where().isPresent()
        && u.where().get().alwaysTrueBecause().isEmpty()
        && u.where().get().textMatches().isEmpty()) {
      Predicate where = u.where().get();
      return Optional.of(
          "overwrites "
              + (u.columns().isEmpty() ? "columns" : Quote.all(u.columns()))
              + " of "
              + Quote.of(u.table())
              + " where "
              + Quote.of(where.text()));
    }
    return Optional.empty();
  }
}
