package dev.airlock.core.rules;

import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "drop-view",
    severity = Severity.MEDIUM,
    category = Category.BREAKING_CHANGE,
    summary = "DROP VIEW or DROP MATERIALIZED VIEW removes a relation others query",
    why = "Reports, applications and other views that select from it fail at once; a materialized"
        + " view's stored rows are gone until it is rebuilt.",
    saferWay = "Find and migrate every reader of the view first, then drop it in a separate"
        + " release.")
public final class DropView implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof Drop d
        && (d.kind() == ObjectKind.VIEW || d.kind() == ObjectKind.MATERIALIZED_VIEW)) {
      return Optional.of(
          "drops "
              + d.kindName()
              + " "
              + Quote.all(d.names())
              + "; every query that reads it breaks"
              + (d.cascade() ? "; CASCADE also drops the views built on it" : ""));
    }
    return Optional.empty();
  }
}
