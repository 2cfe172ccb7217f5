package dev.airlock.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.core.policy.ConfigException;
import dev.airlock.core.policy.GatewayPolicy;
import dev.airlock.db.DbException;
import dev.airlock.gateway.DatabaseGateway;
import dev.airlock.gateway.GatewaySettings;
import dev.airlock.gateway.ToolAnswer;
import dev.airlock.gateway.store.AuditEntry;
import dev.airlock.gateway.store.AuditFilter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What keeps the gateway usable and honest: a dropped connection is replaced on the next call, bad
 * input gets an answer and the next call works, the password never reaches an answer, and every
 * call lands in the audit log.
 */
class RobustnessTest extends WorldFixture {
  DatabaseGateway gateway;

  @BeforeEach
  void open() {
    gateway = world.gateway("agent");
  }

  @Test
  void aTerminatedBackendIsReplacedOnTheNextCall() throws Exception {
    assertThat(gateway.query("SELECT count(*) FROM customers", List.of()).error()).isFalse();
    try (Connection c = world.db.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND application_name = 'airlock' AND pid <> pg_backend_pid()")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).isTrue();
      assertThat(rs.next()).as("only the gateway's backend").isFalse();
    }
    ToolAnswer after = gateway.query("SELECT count(*) FROM customers", List.of());
    assertThat(after.error()).as(after.summary()).isFalse();
    assertThat(Answers.rows(after)).containsExactly(List.of(8L));

    terminateGateway();
    ToolAnswer preview =
        gateway.preview("DELETE FROM user_sessions WHERE customer_id = $1", List.of(1));
    assertThat(preview.error()).isTrue();
    assertThat(preview.summary())
        .contains("connection was lost")
        .contains("the next call reconnects");
    assertThat(
            gateway.preview("DELETE FROM user_sessions WHERE customer_id = $1", List.of(1)).error())
        .isFalse();
  }

