package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "data-migration",
    severity = Severity.MEDIUM,
    category = Category.UNVERIFIABLE,
    summary = "Migration code that changes data (Django RunPython and the like) with an unknown effect",
    why = "Arbitrary code runs against production rows inside the deploy; nothing in the source says"
        + " which rows it touches, and without reverse code it cannot be rolled back.",
    saferWay = "Keep data changes small and idempotent, give them reverse code, and run them against"
        + " a copy of production first.")
public final class DataMigration implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.DataMigration d) {
      return Optional.of(
          "runs "
              + Quote.of(d.code())
              + " on the data; what it changes cannot be checked"
              + (d.reversible() ? "" : ", and it has no reverse code, so it cannot be rolled back"));
    }
    return Optional.empty();
  }
}
