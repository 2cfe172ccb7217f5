package dev.airlock.migrations.django;

import static dev.airlock.migrations.django.DjangoFixture.ops;
import static dev.airlock.migrations.django.DjangoFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.DataMigration;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.Operation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DjangoRunPythonTest {
  private static final String FUNCS =
      """
      from django.db import migrations


      def backfill_status(apps, schema_editor):
          Order = apps.get_model('shop', 'Order')
          Order.objects.filter(status__isnull=True).update(status='new')


      def purge_carts(apps, schema_editor):
          Cart = apps.get_model("shop.Cart")
          Cart.objects.all().delete()
          Session = apps.get_model('shop', 'Session')
          Session.objects.filter(expired=True).delete()


      def raw(apps, schema_editor):
          schema_editor.execute("DROP TABLE shop_tmp_import")
          with schema_editor.connection.cursor() as cursor:
              cursor.execute(sql_for(apps))


      """;

  private static Parsed run(String ops) {
    String text =
        FUNCS
            + "class Migration(migrations.Migration):\n    dependencies = [('shop', '0010_x')]\n    operations = [\n"
            + ops
            + "\n    ]\n";
    return parse("shop/migrations/0011_data.py", text);
  }

  @Test
  void withoutReverseCodeIsIrreversible() {
    Parsed p = run("        migrations.RunPython(backfill_status),");
    assertThat(ops(p)).containsExactly(new DataMigration("RunPython(backfill_status)", false));
    assertThat(p.occurrences().get(0).within())
        .hasValueSatisfying(w -> assertThat(w).contains("without reverse_code"));
  }

  @Test
  void withReverseCode() {
    Parsed p =
        run(
            "        migrations.RunPython(\n            code=backfill_status,\n            reverse_code=clear_status,\n        ),");
    assertThat(ops(p)).containsExactly(new DataMigration("RunPython(backfill_status)", true));
  }

  @Test
  void noopReverseIsReversibleButSaysItDoesNothing() {
    Parsed p = run("        migrations.RunPython(backfill_status, migrations.RunPython.noop),");
    assertThat(ops(p))
        .containsExactly(
            new DataMigration("RunPython(backfill_status, reverse_code=RunPython.noop)", true));
    assertThat(p.occurrences().get(0).within())
        .hasValueSatisfying(w -> assertThat(w).contains("leaves its changes in place"));
  }

  @Test
  void deletesInsideTheFunctionAreReported() {
    Parsed p =
        run("        migrations.RunPython(purge_carts, reverse_code=migrations.RunPython.noop),");
    // the deletes point at their lines inside the function, above the Migration class
    assertThat(ops(p)).hasSize(3);
    assertThat(ops(p).get(2)).isInstanceOf(DataMigration.class);
    assertThat(ops(p).get(0)).isEqualTo(new DeleteRows("shop_cart", Optional.empty()));
    Operation filtered = ops(p).get(1);
    assertThat(filtered).isInstanceOf(DeleteRows.class);
    assertThat(((DeleteRows) filtered).table()).isEqualTo("shop_session");
    assertThat(((DeleteRows) filtered).where()).isPresent();
  }

  @Test
  void rawSqlInsideTheFunctionIsAnalysed() {
    Parsed p = run("        migrations.RunPython(raw),");
    assertThat(ops(p)).hasSize(3);
    assertThat(ops(p).get(0)).isInstanceOf(Drop.class);
    assertThat(ops(p).get(1)).isInstanceOf(DynamicSql.class);
    assertThat(ops(p).get(2)).isInstanceOf(DataMigration.class);
    assertThat(p.occurrences().get(0).within())
        .hasValueSatisfying(w -> assertThat(w).contains("inside RunPython `raw`"));
    assertThat(p.occurrences().get(0).span().startLine()).isEqualTo(17);
  }
}
