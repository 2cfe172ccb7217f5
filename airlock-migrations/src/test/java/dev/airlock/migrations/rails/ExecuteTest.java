package dev.airlock.migrations.rails;

import static dev.airlock.migrations.rails.RailsTesting.ops;
import static dev.airlock.migrations.rails.RailsTesting.parse;
import static dev.airlock.migrations.rails.RailsTesting.upDown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Truncate;
import dev.airlock.core.operation.UpdateRows;
import org.junit.jupiter.api.Test;

/** execute with SQL in every shape Ruby writes a string; interpolation is dynamic SQL. */
class ExecuteTest {
  private static String up(String body) {
    return upDown(body, "raise ActiveRecord::IrreversibleMigration");
  }

  @Test
  void plainString() {
    Parsed p = parse(up("execute \"ALTER TABLE orders DROP COLUMN legacy_order_id\""));
    Occurrence o = p.occurrences().get(0);
    assertThat(o.operation()).isEqualTo(new DropColumn("orders", "legacy_order_id", false, false));
    assertThat(o.generatedSql()).contains("ALTER TABLE orders DROP COLUMN legacy_order_id");
    assertThat(o.statement()).isEqualTo("execute \"ALTER TABLE orders DROP COLUMN legacy_order_id\"");
    assertThat(o.within().orElseThrow()).startsWith("`execute` in `up` of TestMigration");
  }

  @Test
  void squigglyHeredocSpansToItsTerminator() {
    String body =
        """
        execute <<~SQL
          DELETE FROM sessions
          WHERE updated_at < now() - interval '90 days';
          TRUNCATE TABLE audit_log_staging;
        SQL
        """;
    Parsed p = parse(up(body));
    assertThat(RailsTesting.risky(p)).hasSize(3);
    assertThat(RailsTesting.risky(p).get(0)).isInstanceOf(DeleteRows.class);
    assertThat(RailsTesting.risky(p).get(1)).isInstanceOf(Truncate.class);
    Occurrence o = p.occurrences().get(0);
    assertThat(o.span().startLine()).isEqualTo(3);
    assertThat(o.span().endLine()).isEqualTo(7);
    assertThat(o.statement()).endsWith("SQL");
  }

  @Test
  void dashHeredocWithSquishAndParentheses() {
    String body =
        """
        execute(<<-SQL.squish)
            DROP TABLE IF EXISTS legacy_payments
          SQL
        """;
    assertThat(ops(up(body)).get(0)).isInstanceOf(Drop.class);
  }

  @Test
  void quotedHeredocIgnoresInterpolationSyntax() {
    String body = "execute <<~'SQL'\n  UPDATE users SET bio = '#{not ruby}' WHERE id = 1\nSQL";
    assertThat(ops(up(body)).get(0)).isInstanceOf(UpdateRows.class);
  }

  @Test
  void percentQuotes() {
    assertThat(ops(up("execute %q(DROP TABLE tmp_imports)")).get(0))
        .isEqualTo(Drop.of(ObjectKind.TABLE, "tmp_imports"));
    assertThat(ops(up("execute %Q{DROP TABLE tmp_exports}")).get(0))
        .isEqualTo(Drop.of(ObjectKind.TABLE, "tmp_exports"));
  }

  @Test
  void concatenationWithPlusAndAdjacentLiterals() {
    assertThat(ops(up("execute \"DELETE FROM carts \" +\n  \"WHERE user_id IS NULL\"")).get(0))
        .isInstanceOf(DeleteRows.class);
    assertThat(ops(up("execute \"DROP TABLE \" \\\n  \"old_carts\"")).get(0))
        .isEqualTo(Drop.of(ObjectKind.TABLE, "old_carts"));
  }

  @Test
  void interpolationIsDynamicSql() {
    Parsed p = parse(up("execute \"DROP TABLE #{table_name}\""));
    assertThat(RailsTesting.risky(p).get(0)).isInstanceOf(DynamicSql.class);
    assertThat(((DynamicSql) RailsTesting.risky(p).get(0)).reason()).contains("#{table_name}");
    assertThat(ops(up("execute <<~SQL\n  DELETE FROM #{LEGACY}\nSQL")).get(0)).isInstanceOf(DynamicSql.class);
  }

  @Test
  void sqlHeldInALocalVariable() {
    String body = "sql = <<~SQL\n  DELETE FROM notifications WHERE read = true\nSQL\nexecute(sql)";
    assertThat(ops(up(body)).get(0)).isInstanceOf(DeleteRows.class);
  }

  @Test
  void unknownValueIsDynamic() {
    assertThat(ops(up("execute File.read(Rails.root.join('db/cleanup.sql'))")).get(0)).isInstanceOf(DynamicSql.class);
  }

  @Test
  void connectionReceiversAndOtherSqlMethods() {
    assertThat(ops(up("ActiveRecord::Base.connection.execute(\"TRUNCATE sessions\")")).get(0)).isInstanceOf(Truncate.class);
    assertThat(ops(up("connection.exec_update(\"UPDATE users SET admin = false\")")).get(0)).isInstanceOf(UpdateRows.class);
    assertThat(ops(up("exec_delete \"DELETE FROM tokens WHERE expired\"")).get(0)).isInstanceOf(DeleteRows.class);
  }

  @Test
  void benignSqlIsCountedWithoutFindings() {
    Parsed p = parse(upDown("execute \"CREATE INDEX CONCURRENTLY idx_a ON orders (created_at)\"", "execute \"DROP INDEX idx_a\""));
    assertThat(RailsTesting.risky(p)).isEmpty();
    assertThat(p.statements()).isEqualTo(1);
  }

  @Test
  void executeInsideAStringDoesNotCount() {
    assertThat(ops(up("say \"execute 'DROP TABLE users' would be bad\""))).isEmpty();
  }
}
