package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "schema-wipe",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "flyway clean, liquibase drop-all or Hibernate create/create-drop wipes the schema",
    why = "Every table and row of the schema is dropped in one step, by a tool or a setting that a"
        + " wrong profile or an agent can run against production.",
    saferWay = "Keep clean and drop-all disabled outside throw-away databases (flyway"
        + " cleanDisabled=true) and use validate or none for ddl-auto outside tests.")
public final class SchemaWipe implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.SchemaWipe w) {
      return Optional.of(Quote.of(w.how()) + " drops every table and row of the schema");
    }
    return Optional.empty();
  }
}
