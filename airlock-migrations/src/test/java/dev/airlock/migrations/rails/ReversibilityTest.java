package dev.airlock.migrations.rails;

import static dev.airlock.migrations.rails.RailsTesting.change;
import static dev.airlock.migrations.rails.RailsTesting.ops;
import static dev.airlock.migrations.rails.RailsTesting.parse;
import static dev.airlock.migrations.rails.RailsTesting.upDown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.IrreversibleMigration;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.operation.UnparsedMigration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What runs forward (change, up, dir.up, up_only, revert) and rollbacks that cannot restore. */
class ReversibilityTest {
  private static List<Operation> irreversible(String ruby) {
    return ops(ruby).stream().filter(o -> o instanceof IrreversibleMigration).toList();
  }

  @Test
  void downThatRaisesAfterUpDestroysData() {
    Parsed p = parse(upDown("remove_column :orders, :legacy_order_id", "raise ActiveRecord::IrreversibleMigration"));
    Occurrence last = p.occurrences().get(p.occurrences().size() - 1);
    assertThat(last.operation()).isInstanceOf(IrreversibleMigration.class);
    assertThat(((IrreversibleMigration) last.operation()).reason())
        .contains("raises ActiveRecord::IrreversibleMigration")
        .contains("column `orders.legacy_order_id`");
    assertThat(last.statement()).isEqualTo("raise ActiveRecord::IrreversibleMigration");
    assertThat(last.within()).contains("`down` of TestMigration");
  }

  @Test
  void downThatRaisesAfterHarmlessUpIsFine() {
    assertThat(irreversible(upDown("add_column :orders, :note, :text", "raise ActiveRecord::IrreversibleMigration"))).isEmpty();
  }

  @Test
  void downThatOnlyRecreatesTheColumn() {
    List<Operation> found = irreversible(upDown("remove_column :users, :nickname", "add_column :users, :nickname, :string"));
    assertThat(found).hasSize(1);
    assertThat(((IrreversibleMigration) found.get(0)).reason()).contains("comes back empty");
  }

  @Test
  void downThatRestoresDataIsTrusted() {
    String down = "add_column :users, :nickname, :string\nexecute \"UPDATE users SET nickname = b.nickname FROM users_backup b WHERE b.id = users.id\"";
    assertThat(irreversible(upDown("remove_column :users, :nickname", down))).isEmpty();
  }

  @Test
  void upWithoutDown() {
    List<Operation> found = irreversible(upDown("drop_table :sessions", null));
    assertThat(found).hasSize(1);
    assertThat(((IrreversibleMigration) found.get(0)).reason()).contains("there is no `down`");
  }

  @Test
  void reversibleDownBranchThatRaises() {
    String body =
        """
        reversible do |dir|
          dir.up { execute "DELETE FROM carts WHERE user_id IS NULL" }
          dir.down { raise ActiveRecord::IrreversibleMigration, "carts are gone" }
        end
        """;
    List<Operation> all = ops(change(body));
    assertThat(all).hasSize(2);
    assertThat(all.get(1)).isInstanceOf(IrreversibleMigration.class);
  }

  @Test
  void railsFourClassMethods() {
    String ruby =
        """
        class RemoveFax < ActiveRecord::Migration
          def self.up
            remove_column :customers, :fax
          end

          def self.down
            raise ActiveRecord::IrreversibleMigration
          end
        end
        """;
    assertThat(ops(ruby)).containsExactly(new DropColumn("customers", "fax", false, false),
        new IrreversibleMigration("its rollback raises ActiveRecord::IrreversibleMigration, so column `customers.fax` cannot come back"));
  }

  @Test
  void upOnlyRunsForward() {
    assertThat(ops(change("up_only do\n  execute \"DELETE FROM feature_flags WHERE name = 'beta'\"\nend"))).hasSize(1);
  }

  @Test
  void revertBlockInvertsWhatItHolds() {
    String body =
        """
        revert do
          create_table :wishlists do |t|
            t.references :user
          end
          add_column :users, :wishlist_count, :integer
          rename_column :users, :nick, :nickname
        end
        """;
    assertThat(ops(change(body))).containsExactly(
        Drop.of(ObjectKind.TABLE, "wishlists"),
        new DropColumn("users", "wishlist_count", false, false),
        new RenameColumn("users", "nickname", "nick"));
  }

  @Test
  void revertOfAnotherMigrationIsNotSilent() {
    assertThat(ops(change("revert AddWishlists")).get(0)).isInstanceOf(UnparsedMigration.class);
  }

  @Test
  void fileWithoutMigrationClassIsUnparsedMigration() {
    assertThat(ops("puts 'hello'\n").get(0)).isInstanceOf(UnparsedMigration.class);
  }

  @Test
  void syntaxErrorIsReportedAndTheRestStillRead() {
    String ruby = "class Broken < ActiveRecord::Migration[7.1]\n  def change\n    remove_column :orders, :x\n    add_column :orders, (, :y\n  end\nend\n";
    List<Operation> found = ops(ruby);
    assertThat(found).anyMatch(o -> o instanceof UnparsedMigration);
    assertThat(found).contains(new DropColumn("orders", "x", false, false));
  }
}
