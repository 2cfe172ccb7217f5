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
    id = "drop-schema",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "DROP SCHEMA or DROP OWNED deletes a whole namespace of objects",
    why = "With CASCADE every table, view, function and row in the schema goes at once, and DROP"
        + " OWNED BY removes everything a role owns wherever it lives.",
    saferWay = "Drop the objects one by one in reviewed migrations, or rename the schema aside and"
        + " drop it once nothing uses it.")
public final class DropSchema implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (!(operation instanceof Drop d)) {
      return Optional.empty();
    }
    if (d.kind() == ObjectKind.OWNED_OBJECTS) {
      return Optional.of(
          "drops every object owned by " + Quote.all(d.names()) + ", in every schema of the database");
    }
    if (d.kind() != ObjectKind.SCHEMA) {
      return Optional.empty();
    }
    return Optional.of(
        "drops schema "
            + Quote.all(d.names())
            + (d.cascade()
                ? " with CASCADE: every table, view, function and row in it goes too"
                : " (PostgreSQL refuses while it holds objects; on MySQL it drops every table in it)")
            + (d.ifExists() ? "; IF EXISTS hides a wrong name" : ""));
  }
}
