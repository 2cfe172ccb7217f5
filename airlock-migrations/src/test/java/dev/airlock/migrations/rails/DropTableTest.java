package dev.airlock.migrations.rails;

import static dev.airlock.migrations.rails.RailsTesting.change;
import static dev.airlock.migrations.rails.RailsTesting.ops;
import static dev.airlock.migrations.rails.RailsTesting.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** drop_table, drop_join_table, create_table force:, and the other drop_* statements. */
class DropTableTest {
  @Test
  void dropTable() {
    Occurrence o = parse(change("drop_table :abandoned_carts")).occurrences().get(0);
    assertThat(o.operation()).isEqualTo(Drop.of(ObjectKind.TABLE, "abandoned_carts"));
    assertThat(o.generatedSql()).contains("DROP TABLE \"abandoned_carts\";");
  }

  @Test
  void dropTableWithBlockIsNotedAndCovered() {
    String ruby = change("drop_table :coupons do |t|\n  t.string :code, null: false\n  t.timestamps\nend");
    Parsed p = parse(ruby);
    assertThat(RailsTesting.risky(p)).containsExactly(Drop.of(ObjectKind.TABLE, "coupons"));
    Occurrence o = p.occurrences().get(0);
    assertThat(o.span().endLine()).isEqualTo(6);
    assertThat(o.within().orElseThrow()).contains("recreate the table, empty");
  }

  @Test
  void forceCascadeAndIfExists() {
    assertThat(ops(change("drop_table :legacy_orders, force: :cascade, if_exists: true")))
        .containsExactly(new Drop(ObjectKind.TABLE, "table", List.of("legacy_orders"), true, true));
    assertThat(RailsTesting.sql(change("drop_table :legacy_orders, force: :cascade, if_exists: true"), Dialect.POSTGRESQL))
        .containsExactly("DROP TABLE IF EXISTS \"legacy_orders\" CASCADE;");
    assertThat(RailsTesting.sql(change("drop_table :legacy_orders, force: :cascade"), Dialect.MYSQL))
        .containsExactly("DROP TABLE `legacy_orders` CASCADE;");
    assertThat(RailsTesting.sql(change("drop_table :legacy_orders, force: :cascade"), Dialect.SQLITE))
        .containsExactly("DROP TABLE \"legacy_orders\";");
  }

  @Test
  void severalTablesAtOnce() {
    assertThat(ops(change("drop_table :a_sessions, :b_sessions")))
        .containsExactly(new Drop(ObjectKind.TABLE, "table", List.of("a_sessions", "b_sessions"), false, false));
  }

  @Test
  void dropJoinTableUsesRailsNaming() {
    assertThat(ops(change("drop_join_table :users, :roles")))
        .containsExactly(Drop.of(ObjectKind.TABLE, "roles_users"));
    assertThat(ops(change("drop_join_table :catalog_products, :catalog_categories")))
        .containsExactly(Drop.of(ObjectKind.TABLE, "catalog_categories_products"));
    assertThat(ops(change("drop_join_table :users, :roles, table_name: :memberships")))
        .containsExactly(Drop.of(ObjectKind.TABLE, "memberships"));
  }

  @Test
  void createTableForceDropsTheOldTableFirst() {
    Parsed p = parse(change("create_table :settings, force: true do |t|\n  t.string :key\nend"));
    assertThat(RailsTesting.risky(p))
        .containsExactly(new Drop(ObjectKind.TABLE, "table", List.of("settings"), true, false));
    assertThat(p.occurrences().get(0).generatedSql().orElseThrow()).startsWith("DROP TABLE IF EXISTS \"settings\";");
  }

  @Test
  void plainCreateTableIsBenignButCounted() {
    Parsed p = parse(change("create_table :settings do |t|\n  t.string :key\n  t.timestamps\nend"));
    assertThat(RailsTesting.risky(p)).isEmpty();
    assertThat(p.statements()).isEqualTo(1);
  }

  @Test
  void otherDrops() {
    assertThat(ops(change("drop_enum :order_status")))
        .containsExactly(new Drop(ObjectKind.TYPE, "type", List.of("order_status"), false, false));
    assertThat(ops(change("disable_extension \"hstore\"")))
        .containsExactly(new Drop(ObjectKind.EXTENSION, "extension", List.of("hstore"), false, false));
    assertThat(ops(change("drop_view :active_customers, materialized: true")))
        .containsExactly(new Drop(ObjectKind.MATERIALIZED_VIEW, "materialized view", List.of("active_customers"), false, false));
    assertThat(ops(change("drop_schema :reporting")))
        .containsExactly(new Drop(ObjectKind.SCHEMA, "schema", List.of("reporting"), false, false));
  }

  @Test
  void truncate() {
    assertThat(ops(change("truncate :sessions")).toString()).contains("Truncate[tables=[sessions]");
    assertThat(RailsTesting.sql(change("truncate :sessions"), Dialect.SQLITE)).containsExactly("DELETE FROM \"sessions\";");
  }
}
