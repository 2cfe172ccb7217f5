package dev.airlock.db.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.db.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

class DriftTest {
  @Test
  void catalogSizesAndSettingsThatDiffer() throws Exception {
    String staging = TestDatabase.newDatabase();
    String prod = TestDatabase.newDatabase();
    TestDatabase.exec(staging, "CREATE TABLE orders (id bigint PRIMARY KEY, legacy_order_id bigint); INSERT INTO orders SELECT g, g FROM generate_series(1, 50) g; ANALYZE orders");
    TestDatabase.exec(prod, "CREATE TABLE orders (id bigint PRIMARY KEY); CREATE INDEX orders_id_brin ON orders USING brin (id);"
        + " INSERT INTO orders SELECT g FROM generate_series(1, 5000) g; ANALYZE orders;"
        + " DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = sales, public', current_database()); END $$");
    try (Connection a = TestDatabase.connect(staging);
        Connection b = TestDatabase.connect(prod)) {
      Drift.Report r = Drift.compare(a, b, "staging", "production");
      assertThat(r.drifted()).isTrue();
      assertThat(r.catalog().changes()).extracting(c -> c.describe())
          .containsExactlyInAnyOrder("removed column public.orders.legacy_order_id (bigint)", "added index public.orders_id_brin");
      assertThat(r.rows()).containsExactly(new Drift.Difference("public.orders", "10-99 rows", "1,000-9,999 rows"));
      assertThat(r.settings()).containsExactly(new Drift.Difference("setting search_path", "\"$user\", public", "sales, public"));
      assertThat(Drift.text(r)).startsWith("airlock drift: staging -> production\nDRIFT: 2 catalog differences, 1 table sizes, 1 settings");
    }
    try (Connection a = TestDatabase.connect(staging);
        Connection b = TestDatabase.connect(staging)) {
      assertThat(Drift.compare(a, b, "x", "y").drifted()).isFalse();
    }
  }
}
