package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "irreversible-migration",
    severity = Severity.MEDIUM,
    category = Category.DATA_LOSS,
    summary = "A migration whose rollback cannot bring back what it destroyed",
    why = "When the deploy goes wrong the rollback either refuses to run or recreates empty columns"
        + " and tables, so the only way back is a backup that is hours old.",
    saferWay = "Back up what the migration destroys (a copy table or an export) and write a down step"
        + " that restores it.")
public final class IrreversibleMigration implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.IrreversibleMigration i) {
      return Optional.of("cannot be rolled back: " + i.reason());
    }
    return Optional.empty();
  }
}
