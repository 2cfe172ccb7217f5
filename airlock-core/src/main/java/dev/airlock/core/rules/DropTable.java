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
    id = "drop-table",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "DROP TABLE deletes a table and every row in it",
    why = "The rows are gone the moment the statement commits; only a backup brings them back, and"
        + " IF EXISTS turns a wrong name or the wrong database into silence instead of an error.",
    saferWay = "Rename the table aside (or revoke access to it) now and drop it in a later release"
        + " once nothing has touched it.")
public final class DropTable implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (!(operation instanceof Drop d)
        || (d.kind() != ObjectKind.TABLE && d.kind() != ObjectKind.PARTITION)) {
      return Optional.empty();
    }
    String what = d.kindName().startsWith("temporary") ? "temporary table" : d.kindName();
    String message =
        "drops "
            + what
            + (d.names().size() > 1 ? "s " : " ")
            + Quote.all(d.names())
            + " and every row in "
            + (d.names().size() > 1 ? "them" : "it")
            + (d.cascade()
                ? "; CASCADE also drops every view and foreign key that depends on "
                    + (d.names().size() > 1 ? "them" : "it")
                : "")
            + (d.ifExists() ? "; IF EXISTS hides a wrong name" : "");
    return Optional.of(message);
  }
}
