package dev.airlock.migrations.django;

import static dev.airlock.migrations.django.DjangoFixture.migration;
import static dev.airlock.migrations.django.DjangoFixture.ops;
import static dev.airlock.migrations.django.DjangoFixture.parse;
import static dev.airlock.migrations.django.DjangoFixture.sql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.python.TestProject;
import java.util.List;
import org.junit.jupiter.api.Test;

class DjangoFieldOperationsTest {
  static final String INITIAL =
      migration(
          "",
          """
              migrations.CreateModel(
                  name='Order',
                  fields=[
                      ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                      ('legacy_order_id', models.CharField(max_length=64, null=True)),
                      ('total', models.DecimalField(decimal_places=2, max_digits=10)),
                      ('note', models.CharField(max_length=100, db_column='order_note')),
                      ('customer', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='shop.customer')),
                      ('tags', models.ManyToManyField(to='shop.tag')),
                  ],
                  options={'db_table': 'orders'},
              ),
              migrations.CreateModel(
                  name='Customer',
                  fields=[('id', models.BigAutoField(primary_key=True, serialize=False)), ('email', models.EmailField(max_length=254))],
              ),""");

  private static TestProject history(String later) {
    return TestProject.inMemory()
        .with("shop/migrations/0001_initial.py", INITIAL)
        .with("shop/migrations/0002_later.py", later);
  }

  private static Parsed second(String ops, Dialect dialect) {
    String text = migration("('shop', '0001_initial')", ops);
    return parse("shop/migrations/0002_later.py", text, dialect, history(text));
  }

  @Test
  void seedIncidentRemoveFieldOnPostgresql() {
    Parsed p =
        parse(
            "shop/migrations/0042_remove_order_legacy_order_id.py",
            migration(
                "('shop', '0041_auto')",
                "        migrations.RemoveField('order', 'legacy_order_id'),"));
    assertThat(ops(p))
        .containsExactly(new DropColumn("shop_order", "legacy_order_id", false, true));
    assertThat(sql(p))
        .containsExactly("ALTER TABLE \"shop_order\" DROP COLUMN \"legacy_order_id\" CASCADE;");
    assertThat(p.statements()).isEqualTo(1);
  }

  @Test
  void removeFieldSplitOverLinesWithKeywordsUsesDbTableFromHistory() {
    Parsed p =
        second(
            "        migrations.RemoveField(\n            model_name='order',\n\n            name='legacy_order_id',\n        ),",
            Dialect.POSTGRESQL);
    assertThat(ops(p)).containsExactly(new DropColumn("orders", "legacy_order_id", false, true));
    assertThat(p.occurrences().get(0).span().startLine()).isEqualTo(10);
    assertThat(p.occurrences().get(0).span().endLine()).isEqualTo(14);
    assertThat(p.occurrences().get(0).statement())
        .startsWith("migrations.RemoveField(")
        .endsWith(")");
  }

  @Test
  void removeFieldPerDialect() {
    String op = "        migrations.RemoveField(model_name='order', name='legacy_order_id'),";
    assertThat(sql(second(op, Dialect.MYSQL)))
        .containsExactly("ALTER TABLE `orders` DROP COLUMN `legacy_order_id`;");
    assertThat(sql(second(op, Dialect.SQLITE)))
        .containsExactly("ALTER TABLE \"orders\" DROP COLUMN \"legacy_order_id\";");
  }

  @Test
  void removeForeignKeyDropsTheIdColumnAndSqliteRemakesTheTable() {
    String op = "        migrations.RemoveField(model_name='order', name='customer'),";
    assertThat(ops(second(op, Dialect.POSTGRESQL)))
        .containsExactly(new DropColumn("orders", "customer_id", false, true));
    String sqlite = sql(second(op, Dialect.SQLITE)).get(0);
    assertThat(sqlite)
        .startsWith(
            "-- SQLite cannot drop column \"customer_id\" in place: Django remakes the table \"orders\"");
    assertThat(sqlite)
        .contains(
            "INSERT INTO \"new__orders\" (\"id\", \"legacy_order_id\", \"total\", \"order_note\") SELECT");
    assertThat(sqlite)
        .contains("DROP TABLE \"orders\";")
        .contains("ALTER TABLE \"new__orders\" RENAME TO \"orders\";");
  }

  @Test
  void removeFieldHonoursDbColumn() {
    assertThat(ops(second("        migrations.RemoveField('order', 'note'),", Dialect.POSTGRESQL)))
        .containsExactly(new DropColumn("orders", "order_note", false, true));
  }

  @Test
  void removeManyToManyDropsTheJoinTable() {
    Parsed p = second("        migrations.RemoveField('order', 'tags'),", Dialect.POSTGRESQL);
    assertThat(ops(p))
        .containsExactly(new Drop(ObjectKind.TABLE, "table", List.of("orders_tags"), false, true));
    assertThat(sql(p)).containsExactly("DROP TABLE \"orders_tags\" CASCADE;");
  }

  @Test
  void alterFieldWithANewTypeIsAnAlterColumnType() {
    Parsed p =
        second(
            "        migrations.AlterField(\n            model_name='order',\n            name='total',\n            field=models.DecimalField(decimal_places=2, max_digits=14),\n        ),",
            Dialect.POSTGRESQL);
    assertThat(ops(p)).containsExactly(new AlterColumnType("orders", "total", "numeric(14, 2)"));
    assertThat(sql(p))
        .containsExactly(
            "ALTER TABLE \"orders\" ALTER COLUMN \"total\" TYPE numeric(14, 2) USING \"total\"::numeric(14, 2);");
    assertThat(p.occurrences().get(0).within())
        .hasValueSatisfying(w -> assertThat(w).contains("was numeric(10, 2)"));
  }

