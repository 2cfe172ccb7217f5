package dev.airlock.core.rules;

import static dev.airlock.core.rules.OperationAssert.finds;
import static dev.airlock.core.rules.OperationAssert.ignores;

import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.DynamicSql;
import org.junit.jupiter.api.Test;

class DataMigrationTest {
  private final DataMigration rule = new DataMigration();

  @Test
  void reportsCodeThatChangesData() {
    finds(rule, new dev.airlock.core.operation.DataMigration("RunPython(forwards)", false), "`RunPython(forwards)` on the data");
    finds(rule, new dev.airlock.core.operation.DataMigration("RunPython(forwards)", false), "no reverse code");
  }

  @Test
  void saysNothingAboutReverseWhenThereIsOne() {
    finds(rule, new dev.airlock.core.operation.DataMigration("RunPython(a, b)", true), "cannot be checked");
    org.assertj.core.api.Assertions.assertThat(rule.check(new dev.airlock.core.operation.DataMigration("x", true)).orElseThrow())
        .doesNotContain("reverse");
  }

  @Test
  void ignoresOtherOperations() {
    ignores(rule, new Benign("CreateModel"));
    ignores(rule, new DynamicSql("x"));
  }
}
