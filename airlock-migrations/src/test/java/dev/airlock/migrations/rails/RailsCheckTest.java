package dev.airlock.migrations.rails;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.policy.Config;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

/** End to end: a Rails migration through the Checker, as `airlock check` runs it. */
class RailsCheckTest {
  private static FileReport check(String ruby) {
    return new Checker(Config.defaults())
        .check(new SourceText("db/migrate/20240312091500_remove_legacy_order_id.rb", ruby), new RailsFrontend(Dialect.POSTGRESQL));
  }

  @Test
  void incidentFourRemoveColumnIsADropColumnFinding() {
    String ruby =
        """
        class RemoveLegacyOrderId < ActiveRecord::Migration[7.1]
          def up
            remove_column :orders, :legacy_order_id
          end

          def down
            raise ActiveRecord::IrreversibleMigration
          end
        end
        """;
    FileReport report = check(ruby);
    assertThat(report.findings()).extracting(f -> f.rule().id()).containsExactly("drop-column", "irreversible-migration");
    Finding f = report.findings().get(0);
    assertThat(f.generatedSql()).contains("ALTER TABLE \"orders\" DROP COLUMN \"legacy_order_id\";");
    assertThat(f.span().startLine()).isEqualTo(3);
    assertThat(f.suppression()).isEmpty();
  }

  @Test
  void everyDestructiveFamilyFiresItsRule() {
    String ruby =
        """
        class BigCleanup < ActiveRecord::Migration[7.1]
          def change
            drop_table :abandoned_carts
            remove_index :orders, :status
            remove_foreign_key :orders, :customers
            change_column :orders, :total, :decimal, precision: 10, scale: 2
            rename_column :orders, :total, :total_amount
            rename_table :line_items, :order_lines
            reversible do |dir|
              dir.up do
                execute "DELETE FROM sessions"
                User.where(deleted: true).delete_all
              end
            end
          end
        end
        """;
    assertThat(check(ruby).findings()).extracting(f -> f.rule().id()).contains(
        "drop-table", "drop-index", "drop-constraint", "alter-column-type", "rename-column", "rename-table",
        "delete-without-where", "delete-rows");
  }

  @Test
  void safetyAssuredSuppressesWithItsReason() {
    FileReport report = check(RailsTesting.change("safety_assured do\n  remove_column :orders, :legacy_order_id\n  drop_table :old_orders\nend"));
    assertThat(report.findings()).hasSize(2).allSatisfy(f -> {
      assertThat(f.suppression()).isPresent();
      assertThat(f.suppression().get().reason()).isEqualTo(MigrationWalker.SAFETY_ASSURED);
    });
  }

  @Test
  void allowCommentSuppressesAndAnUnknownRuleIsInvalid() {
    String body = "# airlock:allow drop-column archived to S3 first\nremove_column :orders, :a\n"
        + "# airlock:allow no-such-rule because\nremove_column :orders, :b";
    FileReport report = check(RailsTesting.change(body));
    assertThat(report.findings()).extracting(f -> f.rule().id())
        .containsExactly("drop-column", "invalid-suppression", "drop-column");
    assertThat(report.findings().get(0).suppression()).isPresent();
    assertThat(report.findings().get(2).suppression()).isEmpty();
  }

  @Test
  void harmlessMigrationHasNoFindings() {
    String ruby =
        """
        class CreateProducts < ActiveRecord::Migration[7.1]
          def change
            create_table :products do |t|
              t.string :name, null: false
              t.references :category, foreign_key: true
              t.timestamps
            end
            add_index :products, :name, unique: true
          end
        end
        """;
    FileReport report = check(ruby);
    assertThat(report.findings()).isEmpty();
    assertThat(report.statements()).isEqualTo(2);
  }
}
