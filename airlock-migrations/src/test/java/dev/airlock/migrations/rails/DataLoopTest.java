package dev.airlock.migrations.rails;

import static dev.airlock.migrations.rails.RailsTesting.ops;
import static dev.airlock.migrations.rails.RailsTesting.parse;
import static dev.airlock.migrations.rails.RailsTesting.upDown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.operation.DataMigration;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.IrreversibleMigration;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Predicate;
import dev.airlock.core.operation.UpdateRows;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Data changed through models inside a migration. */
class DataLoopTest {
  private static List<Operation> data(String body) {
    return ops(upDown(body, "# nothing to undo")).stream().filter(o -> !(o instanceof IrreversibleMigration)).toList();
  }

  @Test
  void deleteAllWithWhere() {
    assertThat(data("User.where(active: false, last_login_at: nil).delete_all"))
        .containsExactly(new DeleteRows("users", Optional.of(Predicate.opaque("where(active: false, last_login_at: nil)"))));
  }

  @Test
  void destroyAllWithoutWhereDeletesEverything() {
    assertThat(data("AuditLog.destroy_all")).containsExactly(new DeleteRows("audit_logs", Optional.empty()));
    assertThat(data("Session.all.delete_all")).containsExactly(new DeleteRows("sessions", Optional.empty()));
  }

  @Test
  void updateAllNamesTheColumns() {
    assertThat(data("Order.where(status: nil).update_all(status: \"pending\", updated_at: Time.current)"))
        .containsExactly(new UpdateRows("orders", List.of("status", "updated_at"), Optional.of(Predicate.opaque("where(status: nil)"))));
    assertThat(data("Order.update_all(\"total_cents = total * 100\")"))
        .containsExactly(new UpdateRows("orders", List.of("total_cents"), Optional.empty()));
  }

  @Test
  void inBatches() {
    assertThat(data("Notification.where(read: true).in_batches(of: 10_000).delete_all"))
        .containsExactly(new DeleteRows("notifications", Optional.of(Predicate.opaque("where(read: true)"))));
    assertThat(data("Event.in_batches do |batch|\n  batch.delete_all\nend"))
        .containsExactly(new DeleteRows("events", Optional.empty()));
  }

  @Test
  void findEachWithDestroy() {
    String body = "Comment.where(spam: true).find_each do |comment|\n  comment.destroy\nend";
    assertThat(data(body)).containsExactly(new DeleteRows("comments", Optional.of(Predicate.opaque("where(spam: true)"))));
    assertThat(data("Upload.find_each(&:destroy!)")).containsExactly(new DeleteRows("uploads", Optional.empty()));
  }

  @Test
  void findEachWithUpdate() {
    String body = "Product.find_each do |product|\n  product.update!(slug: product.name.parameterize)\nend";
    assertThat(data(body)).containsExactly(new UpdateRows("products", List.of("slug"), Optional.empty()));
    String assign = "Account.find_each { |a| a.plan = 'free'; a.save! }";
    assertThat(data(assign)).containsExactly(new UpdateRows("accounts", List.of("plan"), Optional.empty()));
  }

  @Test
  void unknownLoopBodyIsADataMigration() {
    List<Operation> found = data("Customer.find_each do |c|\n  StripeSync.new(c).call\nend");
    assertThat(found.get(0)).isInstanceOf(DataMigration.class);
    assertThat(((DataMigration) found.get(0)).reversible()).isTrue();
  }

  @Test
  void modelDefinedInTheMigrationWithItsTableName() {
    String ruby =
        """
        class PurgeGuests < ActiveRecord::Migration[7.0]
          class LegacyUser < ActiveRecord::Base
            self.table_name = "users_v1"
          end

          def up
            LegacyUser.where(guest: true).delete_all
          end

          def down
            raise ActiveRecord::IrreversibleMigration
          end
        end
        """;
    assertThat(ops(ruby).get(0)).isEqualTo(new DeleteRows("users_v1", Optional.of(Predicate.opaque("where(guest: true)"))));
  }

  @Test
  void readsAndInsertsAreNotDestructive() {
    assertThat(data("Role.find_or_create_by!(name: \"admin\")\nUser.reset_column_information\ncount = User.where(admin: true).count\nRails.logger.info(count)")).isEmpty();
    assertThat(parse(upDown("Role.create!(name: \"admin\")", "")).statements()).isEqualTo(1);
  }

  @Test
  void singleRecordDestroyAndServiceCalls() {
    assertThat(data("Setting.find_by(key: \"legacy_mode\")&.destroy").get(0))
        .isEqualTo(new DeleteRows("settings", Optional.of(Predicate.opaque("find_by(key: \"legacy_mode\")"))));
    assertThat(data("BackfillOrderTotals.call").get(0)).isInstanceOf(DataMigration.class);
    assertThat(data("Rake::Task[\"search:reindex\"].invoke").get(0)).isInstanceOf(DataMigration.class);
  }
}
