package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Predicate;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "delete-rows",
    severity = Severity.MEDIUM,
    category = Category.DATA_LOSS,
    summary = "DELETE or MERGE ... DELETE removes rows for good",
    why = "Even a well-filtered DELETE destroys data that only a backup can bring back, so a"
        + " reviewer should see every one.",
    saferWay = "Count the rows with the same WHERE first, and keep a copy of them (or soft-delete)"
        + " until the change has proven right.")
public final class DeleteRows implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.DeleteRows d
        && d.where().isPresent()
        && d.where().get().alwaysTrueBecause().isEmpty()
        && d.where().get().textMatches().isEmpty()) {
      Predicate where = d.where().get();
      return Optional.of("deletes rows of " + Quote.of(d.table()) + " where " + Quote.of(where.text()));
    }
    return Optional.empty();
  }
}
