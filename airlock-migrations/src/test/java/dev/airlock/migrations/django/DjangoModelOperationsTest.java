package dev.airlock.migrations.django;

import static dev.airlock.migrations.django.DjangoFixture.migration;
import static dev.airlock.migrations.django.DjangoFixture.ops;
import static dev.airlock.migrations.django.DjangoFixture.parse;
import static dev.airlock.migrations.django.DjangoFixture.sql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.python.TestProject;
import java.util.List;
import org.junit.jupiter.api.Test;

class DjangoModelOperationsTest {
  private static final String INITIAL =
      migration(
          "",
          """
          migrations.CreateModel(
              name='Coupon',
              fields=[
                  ('id', models.AutoField(primary_key=True)),
                  ('code', models.CharField(max_length=20, unique=True)),
                  ('products', models.ManyToManyField(to='catalog.product')),
              ],
          ),
          migrations.CreateModel(name='Voucher', fields=[('id', models.AutoField(primary_key=True))], options={'db_table': 'vouchers'}),""");

  private static Parsed later(
      String name, String deps, String ops, Dialect dialect, TestProject project) {
    String text = migration(deps, ops);
    project.with("promo/migrations/" + name + ".py", text);
    return parse("promo/migrations/" + name + ".py", text, dialect, project);
  }

  private static TestProject project() {
    return TestProject.inMemory().with("promo/migrations/0001_initial.py", INITIAL);
  }

  @Test
  void deleteModelDropsTheTableAndItsJoinTables() {
    Parsed p =
        later(
            "0002_delete",
            "('promo', '0001_initial')",
            "        migrations.DeleteModel(\n            name='Coupon',\n        ),",
            Dialect.POSTGRESQL,
            project());
    assertThat(ops(p))
        .containsExactly(
            new Drop(
                ObjectKind.TABLE,
                "table",
                List.of("promo_coupon", "promo_coupon_products"),
                false,
                true));
    assertThat(sql(p))
        .containsExactly(
            "DROP TABLE \"promo_coupon\" CASCADE;\nDROP TABLE \"promo_coupon_products\" CASCADE;");
  }

  @Test
  void deleteModelOnSqliteHasNoCascade() {
    Parsed p =
        later(
            "0002_delete",
            "('promo', '0001_initial')",
            "        migrations.DeleteModel('Voucher'),",
            Dialect.SQLITE,
            project());
    assertThat(ops(p))
        .containsExactly(new Drop(ObjectKind.TABLE, "table", List.of("vouchers"), false, false));
    assertThat(sql(p)).containsExactly("DROP TABLE \"vouchers\";");
  }

  @Test
  void renameModelRenamesTheTableAndTheJoinTables() {
    Parsed p =
        later(
            "0002_rename",
            "('promo', '0001_initial')",
            "        migrations.RenameModel(old_name='Coupon', new_name='Discount'),",
            Dialect.MYSQL,
            project());
    assertThat(ops(p))
        .containsExactly(
            new Rename(ObjectKind.TABLE, "promo_coupon", "promo_discount"),
            new Rename(ObjectKind.TABLE, "promo_coupon_products", "promo_discount_products"));
    assertThat(sql(p).get(0)).isEqualTo("RENAME TABLE `promo_coupon` TO `promo_discount`;");
  }

  @Test
  void renameModelWithDbTableRunsNoSql() {
    Parsed p =
        later(
            "0002_rename",
            "('promo', '0001_initial')",
            "        migrations.RenameModel('Voucher', 'GiftCard'),",
            Dialect.POSTGRESQL,
            project());
    assertThat(ops(p)).containsExactly(new Benign("RenameModel"));
  }

  @Test
  void alterModelTableRenames() {
    Parsed p =
        later(
            "0002_table",
            "('promo', '0001_initial')",
            "        migrations.AlterModelTable(name='coupon', table='coupons'),",
            Dialect.POSTGRESQL,
            project());
    assertThat(ops(p).get(0)).isEqualTo(new Rename(ObjectKind.TABLE, "promo_coupon", "coupons"));
    assertThat(sql(p).get(0)).isEqualTo("ALTER TABLE \"promo_coupon\" RENAME TO \"coupons\";");
    Parsed back =
        later(
            "0002_table",
            "('promo', '0001_initial')",
            "        migrations.AlterModelTable('voucher', None),",
            Dialect.POSTGRESQL,
            project());
    assertThat(ops(back))
        .containsExactly(new Rename(ObjectKind.TABLE, "vouchers", "promo_voucher"));
  }

  @Test
  void tableNamesFollowRenamesAndAlterModelTableThroughTheWholeHistory() {
    TestProject project = project();
    later(
        "0002_rename",
        "('promo', '0001_initial')",
        "        migrations.RenameModel('Coupon', 'Discount'),",
        Dialect.POSTGRESQL,
        project);
    later(
        "0003_table",
        "('promo', '0002_rename')",
        "        migrations.AlterModelTable('discount', 'discounts'),",
        Dialect.POSTGRESQL,
        project);
    Parsed p =
        later(
            "0004_drop_code",
            "('promo', '0003_table'), ('catalog', '0009_x')",
            "        migrations.RemoveField('discount', 'code'),",
            Dialect.POSTGRESQL,
            project);
    assertThat(ops(p)).containsExactly(new DropColumn("discounts", "code", false, true));
    assertThat(p.occurrences().get(0).within()).contains("migration promo.0004_drop_code");
  }

  @Test
  void withoutReadableDependenciesFileNameOrderIsUsed() {
    TestProject project = project();
    project.with(
        "promo/migrations/0002_table.py",
        migration("", "        migrations.AlterModelTable('coupon', 'coupons'),"));
    project.with(
        "promo/migrations/0009_future.py",
        migration("", "        migrations.AlterModelTable('coupon', 'ignored'),"));
    String text =
        "from django.db import migrations\n\nclass Migration(migrations.Migration):\n    dependencies = DEPS\n    operations = [migrations.DeleteModel('Coupon')]\n";
    project.with("promo/migrations/0003_drop.py", text);
    Parsed p = parse("promo/migrations/0003_drop.py", text, Dialect.POSTGRESQL, project);
    assertThat(ops(p))
        .containsExactly(
            new Drop(
                ObjectKind.TABLE, "table", List.of("coupons", "coupons_products"), false, true));
  }

  @Test
  void appLabelIsTheDirectoryAboveMigrations() {
    Parsed p =
        parse(
            "src/apps/accounts/migrations/0003_x.py",
            migration("", "        migrations.DeleteModel('LoginAttempt'),"));
    assertThat(ops(p))
        .containsExactly(
            new Drop(ObjectKind.TABLE, "table", List.of("accounts_loginattempt"), false, true));
  }
}
