package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "truncate",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "TRUNCATE deletes every row of a table at once",
    why = "No WHERE, no per-row triggers, no way to undo once committed; with CASCADE it also"
        + " empties every table that references this one by foreign key.",
    saferWay = "Delete the rows you mean with a reviewed WHERE, in batches, after backing them"
        + " up.")
public final class Truncate implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.Truncate t) {
      return Optional.of(
          "deletes every row of "
              + Quote.all(t.tables())
              + (t.cascade() ? "; CASCADE also empties every table that references it" : ""));
    }
    return Optional.empty();
  }
}
