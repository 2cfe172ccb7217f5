package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "drop-constraint",
    severity = Severity.MEDIUM,
    category = Category.BREAKING_CHANGE,
    summary = "DROP CONSTRAINT removes a check, key or foreign key",
    why = "Once it is gone, bad rows (duplicates, orphans, invalid values) can be written, and"
        + " putting it back later fails on the rows that slipped in meanwhile.",
    saferWay = "Keep the constraint unless it is replaced in the same migration, and say in the"
        + " review why the data no longer needs it.")
public final class DropConstraint implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.DropConstraint d) {
      return Optional.of(
          "drops constraint "
              + Quote.of(d.constraint())
              + " of "
              + Quote.of(d.table())
              + "; rows that break it can be written from now on"
              + (d.cascade() ? "; CASCADE also drops the foreign keys that depend on it" : ""));
    }
    return Optional.empty();
  }
}
