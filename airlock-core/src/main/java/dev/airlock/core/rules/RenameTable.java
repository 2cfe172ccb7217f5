package dev.airlock.core.rules;

import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "rename-table",
    severity = Severity.HIGH,
    category = Category.BREAKING_CHANGE,
    summary = "RENAME of a table, view or schema breaks everything that uses the old name",
    why = "Application code, function bodies and reports that name the old relation fail the"
        + " moment the rename commits.",
    saferWay = "Create the new name, keep a view under the old name until every reader has moved,"
        + " then drop the view.")
public final class RenameTable implements Rule {
  private static final Set<ObjectKind> KINDS =
      EnumSet.of(
          ObjectKind.TABLE,
          ObjectKind.FOREIGN_TABLE,
          ObjectKind.VIEW,
          ObjectKind.MATERIALIZED_VIEW,
          ObjectKind.SCHEMA,
          ObjectKind.DATABASE);

  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof Rename r && KINDS.contains(r.kind())) {
      return Optional.of(
          "renames "
              + r.kind().label()
              + " "
              + Quote.of(r.from())
              + " to "
              + Quote.of(r.to())
              + "; everything that names the old "
              + r.kind().label()
              + " breaks");
    }
    return Optional.empty();
  }
}
