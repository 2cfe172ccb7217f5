package dev.airlock.core.rules;

import static dev.airlock.core.rules.OperationAssert.finds;
import static dev.airlock.core.rules.OperationAssert.ignores;

import dev.airlock.core.operation.Benign;
import org.junit.jupiter.api.Test;

class IrreversibleMigrationTest {
  private final IrreversibleMigration rule = new IrreversibleMigration();

  @Test
  void reportsTheReason() {
    finds(
        rule,
        new dev.airlock.core.operation.IrreversibleMigration("down raises ActiveRecord::IrreversibleMigration"),
        "cannot be rolled back: down raises");
  }

  @Test
  void ignoresOtherOperations() {
    ignores(rule, new Benign("add_column"));
  }
}
