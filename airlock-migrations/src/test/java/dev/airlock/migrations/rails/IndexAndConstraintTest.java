package dev.airlock.migrations.rails;

import static dev.airlock.migrations.rails.RailsTesting.change;
import static dev.airlock.migrations.rails.RailsTesting.ops;
import static dev.airlock.migrations.rails.RailsTesting.sql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** remove_index in its argument forms, remove_foreign_key, remove_check_constraint. */
class IndexAndConstraintTest {
  private static Drop index(String name) {
    return new Drop(ObjectKind.INDEX, "index", List.of(name), false, false);
  }

  @Test
  void removeIndexByColumnNamesItLikeRails() {
    assertThat(ops(change("remove_index :users, :email"))).containsExactly(index("index_users_on_email"));
    assertThat(ops(change("remove_index :users, column: [:last_name, :first_name]")))
        .containsExactly(index("index_users_on_last_name_and_first_name"));
    assertThat(ops(change("remove_index :users, [:account_id, :email]")))
        .containsExactly(index("index_users_on_account_id_and_email"));
  }

  @Test
  void removeIndexByName() {
    assertThat(ops(change("remove_index :users, name: \"idx_users_lower_email\""))).containsExactly(index("idx_users_lower_email"));
    assertThat(ops(change("remove_index :users, :email, name: :by_email"))).containsExactly(index("by_email"));
  }

  @Test
  void removeIndexSqlPerAdapter() {
    String ruby = change("remove_index :orders, :status, algorithm: :concurrently, if_exists: true");
    assertThat(sql(ruby, Dialect.POSTGRESQL)).containsExactly("DROP INDEX CONCURRENTLY IF EXISTS \"index_orders_on_status\";");
    assertThat(sql(ruby, Dialect.MYSQL)).containsExactly("DROP INDEX `index_orders_on_status` ON `orders`;");
  }

  @Test
  void removeForeignKeyDerivesTheRailsName() {
    // fk_rails_ + the first 10 hex digits of SHA-256("orders_customer_id_fk")
    String expected = RailsSql.foreignKeyName("orders", "customer_id");
    assertThat(expected).matches("fk_rails_[0-9a-f]{10}");
    assertThat(ops(change("remove_foreign_key :orders, :customers")))
        .containsExactly(new DropConstraint("orders", expected, false));
    assertThat(ops(change("remove_foreign_key :orders, column: :customer_id")))
        .containsExactly(new DropConstraint("orders", expected, false));
    assertThat(ops(change("remove_foreign_key :orders, name: \"orders_customer_fk\"")))
        .containsExactly(new DropConstraint("orders", "orders_customer_fk", false));
    assertThat(sql(change("remove_foreign_key :accounts, :branches"), Dialect.MYSQL))
        .containsExactly("ALTER TABLE `accounts` DROP FOREIGN KEY `" + RailsSql.foreignKeyName("accounts", "branch_id") + "`;");
  }

  @Test
  void knownForeignKeyNameHash() {
    // echo -n "articles_author_id_fk" | sha256sum -> first 10 hex digits
    assertThat(RailsSql.foreignKeyName("articles", "author_id")).isEqualTo("fk_rails_" + sha("articles_author_id_fk"));
  }

  private static String sha(String s) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d).substring(0, 10);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void removeCheckConstraint() {
    assertThat(ops(change("remove_check_constraint :products, name: \"price_positive\"")))
        .containsExactly(new DropConstraint("products", "price_positive", false));
    assertThat(ops(change("remove_check_constraint :products, \"price > 0\"")))
        .containsExactly(new DropConstraint("products", RailsSql.checkName("products", "price > 0"), false));
    assertThat(sql(change("remove_check_constraint :products, name: \"price_positive\""), Dialect.MYSQL))
        .containsExactly("ALTER TABLE `products` DROP CHECK `price_positive`;");
  }

  @Test
  void inflections() {
    assertThat(Inflector.singularize("branches")).isEqualTo("branch");
    assertThat(Inflector.singularize("categories")).isEqualTo("category");
    assertThat(Inflector.singularize("people")).isEqualTo("person");
    assertThat(Inflector.singularize("addresses")).isEqualTo("address");
    assertThat(Inflector.tableize("OrderItem")).isEqualTo("order_items");
    assertThat(Inflector.tableize("Billing::Address")).isEqualTo("addresses");
    assertThat(Inflector.tableize("Person")).isEqualTo("people");
    assertThat(Inflector.tableize("Category")).isEqualTo("categories");
    assertThat(Inflector.tableize("Status")).isEqualTo("statuses");
    assertThat(Inflector.tableize("HTTPLog")).isEqualTo("http_logs");
  }
}
