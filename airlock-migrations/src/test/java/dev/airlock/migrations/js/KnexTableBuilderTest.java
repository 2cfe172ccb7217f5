package dev.airlock.migrations.js;

import static dev.airlock.migrations.js.JsFixture.knex;
import static dev.airlock.migrations.js.JsFixture.risky;
import static dev.airlock.migrations.js.JsFixture.sql;
import static dev.airlock.migrations.js.JsFixture.up;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

/** Calls on the table builder inside alterTable / table callbacks. */
class KnexTableBuilderTest {
  private static String alter(String body) {
    return up("await knex.schema.alterTable('orders', (table) => {\n" + body.indent(2) + "});");
  }

  @Test
  void dropColumnPerDialect() {
    String js = alter("table.dropColumn('legacy_order_id');");
    assertThat(risky(knex(js)))
        .containsExactly(new DropColumn("orders", "legacy_order_id", false, false));
    assertThat(sql(knex(js, Dialect.POSTGRESQL)).get(0))
        .isEqualTo("alter table \"orders\" drop column \"legacy_order_id\";");
    assertThat(sql(knex(js, Dialect.MYSQL)).get(0))
        .isEqualTo("alter table `orders` drop `legacy_order_id`;");
    assertThat(sql(knex(js, Dialect.SQLITE)).get(0))
        .startsWith("-- SQLite: knex rebuilds `orders` without column `legacy_order_id`")
        .contains("drop table `orders`;");
  }

  @Test
  void dropColumnsVarargsAndArrays() {
    Parsed p =
        knex(
            alter(
                "table.dropColumns('coupon_code', 'coupon_amount');\ntable.dropColumns(['a', 'b']);"));
    assertThat(risky(p))
        .containsExactly(
            new DropColumn("orders", "coupon_code", false, false),
                new DropColumn("orders", "coupon_amount", false, false),
            new DropColumn("orders", "a", false, false),
                new DropColumn("orders", "b", false, false));
    assertThat(sql(p).get(0))
        .isEqualTo(
            "alter table \"orders\" drop column \"coupon_code\", drop column \"coupon_amount\";");
    assertThat(p.statements()).isEqualTo(2);
  }

  @Test
  void theTableMethodAndAFunctionExpressionCallback() {
    Parsed p =
        knex(
            up(
                "return knex.schema.table('users', function (t) {\n  t.dropColumn('password_md5');\n});"));
    assertThat(risky(p)).containsExactly(new DropColumn("users", "password_md5", false, false));
  }

  @Test
  void anExpressionBodiedArrowCallback() {
    Parsed p = knex(up("await knex.schema.alterTable('users', (t) => t.dropColumn('nickname'));"));
    assertThat(risky(p)).containsExactly(new DropColumn("users", "nickname", false, false));
  }

  @Test
  void renameColumnPerDialect() {
    String js = alter("table.renameColumn('total', 'total_cents');");
    assertThat(risky(knex(js))).containsExactly(new RenameColumn("orders", "total", "total_cents"));
    assertThat(sql(knex(js)).get(0))
        .isEqualTo("alter table \"orders\" rename \"total\" to \"total_cents\";");
    assertThat(sql(knex(js, Dialect.MYSQL)).get(0))
        .contains("alter table `orders` change `total` `total_cents`");
  }

  @Test
  void constraintsAndIndexesWithKnexDefaultNames() {
    Parsed p =
        knex(
            alter(
                """
        table.dropForeign('customer_id');
        table.dropForeign(['a', 'b'], 'orders_ab_fk');
        table.dropUnique(['email']);
        table.dropPrimary();
        table.dropIndex(['status', 'created_at']);
        """));
    assertThat(risky(p))
        .containsExactly(
            new DropConstraint("orders", "orders_customer_id_foreign", false),
            new DropConstraint("orders", "orders_ab_fk", false),
            new DropConstraint("orders", "orders_email_unique", false),
            new DropConstraint("orders", "orders_pkey", false),
            Drop.of(ObjectKind.INDEX, "orders_status_created_at_index"));
    assertThat(sql(p))
        .containsExactly(
            "alter table \"orders\" drop constraint \"orders_customer_id_foreign\";",
            "alter table \"orders\" drop constraint \"orders_ab_fk\";",
            "alter table \"orders\" drop constraint \"orders_email_unique\";",
            "alter table \"orders\" drop constraint \"orders_pkey\";",
            "drop index \"orders_status_created_at_index\";");
    assertThat(sql(knex(alter("table.dropForeign('customer_id');"), Dialect.MYSQL)).get(0))
        .isEqualTo("alter table `orders` drop foreign key `orders_customer_id_foreign`;");
  }

  @Test
  void alterChangesAColumnType() {
    Parsed p =
        knex(
            alter(
                "table.decimal('price', 12, 2).notNullable().alter();\ntable.specificType('tags', 'text[]').alter();"));
    assertThat(risky(p))
        .containsExactly(
            new AlterColumnType("orders", "price", "decimal(12, 2)"),
            new AlterColumnType("orders", "tags", "text[]"));
    assertThat(sql(p).get(0))
        .contains(
            "alter table \"orders\" alter column \"price\" type decimal(12, 2) using (\"price\"::decimal(12, 2));")
        .endsWith("alter column \"price\" set not null;");
    assertThat(sql(knex(alter("table.string('name', 100).alter();"), Dialect.MYSQL)).get(0))
        .isEqualTo("alter table `orders` modify `name` varchar(100) null;");
  }

  @Test
  void addingColumnsIsBenign() {
    Parsed p =
        knex(
            alter(
                "table.string('channel', 32).nullable();\ntable.index(['channel']);\ntable.integer('n').defaultTo(0);"));
    assertThat(risky(p)).isEmpty();
    assertThat(p.statements()).isEqualTo(3);
  }

  @Test
  void dropTimestamps() {
    Parsed p = knex(alter("table.dropTimestamps();"));
    assertThat(risky(p))
        .containsExactly(
            new DropColumn("orders", "created_at", false, false),
            new DropColumn("orders", "updated_at", false, false));
  }

  @Test
  void aColumnNameFromAConstant() {
    Parsed p =
        knex(
            "const COLUMN = 'legacy_sku';\n"
                + up("await knex.schema.table('products', (t) => { t.dropColumn(COLUMN); });"));
    assertThat(risky(p)).first().isEqualTo(new DropColumn("products", "legacy_sku", false, false));
  }

  @Test
  void helperFunctionsOfTheFileRunForward() {
    Parsed p =
        knex(
            """
        function dropLegacy(t, column) {
          t.dropColumn(column);
        }
        async function purge(db) {
          await db('events').del();
        }
        exports.up = async (knex) => {
          await knex.schema.table('accounts', (t) => dropLegacy(t, 'legacy_flag'));
          await purge(knex);
        };
        exports.down = () => Promise.resolve();
        """);
    assertThat(risky(p))
        .containsExactly(
            new DropColumn("accounts", "legacy_flag", false, false),
            new dev.airlock.core.operation.DeleteRows("events", java.util.Optional.empty()));
    assertThat(p.occurrences().get(0).within())
        .hasValue("`up` of 20240101000000_test via `dropLegacy`");
  }
}
