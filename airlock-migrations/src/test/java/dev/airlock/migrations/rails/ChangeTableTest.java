package dev.airlock.migrations.rails;

import static dev.airlock.migrations.rails.RailsTesting.change;
import static dev.airlock.migrations.rails.RailsTesting.ops;
import static dev.airlock.migrations.rails.RailsTesting.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** change_table blocks: the table comes from the block, nested blocks too. */
class ChangeTableTest {
  private static DropColumn col(String table, String column) {
    return new DropColumn(table, column, false, false);
  }

  @Test
  void removeRenameChangeInABlock() {
    String body =
        """
        change_table :orders, bulk: true do |t|
          t.string :channel
          t.remove :legacy_order_id, :legacy_status
          t.rename :total, :total_cents
          t.change :notes, :text
          t.remove_references :coupon, polymorphic: true
          t.remove_index :placed_at
          t.remove_timestamps
        end
        """;
    Parsed p = parse(change(body));
    assertThat(RailsTesting.risky(p)).containsExactly(
        col("orders", "legacy_order_id"),
        col("orders", "legacy_status"),
        new RenameColumn("orders", "total", "total_cents"),
        new AlterColumnType("orders", "notes", "text"),
        col("orders", "coupon_id"),
        col("orders", "coupon_type"),
        new Drop(ObjectKind.INDEX, "index", List.of("index_orders_on_placed_at"), false, false),
        col("orders", "created_at"),
        col("orders", "updated_at"));
    assertThat(p.statements()).isEqualTo(7);
    assertThat(p.occurrences().get(1).statement()).isEqualTo("t.remove :legacy_order_id, :legacy_status");
    assertThat(p.occurrences().get(1).span().startLine()).isEqualTo(5);
  }

  @Test
  void nestedBlocksKeepTheirOwnTables() {
    String body =
        """
        change_table :customers do |c|
          change_table :addresses do |a|
            a.remove :fax
            c.remove :pager
          end
          c.remove_foreign_key :regions
        end
        """;
    assertThat(ops(change(body))).containsExactly(
        col("addresses", "fax"),
        col("customers", "pager"),
        new DropConstraint("customers", dev.airlock.migrations.rails.RailsSql.foreignKeyName("customers", "region_id"), false));
  }

  @Test
  void blockWithBracesAndOtherParameterName() {
    assertThat(ops(change("change_table(:invoices) { |table| table.remove :paper_copy }")))
        .containsExactly(col("invoices", "paper_copy"));
  }

  @Test
  void blockInsideReversibleUpBranch() {
    String body =
        """
        reversible do |dir|
          dir.up do
            change_table :users do |t|
              t.remove :password_md5
            end
          end
          dir.down do
            change_table :users do |t|
              t.remove :password_bcrypt
            end
          end
        end
        """;
    assertThat(ops(change(body))).containsExactly(col("users", "password_md5"));
  }

  @Test
  void mysqlSqlForTheBlock() {
    assertThat(RailsTesting.sql(change("change_table :orders do |t|\n  t.remove :a, :b\nend"), Dialect.MYSQL))
        .containsExactly("ALTER TABLE `orders` DROP COLUMN `a`, DROP COLUMN `b`;",
            "ALTER TABLE `orders` DROP COLUMN `a`, DROP COLUMN `b`;");
  }
}
