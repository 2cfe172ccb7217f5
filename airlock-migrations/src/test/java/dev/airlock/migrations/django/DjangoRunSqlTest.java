package dev.airlock.migrations.django;

import static dev.airlock.migrations.django.DjangoFixture.migration;
import static dev.airlock.migrations.django.DjangoFixture.ops;
import static dev.airlock.migrations.django.DjangoFixture.parse;
import static dev.airlock.migrations.django.DjangoFixture.sql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Truncate;
import dev.airlock.core.operation.UpdateRows;
import java.util.List;
import org.junit.jupiter.api.Test;

class DjangoRunSqlTest {
  private static Parsed run(String ops) {
    return parse("shop/migrations/0050_sql.py", migration("('shop', '0049_x')", ops));
  }

  @Test
  void singleStringWithoutReverse() {
    Parsed p =
        run("        migrations.RunSQL('ALTER TABLE shop_order DROP COLUMN legacy_order_id'),");
    assertThat(ops(p))
        .containsExactly(new DropColumn("shop_order", "legacy_order_id", false, false));
    assertThat(p.occurrences().get(0).within())
        .hasValueSatisfying(w -> assertThat(w).contains("RunSQL without reverse_sql"));
    assertThat(p.occurrences().get(0).statement()).startsWith("migrations.RunSQL(");
    assertThat(sql(p)).containsExactly("ALTER TABLE shop_order DROP COLUMN legacy_order_id");
  }

  @Test
  void tripleQuotedScriptWithSeveralStatementsAndReverse() {
    Parsed p =
        run(
            """
                migrations.RunSQL(
                    sql=\"\"\"
                        UPDATE shop_order SET status = 'archived' WHERE created < '2019-01-01';
                        DELETE FROM shop_cart;
                    \"\"\",
                    reverse_sql=\"\"\"SELECT 1;\"\"\",
                ),""");
    assertThat(ops(p)).hasSize(2);
    assertThat(ops(p).get(0)).isInstanceOf(UpdateRows.class);
    assertThat(ops(p).get(1)).isEqualTo(new DeleteRows("shop_cart", java.util.Optional.empty()));
    assertThat(p.occurrences())
        .allSatisfy(o -> assertThat(o.within().orElseThrow()).contains("RunSQL with reverse_sql"));
  }

  @Test
  void implicitAndPlusConcatenation() {
    Parsed p =
        run(
            "        migrations.RunSQL(\n            'DROP TABLE '\n            'shop_legacy' + ' CASCADE'\n        ),");
    assertThat(ops(p))
        .containsExactly(new Drop(ObjectKind.TABLE, "table", List.of("shop_legacy"), false, true));
  }

  @Test
  void listOfStringsAndOfSqlParamsTuples() {
    Parsed p =
        run(
            """
                migrations.RunSQL([
                    "TRUNCATE shop_session",
                    ("DELETE FROM shop_token WHERE expires < %s", ['2020-01-01']),
                ]),""");
    assertThat(ops(p).get(0)).isEqualTo(new Truncate(List.of("shop_session"), false));
    assertThat(ops(p).get(1)).isInstanceOf(DeleteRows.class);
  }

  @Test
  void sqlInAModuleConstant() {
    String text =
        "from django.db import migrations\n\nFORWARD = '''\nDROP VIEW shop_report;\n'''\n\n"
            + "class Migration(migrations.Migration):\n    operations = [migrations.RunSQL(FORWARD, migrations.RunSQL.noop)]\n";
    Parsed p = parse("shop/migrations/0051_x.py", text);
    assertThat(ops(p))
        .containsExactly(new Drop(ObjectKind.VIEW, "view", List.of("shop_report"), false, false));
    assertThat(p.occurrences().get(0).within())
        .hasValueSatisfying(w -> assertThat(w).contains("RunSQL.noop"));
  }

  @Test
  void sqlBuiltAtRunTimeIsDynamic() {
    Parsed p =
        run(
            "        migrations.RunSQL(f'DROP TABLE {settings.OLD_TABLE}'),\n        migrations.RunSQL(build_sql()),");
    assertThat(ops(p)).hasSize(2).allMatch(o -> o instanceof DynamicSql);
  }

  @Test
  void noopAndHarmlessSql() {
    Parsed p =
        run(
            "        migrations.RunSQL(migrations.RunSQL.noop, reverse_sql='DROP TABLE x'),\n        migrations.RunSQL('CREATE INDEX CONCURRENTLY ix ON shop_order (created)'),");
    assertThat(ops(p)).hasSize(2).allMatch(o -> o instanceof Benign);
    assertThat(ops(p).get(0)).isEqualTo(new Benign("RunSQL.noop"));
  }

  @Test
  void stateOperationsOfRunSqlChangeNoSchema() {
    Parsed p =
        run(
            "        migrations.RunSQL('ALTER TABLE shop_order RENAME COLUMN a TO b', state_operations=[migrations.RenameField('order', 'a', 'b')]),");
    assertThat(ops(p)).anyMatch(o -> o.equals(new Benign("RenameField (state only)")));
    assertThat(ops(p)).anyMatch(o -> o instanceof dev.airlock.core.operation.RenameColumn);
  }
}
