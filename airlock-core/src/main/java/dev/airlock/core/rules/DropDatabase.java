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
    id = "drop-database",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "DROP DATABASE deletes an entire database",
    why = "Every schema, table and row of the database is deleted and cannot be rolled back; it"
        + " cannot even run inside a transaction.",
    saferWay = "Never drop a database from a migration or script; decommission it by hand after"
        + " a final backup has been verified.")
public final class DropDatabase implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof Drop d && d.kind() == ObjectKind.DATABASE) {
      return Optional.of(
          "drops database "
              + Quote.all(d.names())
              + " with every schema, table and row in it"
              + (d.ifExists() ? "; IF EXISTS hides a wrong name" : ""));
    }
    return Optional.empty();
  }
}
