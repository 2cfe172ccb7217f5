package dev.airlock.migrations.rails;

import static dev.airlock.migrations.rails.RailsTesting.change;
import static dev.airlock.migrations.rails.RailsTesting.ops;
import static dev.airlock.migrations.rails.RailsTesting.parse;
import static dev.airlock.migrations.rails.RailsTesting.upDown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.Occurrence;
import org.junit.jupiter.api.Test;

/** remove_column, remove_columns, remove_reference / remove_belongs_to, remove_timestamps. */
class RemoveColumnTest {
  private static DropColumn col(String table, String column) {
    return new DropColumn(table, column, false, false);
  }

  @Test
  void removeColumnWithSymbols() {
    Parsed p = parse(change("remove_column :orders, :legacy_order_id, :integer"));
    Occurrence o = p.occurrences().get(0);
    assertThat(o.operation()).isEqualTo(col("orders", "legacy_order_id"));
    assertThat(o.generatedSql()).contains("ALTER TABLE \"orders\" DROP COLUMN \"legacy_order_id\";");
    assertThat(o.statement()).isEqualTo("remove_column :orders, :legacy_order_id, :integer");
    assertThat(o.span().startLine()).isEqualTo(3);
    assertThat(o.span().startColumn()).isEqualTo(5);
    assertThat(o.within()).contains("`change` of TestMigration");
    assertThat(p.statements()).isEqualTo(1);
  }

  @Test
  void removeColumnWithStringsParenthesesAndOptions() {
    assertThat(ops(change("remove_column(\"orders\", \"coupon_code\", :string, limit: 32, if_exists: true)")))
        .containsExactly(new DropColumn("orders", "coupon_code", true, false));
  }

  @Test
  void callSplitOverLines() {
    Parsed p = parse(change("remove_column(\n  :orders,\n  :legacy_order_id,\n  :bigint,\n  null: true\n)"));
    assertThat(RailsTesting.risky(p)).containsExactly(col("orders", "legacy_order_id"));
    Occurrence o = p.occurrences().get(0);
    assertThat(o.span().startLine()).isEqualTo(3);
    assertThat(o.span().endLine()).isEqualTo(8);
  }

  @Test
  void callsInCommentsStringsAndEndSectionDoNotCount() {
    String ruby =
        """
        # remove_column :orders, :legacy_order_id
        class KeepColumns < ActiveRecord::Migration[7.0]
          # A note: we will remove_column :orders, :total later
          def change
            say "remove_column :orders, :total is planned"
            add_column :orders, :note, :text # not remove_column :orders, :x
          end
        =begin
            remove_column :orders, :in_block_comment
        =end
        end
        __END__
        remove_column :orders, :after_end
        """;
    Parsed p = parse(ruby);
    assertThat(RailsTesting.risky(p)).isEmpty();
    assertThat(p.statements()).isEqualTo(1);
  }

  @Test
  void removeColumnsDropsEachColumnInOneAlter() {
    Parsed p = parse(change("remove_columns :users, :legacy_token, :legacy_salt, type: :string"));
    assertThat(RailsTesting.risky(p)).containsExactly(col("users", "legacy_token"), col("users", "legacy_salt"));
    assertThat(p.occurrences().get(0).generatedSql())
        .contains("ALTER TABLE \"users\" DROP COLUMN \"legacy_token\", DROP COLUMN \"legacy_salt\";");
    assertThat(p.statements()).isEqualTo(1);
  }

  @Test
  void removeReferenceDropsTheIdColumn() {
    Parsed p = parse(change("remove_reference :orders, :coupon, index: true, foreign_key: true"));
    assertThat(RailsTesting.risky(p)).containsExactly(col("orders", "coupon_id"));
    assertThat(p.occurrences().get(0).generatedSql().orElseThrow())
        .contains("ALTER TABLE \"orders\" DROP CONSTRAINT \"fk_rails_")
        .contains("ALTER TABLE \"orders\" DROP COLUMN \"coupon_id\";");
  }

  @Test
  void polymorphicReferenceDropsIdAndType() {
    assertThat(ops(change("remove_belongs_to :comments, :commentable, polymorphic: true, index: true")))
        .containsExactly(col("comments", "commentable_id"), col("comments", "commentable_type"));
  }

  @Test
  void removeTimestamps() {
    assertThat(ops(change("remove_timestamps :audit_entries, null: false")))
        .containsExactly(col("audit_entries", "created_at"), col("audit_entries", "updated_at"));
  }

  @Test
  void namesHeldInConstantsAndLocals() {
    String ruby =
        """
        class DropLegacyColumns < ActiveRecord::Migration[6.1]
          TABLE = :customers
          COLUMNS = %i[fax_number pager_number]

          def up
            column = "telex"
            remove_column TABLE, column
            remove_columns TABLE, *COLUMNS
          end
        end
        """;
    assertThat(ops(ruby))
        .startsWith(col("customers", "telex"), col("customers", "fax_number"), col("customers", "pager_number"));
  }

  @Test
  void loopOverLiteralArrayExpandsEachName() {
    String ruby = upDown("%w[shipments returns].each do |table|\n  remove_column table, :legacy_warehouse_id\nend", "");
    assertThat(ops(ruby)).startsWith(col("shipments", "legacy_warehouse_id"), col("returns", "legacy_warehouse_id"));
  }

  @Test
  void unknownTableExpressionStillReported() {
    assertThat(ops(change("remove_column table_for(:orders), :legacy_order_id")))
        .containsExactly(col("table_for(:orders)", "legacy_order_id"));
  }

  @Test
  void downOnlyRunsOnRollback() {
    String ruby = upDown("add_column :orders, :note, :text", "remove_column :orders, :note");
    assertThat(ops(ruby)).isEmpty();
  }

  @Test
  void rescueModifierAndConditionalsStillCount() {
    String ruby = upDown(
        "remove_column :orders, :tmp_flag rescue nil\nif column_exists?(:orders, :old_total)\n  remove_column :orders, :old_total\nend",
        null);
    assertThat(ops(ruby)).startsWith(col("orders", "tmp_flag"), col("orders", "old_total"));
  }

  @Test
  void helperMethodCalledFromUpRunsForward() {
    String ruby =
        """
        class CleanupOrders < ActiveRecord::Migration[7.1]
          def up
            drop_legacy_columns
          end

          def down
          end

          private

          def drop_legacy_columns
            remove_column :orders, :legacy_order_id
          end
        end
        """;
    assertThat(ops(ruby)).contains(col("orders", "legacy_order_id"));
  }

  @Test
  void nonAsciiTextBeforeTheCallKeepsSpansExact() {
    String ruby = change("# Größe des Lagers entfernen — 倉庫\nremove_column :orders, :größe");
    Occurrence o = parse(ruby).occurrences().get(0);
    assertThat(o.operation()).isEqualTo(col("orders", "größe"));
    assertThat(o.statement()).isEqualTo("remove_column :orders, :größe");
    assertThat(o.span().startLine()).isEqualTo(4);
  }
}
