package dev.airlock.core.rules;

import static dev.airlock.core.rules.OperationAssert.finds;
import static dev.airlock.core.rules.OperationAssert.ignores;

import org.junit.jupiter.api.Test;

class AutoDdlTest {
  private final AutoDdl rule = new AutoDdl();

  @Test
  void reportsTheSetting() {
    finds(rule, new dev.airlock.core.operation.AutoDdl("spring.jpa.hibernate.ddl-auto=update"), "change the schema at start-up");
  }

  @Test
  void ignoresWipes() {
    ignores(rule, new dev.airlock.core.operation.SchemaWipe("flyway clean"));
  }
}
