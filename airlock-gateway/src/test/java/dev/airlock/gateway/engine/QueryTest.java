package dev.airlock.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.gateway.DatabaseGateway;
import dev.airlock.gateway.ToolAnswer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** query on a real PostgreSQL: rows, parameters, the row cap, the timeout, refusals, READ ONLY. */
class QueryTest extends WorldFixture {
  DatabaseGateway gateway;

  @BeforeEach
  void open() {
    gateway = world.gateway("agent");
  }

  @Test
  void readsRowsAsColumnsAndRows() {
    ToolAnswer a =
        gateway.query(
            "SELECT id, name, email FROM customers WHERE email LIKE '%test%' ORDER BY id",
            List.of());
    assertThat(a.error()).as(a.summary()).isFalse();
    assertThat(a.summary()).isEqualTo("4 rows");
    assertThat(a.data().get("columns")).isEqualTo(List.of("id", "name", "email"));
    assertThat(Answers.rows(a))
        .contains(Arrays.asList(4L, "Jane Testaverde", "jane.testaverde@gmail.com"))
        .hasSize(4);
    assertThat(a.data().get("truncated")).isEqualTo(false);
  }

  @Test
  void takesParametersAsDollarNumbersOrQuestionMarks() {
    ToolAnswer a =
        gateway.query(
            "SELECT count(*), sum(total_cents) FROM orders WHERE customer_id = $2 AND total_cents > $1",
            List.of(0, 4));
    assertThat(a.error()).as(a.summary()).isFalse();
    assertThat(Answers.rows(a))
        .containsExactly(Arrays.asList(14L, new java.math.BigDecimal("47467")));
    ToolAnswer b =
        gateway.query(
            "SELECT email FROM customers WHERE name = ? AND created_at < ?",
            List.of("Jane Testaverde", "2025-01-01"));
    assertThat(Answers.rows(b)).containsExactly(List.of("jane.testaverde@gmail.com"));
    ToolAnswer nulls =
        gateway.query(
            "SELECT $1::text IS NULL, $2::boolean, $3::numeric * 2",
            Arrays.asList(null, true, 1.25));
    assertThat(Answers.rows(nulls))
        .containsExactly(Arrays.asList(true, true, new java.math.BigDecimal("2.50")));
  }

  @Test
  void refusesAParameterCountThatDoesNotMatch() {
    ToolAnswer a = gateway.query("SELECT * FROM customers WHERE id = $1", List.of());
    assertThat(a.error()).isTrue();
    assertThat(a.summary()).contains("takes 1 parameter and 0 were given");
    ToolAnswer b = gateway.query("SELECT $1", List.of(List.of(1)));
    assertThat(b.summary()).contains("parameter $1 is an array");
  }

  @Test
  void capsRowsAndSaysSo() {
    DatabaseGateway capped = world.gateway(world.settings("agent").withRowCap(5));
    ToolAnswer a = capped.query("SELECT id FROM orders ORDER BY id", List.of());
    assertThat(Answers.rows(a)).hasSize(5);
    assertThat(a.data().get("truncated")).isEqualTo(true);
    assertThat(a.summary()).startsWith("5 rows (capped at 5;");
  }

  @Test
  void aSlowQueryMeetsTheStatementTimeout() {
    DatabaseGateway quick =
        world.gateway(
            world.settings("agent").withStatementTimeout(Duration.ofMillis(200)));
    ToolAnswer a = quick.query("SELECT count(*) FROM generate_series(1, 500000000)", List.of());
    assertThat(a.error()).isTrue();
    assertThat(a.summary()).contains("statement timeout");
    assertThat(quick.query("SELECT 1", List.of()).error()).isFalse();
  }

  @Test
  void theLeaksOfIssue6AreRefusedAndChangeNothing() {
    for (String leak :
        List.of(
            "COMMIT; DROP TABLE customers",
            "SET TRANSACTION READ WRITE",
            "SET SESSION AUTHORIZATION postgres",
            "SET ROLE postgres",
            "SELECT dblink_exec('dbname=x', 'DELETE FROM customers')",
            "COPY customers TO PROGRAM 'cat > /tmp/x'",
            "WITH d AS (DELETE FROM customers RETURNING *) SELECT count(*) FROM d",
            "EXPLAIN ANALYZE DELETE FROM customers",
            "SELECT set_config('default_transaction_read_only', 'off', false)",
            "DO $$ BEGIN DELETE FROM customers; END $$",
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity")) {
      ToolAnswer a = gateway.query(leak, List.of());
      assertThat(a.error()).as(leak).isTrue();
      assertThat(a.summary()).as(leak).startsWith("refused: ");
      assertThat(a.data()).containsKeys("rule", "reason");
    }
    assertThat(world.db.count("SELECT count(*) FROM customers")).isEqualTo(8);
  }

  @Test
  void theReadOnlyTransactionIsTheSecondWall() throws Exception {
    // behind the guard, the session itself refuses to write: a write that reached it would fail
    try (var session =
        dev.airlock.gateway.db.DatabaseSession.open(world.url, Duration.ofSeconds(5))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  session.read(
                      c -> {
                        try (Statement st = c.createStatement()) {
                          return st.executeUpdate("DELETE FROM customers");
                        }
                      }))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("read-only transaction");
    }
    assertThat(world.db.count("SELECT count(*) FROM customers")).isEqualTo(8);
  }

  @Test
  void explainAndShowWork() {
    ToolAnswer plan = gateway.query("EXPLAIN SELECT * FROM customers WHERE id = $1", List.of(4));
    assertThat(plan.error()).as(plan.summary()).isFalse();
    ToolAnswer explainDelete =
        gateway.query("EXPLAIN DELETE FROM customers WHERE email LIKE '%test%'", List.of());
    assertThat(explainDelete.error()).as(explainDelete.summary()).isFalse();
    ToolAnswer show = gateway.query("SHOW TIME ZONE", List.of());
    assertThat(show.error()).as(show.summary()).isFalse();
    assertThat(world.db.count("SELECT count(*) FROM customers")).isEqualTo(8);
  }

  @Test
  void anIdentityReadsOnlyTheTablesItIsGranted() {
    DatabaseGateway reporter =
        world.gateway(
            "reporter", "gateway: {identities: {reporter: {select: [orders]}}}", "production");
    assertThat(reporter.query("SELECT count(*) FROM orders", List.of()).error()).isFalse();
    ToolAnswer a =
        reporter.query(
            "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id", List.of());
    assertThat(a.error()).isTrue();
    assertThat(a.summary())
        .isEqualTo(
            "refused: `reporter` may not select from `public.customers` (not in airlock.yaml gateway.identities.reporter.select)");
    ToolAnswer hidden = reporter.query("EXPLAIN ANALYZE SELECT * FROM customers", List.of());
    assertThat(hidden.summary()).contains("public.customers");
  }

  @Test
  void theStoresOwnSchemaIsNeverRead() throws Exception {
    try (Connection c = world.db.connect();
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA airlock; CREATE TABLE airlock.requests (id text, status text)");
    }
    ToolAnswer a = gateway.query("SELECT * FROM airlock.requests", List.of());
    assertThat(a.error()).isTrue();
    assertThat(a.data().get("rule")).isEqualTo("gateway.protected-schema");
  }
}