  @Test
  void alterFieldOnMysqlAndSqlite() {
    String op =
        "        migrations.AlterField('order', 'legacy_order_id', models.CharField(max_length=32, null=True)),";
    assertThat(sql(second(op, Dialect.MYSQL)))
        .containsExactly("ALTER TABLE `orders` MODIFY `legacy_order_id` varchar(32) NULL;");
    assertThat(sql(second(op, Dialect.SQLITE)).get(0))
        .startsWith(
            "-- SQLite cannot change the type of \"legacy_order_id\" to varchar(32) in place: Django remakes the table");
  }

  @Test
  void alterFieldThatKeepsTheTypeIsBenign() {
    Parsed p =
        second(
            "        migrations.AlterField(model_name='order', name='total', field=models.DecimalField(decimal_places=2, max_digits=10, help_text='gross')),",
            Dialect.POSTGRESQL);
    assertThat(ops(p)).containsExactly(new Benign("AlterField (type unchanged)"));
    Parsed nn =
        second(
            "        migrations.AlterField('order', 'legacy_order_id', models.CharField(max_length=64)),",
            Dialect.POSTGRESQL);
    assertThat(ops(nn)).containsExactly(new Benign("AlterField (sets NOT NULL)"));
    assertThat(sql(nn))
        .containsExactly("ALTER TABLE \"orders\" ALTER COLUMN \"legacy_order_id\" SET NOT NULL;");
  }

  @Test
  void alterFieldWithUnknownHistoryStillReportsTheNewType() {
    Parsed p =
        parse(
            "billing/migrations/0007_x.py",
            migration(
                "('billing', '0006_y')",
                "        migrations.AlterField(model_name='invoice', name='number', field=models.CharField(max_length=20)),"));
    assertThat(ops(p))
        .containsExactly(new AlterColumnType("billing_invoice", "number", "varchar(20)"));
    assertThat(p.occurrences().get(0).within())
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .contains("previous definition is not in the app's earlier migrations"));
  }

  @Test
  void alterFieldThatChangesDbColumnRenamesTheColumn() {
    Parsed p =
        second(
            "        migrations.AlterField('order', 'note', models.CharField(max_length=100, db_column='note')),",
            Dialect.POSTGRESQL);
    assertThat(ops(p)).containsExactly(new RenameColumn("orders", "order_note", "note"));
  }

  @Test
  void renameFieldRenamesTheColumnAndTheIdOfAForeignKey() {
    assertThat(
            ops(
                second(
                    "        migrations.RenameField(model_name='order', old_name='total', new_name='gross_total'),",
                    Dialect.POSTGRESQL)))
        .containsExactly(new RenameColumn("orders", "total", "gross_total"));
    Parsed fk =
        second("        migrations.RenameField('order', 'customer', 'buyer'),", Dialect.MYSQL);
    assertThat(ops(fk)).containsExactly(new RenameColumn("orders", "customer_id", "buyer_id"));
    assertThat(sql(fk))
        .containsExactly("ALTER TABLE `orders` RENAME COLUMN `customer_id` TO `buyer_id`;");
  }

  @Test
  void renameFieldWithDbColumnRunsNoSql() {
    assertThat(
            ops(
                second(
                    "        migrations.RenameField('order', 'note', 'remark'),",
                    Dialect.POSTGRESQL)))
        .containsExactly(new Benign("RenameField (db_column keeps the column)"));
  }

  @Test
  void laterOperationsSeeEarlierOnesOfTheSameFile() {
    Parsed p =
        second(
            "        migrations.AddField('order', 'archived_by', models.ForeignKey(null=True, on_delete=models.SET_NULL, to='auth.user')),\n"
                + "        migrations.RemoveField('order', 'archived_by'),",
            Dialect.POSTGRESQL);
    assertThat(ops(p))
        .containsExactly(
            new Benign("AddField"), new DropColumn("orders", "archived_by_id", false, true));
    assertThat(sql(p).get(0))
        .isEqualTo("ALTER TABLE \"orders\" ADD COLUMN \"archived_by_id\" bigint NULL;");
  }

  @Test
  void addFieldAndCreateModelAreBenignWithTheirSql() {
    Parsed p = parse("shop/migrations/0001_initial.py", INITIAL);
    assertThat(ops(p)).containsOnly(new Benign("CreateModel"));
    assertThat(sql(p).get(0))
        .startsWith(
            "CREATE TABLE \"orders\" (\"id\" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, \"legacy_order_id\" varchar(64) NULL");
    assertThat(sql(p).get(0))
        .contains("\"customer_id\" bigint NOT NULL")
        .contains("CREATE TABLE \"orders_tags\"");
  }

  @Test
  void unmanagedAndProxyModelsRunNoSql() {
    String initial =
        migration(
            "",
            "        migrations.CreateModel(name='Legacy', fields=[('code', models.CharField(max_length=5))], options={'managed': False, 'db_table': 'legacy_codes'}),");
    String later =
        migration(
            "('crm', '0001_initial')",
            "        migrations.RemoveField('legacy', 'code'),\n        migrations.DeleteModel('Legacy'),");
    TestProject project =
        TestProject.inMemory()
            .with("crm/migrations/0001_initial.py", initial)
            .with("crm/migrations/0002_x.py", later);
    Parsed p = parse("crm/migrations/0002_x.py", later, Dialect.POSTGRESQL, project);
    assertThat(ops(p)).allMatch(o -> o instanceof Benign);
    assertThat(sql(p).get(0)).contains("unmanaged");
  }
}
