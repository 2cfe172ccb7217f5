package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "rename-column",
    severity = Severity.HIGH,
    category = Category.BREAKING_CHANGE,
    summary = "RENAME COLUMN breaks everything that uses the old name",
    why = "Running application code, function bodies and reports still name the old column and"
        + " fail the moment the rename commits; a deploy cannot switch all of them at once.",
    saferWay = "Add the new column, write both, move readers over, then drop the old one"
        + " (expand and contract).")
public final class RenameColumn implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.RenameColumn r) {
      return Optional.of(
          "renames column "
              + Quote.of(r.table() + "." + r.from())
              + " to "
              + Quote.of(r.to())
              + "; every query and function that names the old column breaks");
    }
    return Optional.empty();
  }
}
