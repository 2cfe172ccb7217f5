package dev.airlock.core.rules;

import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Predicate;
import dev.airlock.core.operation.UpdateRows;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "tautological-where",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "DELETE or UPDATE whose WHERE is always true",
    why = "A condition such as 1=1, TRUE, x = x, OR 1=1 or LIKE '%' looks like a filter but selects"
        + " every row, so the statement empties or overwrites the whole table.",
    saferWay = "Replace the condition with one that names the rows you mean, and count them with a"
        + " SELECT first.")
public final class TautologicalWhere implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof DeleteRows d) {
      return always(d.where()).map(why -> "deletes every row of " + Quote.of(d.table()) + ": " + why);
    }
    if (operation instanceof UpdateRows u) {
      return always(u.where())
          .map(why -> "overwrites every row of " + Quote.of(u.table()) + ": " + why);
    }
    return Optional.empty();
  }

  private static Optional<String> always(Optional<Predicate> where) {
    return where.flatMap(Predicate::alwaysTrueBecause);
  }
}
