package dev.airlock.core.rules;

import static dev.airlock.core.rules.OperationAssert.finds;
import static dev.airlock.core.rules.OperationAssert.ignores;

import dev.airlock.core.operation.AutoDdl;
import org.junit.jupiter.api.Test;

class SchemaWipeTest {
  private final SchemaWipe rule = new SchemaWipe();

  @Test
  void reportsTheCommandOrSetting() {
    finds(rule, new dev.airlock.core.operation.SchemaWipe("flyway clean"), "`flyway clean` drops every table and row");
    finds(rule, new dev.airlock.core.operation.SchemaWipe("spring.jpa.hibernate.ddl-auto=create-drop"), "ddl-auto=create-drop");
  }

  @Test
  void ignoresAutoDdl() {
    ignores(rule, new AutoDdl("ddl-auto=update"));
  }
}