  private void terminateGateway() throws Exception {
    try (Connection c = world.db.connect();
        Statement st = c.createStatement()) {
      st.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
              + " AND application_name = 'airlock' AND pid <> pg_backend_pid()");
    }
  }

  @Test
  void badInputGetsAnAnswerAndTheNextCallWorks() {
    List<ToolAnswer> answers = new ArrayList<>();
    answers.add(gateway.query(null, List.of()));
    answers.add(gateway.query("", null));
    answers.add(gateway.query("SELECT '" + "x".repeat(10 * 1024 * 1024) + "'", List.of()));
    answers.add(gateway.query("SELECT 'broken \uD800 surrogate' FROM nowhere", List.of()));
    answers.add(gateway.query("SELECT * FROM no_such_table", List.of()));
    answers.add(gateway.query("SELECT 1 +", List.of()));
    answers.add(gateway.describeTable(null));
    answers.add(gateway.describeTable("customers; DROP TABLE customers"));
    answers.add(gateway.describeTable("a.b.c.d.e"));
    answers.add(gateway.preview("DELETE FROM", List.of()));
    answers.add(
        gateway.execute(
            "INSERT INTO orders VALUES ($1)", Arrays.asList(new Object[] {new Object()}), null));
    answers.add(gateway.approvalStatus("no-such-id"));
    answers.add(gateway.approvalStatus(null));
    assertThat(answers)
        .allSatisfy(
            a -> {
              assertThat(a.error()).as(a.summary()).isTrue();
              assertThat(a.summary()).doesNotContain("Exception").doesNotContain("\tat ");
            });
    assertThat(answers.get(2).summary()).contains("the gateway accepts at most 1,000,000");
    assertThat(answers.get(4).summary())
        .isEqualTo(
            "error: the database refused the statement: relation \"no_such_table\" does not exist [SQLSTATE 42P01]");
    assertThat(gateway.query("SELECT count(*) FROM customers", List.of()).error()).isFalse();
    assertThat(world.db.count("SELECT count(*) FROM customers")).isEqualTo(8);
  }

  @Test
  void thePasswordNeverReachesAnAnswer() {
    List<ToolAnswer> answers = new ArrayList<>();
    answers.add(gateway.listTables());
    answers.add(gateway.describeTable("customers"));
    answers.add(gateway.query("SELECT current_database(), version()", List.of()));
    answers.add(gateway.query("SHOW application_name", List.of()));
    answers.add(gateway.query("SELECT * FROM pg_stat_activity", List.of()));
    answers.add(gateway.preview("DELETE FROM customers WHERE id = $1", List.of(1)));
    answers.add(gateway.execute("DELETE FROM customers WHERE id = $1", List.of(1), "x"));
    answers.add(gateway.execute("DROP TABLE customers", List.of(), "x"));
    answers.add(gateway.query("SELECT 1/0", List.of()));
    for (ToolAnswer a : answers) {
      assertThat(a.summary() + a.data()).doesNotContain(TestWorld.PASSWORD);
    }
    GatewaySettings settings = world.settings("agent");
    assertThat(settings.toString()).doesNotContain(TestWorld.PASSWORD).contains("***");
    assertThatThrownBy(
            () ->
                DatabaseGateway.open(
                    GatewaySettings.of(
                        world.url.replace(world.database, "no_such_db"),
                        "agent",
                        GatewayPolicy.defaults(),
                        world.store)))
        .isInstanceOf(DbException.class)
        .hasMessageContaining("no_such_db")
        .hasMessageNotContaining(TestWorld.PASSWORD);
    assertThat(world.store.audit(AuditFilter.all()).toString()).doesNotContain(TestWorld.PASSWORD);
  }

  @Test
  void anIdentityThePolicyDoesNotKnowCannotOpenAGateway() {
    assertThatThrownBy(
            () ->
                world.gateway(
                    "intruder", "gateway: {identities: {bot: {select: ['*']}}}", "production"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no identity `intruder`");
  }

  @Test
  void everyCallIsAudited() {
    gateway.query("SELECT count(*) FROM customers", List.of());
    gateway.query("COMMIT; DROP TABLE customers", List.of());
    gateway.preview("DELETE FROM user_sessions WHERE customer_id = $1", List.of(2));
    String id =
        Answers.requestId(gateway.execute("DELETE FROM user_sessions WHERE customer_id = $1", List.of(2), "log out"));
    gateway.query("SELECT * FROM nope", List.of());
    world.store.vote(id, "alice", true, "fine");
    gateway.executeApproved();
    List<AuditEntry> log = world.store.audit(AuditFilter.all());
    assertThat(log)
        .extracting(e -> e.event().tool())
        .containsSubsequence("query", "query", "preview", "execute", "query", "execute_approved");
    assertThat(log)
        .extracting(e -> e.event().decision())
        .containsSubsequence("allow", "deny", "preview", "ask", "error", "executed");
    AuditEntry denied =
        log.stream().filter(e -> e.event().decision().equals("deny")).findFirst().orElseThrow();
    assertThat(denied.event().identity()).isEqualTo("agent");
    assertThat(denied.event().statement()).contains("COMMIT; DROP TABLE customers");
    assertThat(denied.event().ruleId()).contains("statement-stacking");
    AuditEntry ran = log.get(log.size() - 1);
    assertThat(ran.event().rows()).isEqualTo(Optional.of(3L));
    assertThat(ran.event().requestId()).contains(id);
    assertThat(ran.event().approver()).contains("alice");
    assertThat(world.store.verifyAudit().intact()).isTrue();
  }

  @Test
  void aRequestSurvivesTheGatewayAndRunsOnlyForItsIdentity() {
    String id =
        Answers.requestId(gateway.execute("DELETE FROM user_sessions WHERE customer_id = $1", List.of(3), "log out"));
    gateway.close(); // the gateway goes away with the request pending
    world.store.vote(id, "alice", true, "fine");
    DatabaseGateway other = world.gateway("another-agent");
    assertThat(other.executeApproved()).isEmpty();
    assertThat(other.approvalStatus(id).summary())
        .isEqualTo("refused: approval request `" + id + "` belongs to another identity");
    DatabaseGateway restarted = world.gateway("agent");
    assertThat(restarted.executeApproved())
        .singleElement()
        .satisfies(a -> assertThat(a.summary()).startsWith("executed: 3 rows"));
    assertThat(world.db.count("SELECT count(*) FROM user_sessions WHERE customer_id = 3")).isZero();
  }

  @Test
  void listAndDescribeShowWhatTheIdentityMayRead() {
    ToolAnswer all = gateway.listTables();
    assertThat(Answers.list(all.data(), "tables"))
        .extracting(t -> t.get("name"))
        .containsExactly("customers", "orders", "user_sessions");
    ToolAnswer customers = gateway.describeTable("customers");
    assertThat(customers.summary()).isEqualTo("public.customers: 4 columns, primary key (id)");
    assertThat(Answers.list(customers.data(), "columns"))
        .extracting(c -> c.get("name") + " " + c.get("type"))
        .containsExactly(
            "id bigint", "name text", "email text", "created_at timestamp with time zone");
    assertThat((List<?>) customers.data().get("referencedBy"))
        .hasSize(2)
        .allSatisfy(r -> assertThat((String) r).contains("ON DELETE CASCADE"));
    assertThat(gateway.describeTable("public.\"orders\"").summary())
        .startsWith("public.orders: 4 columns");

    DatabaseGateway reporter =
        world.gateway(
            "reporter", "gateway: {identities: {reporter: {select: [orders]}}}", "production");
    assertThat(Answers.list(reporter.listTables().data(), "tables"))
        .extracting(t -> t.get("name"))
        .containsExactly("orders");
    ToolAnswer hidden = reporter.describeTable("customers");
    assertThat(hidden.summary())
        .isEqualTo(
            "refused: no table `customers` that `reporter` may read (list_tables shows them)");
  }
}
