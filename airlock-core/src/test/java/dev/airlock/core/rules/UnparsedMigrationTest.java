package dev.airlock.core.rules;

import static dev.airlock.core.rules.OperationAssert.finds;
import static dev.airlock.core.rules.OperationAssert.ignores;

import dev.airlock.core.operation.Unparsed;
import org.junit.jupiter.api.Test;

class UnparsedMigrationTest {
  private final UnparsedMigration rule = new UnparsedMigration();

  @Test
  void namesTheFormatAndTheReason() {
    finds(
        rule,
        new dev.airlock.core.operation.UnparsedMigration("django", "syntax error on line 12"),
        "not understood as a django migration: syntax error on line 12");
  }

  @Test
  void leavesSqlToUnparsedStatement() {
    ignores(rule, new Unparsed("unterminated string"));
  }
}
