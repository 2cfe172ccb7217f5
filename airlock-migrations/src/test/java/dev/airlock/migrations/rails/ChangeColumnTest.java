package dev.airlock.migrations.rails;

import static dev.airlock.migrations.rails.RailsTesting.change;
import static dev.airlock.migrations.rails.RailsTesting.ops;
import static dev.airlock.migrations.rails.RailsTesting.parse;
import static dev.airlock.migrations.rails.RailsTesting.sql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Predicate;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.operation.UpdateRows;
import dev.airlock.core.sql.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** change_column, change_column_null, rename_column, rename_table. */
class ChangeColumnTest {
  @Test
  void changeColumnTypePerAdapter() {
    String ruby = change("change_column :products, :sku, :string, limit: 64, null: false");
    assertThat(ops(ruby)).containsExactly(new AlterColumnType("products", "sku", "character varying(64)"));
    assertThat(sql(ruby, Dialect.POSTGRESQL)).containsExactly(
        "ALTER TABLE \"products\" ALTER COLUMN \"sku\" TYPE character varying(64), ALTER COLUMN \"sku\" SET NOT NULL;");
    assertThat(sql(ruby, Dialect.MYSQL)).containsExactly("ALTER TABLE `products` CHANGE `sku` `sku` varchar(64) NOT NULL;");
    assertThat(sql(ruby, Dialect.SQLITE).get(0)).startsWith("-- SQLite: ActiveRecord rebuilds \"products\"")
        .contains("DROP TABLE \"products\";");
  }

  @Test
  void changeColumnWithUsingAndPrecision() {
    String ruby = change("change_column :invoices, :amount, :decimal, precision: 12, scale: 2,\n"
        + "  using: \"amount::numeric(12,2)\"");
    assertThat(ops(ruby)).containsExactly(new AlterColumnType("invoices", "amount", "decimal(12,2)"));
    assertThat(sql(ruby, Dialect.POSTGRESQL)).containsExactly(
        "ALTER TABLE \"invoices\" ALTER COLUMN \"amount\" TYPE decimal(12,2) USING amount::numeric(12,2);");
  }

  @Test
  void integerLimitsMapToTheAdapterTypes() {
    assertThat(ops(change("change_column :events, :count, :integer, limit: 8")))
        .containsExactly(new AlterColumnType("events", "count", "bigint"));
    assertThat(RailsTesting.risky(parse(change("change_column :flags, :on, :boolean"), Dialect.MYSQL)))
        .containsExactly(new AlterColumnType("flags", "on", "tinyint(1)"));
  }

  @Test
  void changeColumnNullWithoutDefaultIsBenign() {
    var p = parse(change("change_column_null :users, :email, false"));
    assertThat(RailsTesting.risky(p)).isEmpty();
    assertThat(p.occurrences().get(0).generatedSql())
        .contains("ALTER TABLE \"users\" ALTER COLUMN \"email\" SET NOT NULL;");
  }

  @Test
  void changeColumnNullWithDefaultUpdatesRows() {
    String ruby = change("change_column_null :users, :locale, false, \"en\"");
    assertThat(ops(ruby)).containsExactly(
        new UpdateRows("users", List.of("locale"), Optional.of(Predicate.opaque("locale IS NULL"))));
    assertThat(sql(ruby, Dialect.POSTGRESQL)).containsExactly(
        "UPDATE \"users\" SET \"locale\"='en' WHERE \"locale\" IS NULL;\n"
            + "ALTER TABLE \"users\" ALTER COLUMN \"locale\" SET NOT NULL;");
  }

  @Test
  void renameColumnAndTable() {
    assertThat(ops(change("rename_column :users, :email, :email_address")))
        .containsExactly(new RenameColumn("users", "email", "email_address"));
    assertThat(sql(change("rename_column :users, :email, :email_address"), Dialect.MYSQL))
        .containsExactly("ALTER TABLE `users` RENAME COLUMN `email` TO `email_address`;");
    assertThat(ops(change("rename_table :line_items, :order_lines")))
        .containsExactly(new Rename(ObjectKind.TABLE, "line_items", "order_lines"));
    assertThat(sql(change("rename_table :line_items, :order_lines"), Dialect.MYSQL))
        .containsExactly("RENAME TABLE `line_items` TO `order_lines`;");
    assertThat(sql(change("rename_table :line_items, :order_lines"), Dialect.POSTGRESQL).get(0))
        .startsWith("ALTER TABLE \"line_items\" RENAME TO \"order_lines\";");
  }
}
