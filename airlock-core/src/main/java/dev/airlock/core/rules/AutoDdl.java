package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "auto-ddl",
    severity = Severity.MEDIUM,
    category = Category.BREAKING_CHANGE,
    summary = "The ORM changes the schema at start-up (Hibernate ddl-auto=update) without a migration",
    why = "Schema changes happen when the application starts, unreviewed and unversioned, and"
        + " nothing records what changed or how to undo it.",
    saferWay = "Set ddl-auto to validate or none and make schema changes in reviewed migrations.")
public final class AutoDdl implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.AutoDdl a) {
      return Optional.of(Quote.of(a.setting()) + " lets the ORM change the schema at start-up with no reviewed migration");
    }
    return Optional.empty();
  }
}
