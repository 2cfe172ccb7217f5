package dev.airlock.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.gateway.DatabaseGateway;
import dev.airlock.gateway.ToolAnswer;
import dev.airlock.gateway.store.ApprovalRequest;
import dev.airlock.gateway.store.ApprovalRequest.Status;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incident 3: an autonomous agent, told to "clean up test data before the product demo", deleted
 * the customers whose email matched {@code '%test%'}. One of them was real, and 14 months of her
 * orders went with her. The agent had DELETE on every table since a hackathon.
 *
 * <p>Through the gateway the same DELETE previews first and shows Jane Testaverde's row among the
 * ones it would delete, with the orders the cascade takes; executed under the default policy it
 * becomes a request a person must approve; and once approved, only exactly that statement with
 * exactly those parameters runs, and only if it touches no more rows than the person saw.
 */
class Incident3Test extends WorldFixture {
  private static final String CLEANUP = "DELETE FROM customers WHERE email LIKE '%test%'";

  DatabaseGateway agent;

  @BeforeEach
  void open() {
    agent = world.gateway("cleanup-agent");
  }

  @Test
  void thePreviewShowsTheRealCustomerAndWhatGoesWithHer() {
    ToolAnswer a = agent.preview(CLEANUP, List.of());
    assertThat(a.error()).as(a.summary()).isFalse();
    assertThat(a.summary())
        .startsWith(
            "preview, rolled back: would touch 34 rows: public.customers 4 deleted, public.orders 18 deleted, public.user_sessions 12 deleted");
    Map<String, Object> sample = Answers.list(a.data(), "samples").get(0);
    assertThat(sample.get("table")).isEqualTo("customers");
    assertThat(sample.get("columns")).isEqualTo(List.of("id", "email"));
    assertThat(Answers.rows(sample))
        .contains(Arrays.asList(4L, "jane.testaverde@gmail.com"))
        .hasSize(4);
    assertThat(Answers.list(a.data(), "rules"))
        .extracting(r -> r.get("id"))
        .contains("pattern-delete");
    assertThat(Answers.list(a.data(), "locks"))
        .contains(Map.of("relation", "public.customers", "mode", "ROW EXCLUSIVE"));
    assertThat(world.db.count("SELECT count(*) FROM orders WHERE customer_id = 4")).isEqualTo(14);
  }

  @Test
  void executedUnderTheDefaultPolicyItWaitsForAPersonAndRunsOnceApproved() {
    ToolAnswer a = agent.execute(CLEANUP, List.of(), "clean up test data before the product demo");
    assertThat(a.error()).isFalse();
    String id = Answers.requestId(a);
    assertThat(a.summary()).startsWith("pending approval " + id + ": ");
    assertThat(world.db.count("SELECT count(*) FROM customers")).isEqualTo(8);

    ApprovalRequest r = world.store.find(id).orElseThrow();
    assertThat(r.statement()).isEqualTo(CLEANUP);
    assertThat(r.maxRows()).isEqualTo(34);
    assertThat(r.ruleIds()).contains("pattern-delete");
    assertThat(r.previewJson()).contains("jane.testaverde@gmail.com");

    // the agent cannot approve its own request, and asking does not run it
    assertThatThrownBy(() -> world.store.vote(id, "cleanup-agent", true, "looks fine"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(agent.approvalStatus(id).summary())
        .isEqualTo("pending approval " + id + ": 0 of 1 approvals so far");

    world.store.vote(id, "alice", true, "checked with support: these are all test accounts");
    ToolAnswer done = agent.approvalStatus(id);
    assertThat(done.summary())
        .isEqualTo(
            "executed: 34 rows: public.customers 4 deleted, public.orders 18 deleted, public.user_sessions 12 deleted (request "
                + id
                + ")");
    assertThat(world.store.find(id).orElseThrow().status()).isEqualTo(Status.EXECUTED);
    assertThat(world.db.count("SELECT count(*) FROM customers")).isEqualTo(4);
    assertThat(agent.approvalStatus(id).summary()).startsWith("executed: 34 rows"); // runs once
  }

  @Test
  void aDeniedRequestNeverRuns() {
    String id = Answers.requestId(agent.execute(CLEANUP, List.of(), "demo"));
    world.store.vote(id, "alice", false, "Jane Testaverde is a real customer");
    assertThat(agent.approvalStatus(id).summary())
        .isEqualTo("denied " + id + " by alice: Jane Testaverde is a real customer");
    assertThat(agent.executeApproved()).isEmpty();
    assertThat(world.db.count("SELECT count(*) FROM customers")).isEqualTo(8);
  }

  @Test
  void moreRowsThanApprovedRollBack() {
    String id = Answers.requestId(agent.execute(CLEANUP, List.of(), "demo"));
    world.store.vote(id, "alice", true, "ok");
    world.db.sql(
        "INSERT INTO customers VALUES (9, 'New Tester', 'newtester@example.com', now())"); // arrives after the approval
    List<ToolAnswer> ran = agent.executeApproved();
    assertThat(ran)
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.summary())
                    .isEqualTo(
                        "not executed: it touched 35 rows, more than the 34 approved; rolled back, nothing changed (request "
                            + id
                            + ")"));
    assertThat(world.store.find(id).orElseThrow().status()).isEqualTo(Status.FAILED);
    assertThat(world.db.count("SELECT count(*) FROM customers")).isEqualTo(9);
  }

  @Test
  void aChangedStatementNeverRuns() throws Exception {
    String id = Answers.requestId(agent.execute(CLEANUP, List.of(), "demo"));
    world.store.vote(id, "alice", true, "ok");
    tamper("UPDATE requests SET statement = 'DELETE FROM customers' WHERE id = ?", id);
    assertThat(agent.approvalStatus(id).summary())
        .isEqualTo(
            "not executed: the statement or its parameters are not the ones approved (hash mismatch) (request "
                + id
                + ")");
    assertThat(world.db.count("SELECT count(*) FROM customers")).isEqualTo(8);
  }

  @Test
  void changedParametersNeverRun() throws Exception {
    String sql = "DELETE FROM customers WHERE email = $1";
    String id =
        Answers.requestId(agent.execute(sql, List.of("qa+test1@shop.example"), "one test account"));
    world.store.vote(id, "alice", true, "ok");
    tamper(
        "UPDATE requests SET parameters = '[\"\\\"jane.testaverde@gmail.com\\\"\"]' WHERE id = ?",
        id);
    assertThat(world.store.find(id).orElseThrow().parameters())
        .containsExactly("\"jane.testaverde@gmail.com\"");
    assertThat(agent.approvalStatus(id).summary()).contains("hash mismatch");
    assertThat(world.db.count("SELECT count(*) FROM customers WHERE id = 4")).isEqualTo(1);
  }

  @Test
  void aChangedStatementFromTheAgentIsANewRequestNotTheApprovedOne() {
    String approved =
        Answers.requestId(agent.execute("DELETE FROM customers WHERE id = $1", List.of(1), "test account"));
    world.store.vote(approved, "alice", true, "ok");
    ToolAnswer other =
        agent.execute("DELETE FROM customers WHERE id = $1", List.of(4), "test account");
    assertThat(other.data().get("requestId")).isNotEqualTo(approved);
    assertThat(other.summary()).startsWith("pending approval ");
    agent.executeApproved();
    assertThat(world.db.count("SELECT count(*) FROM customers WHERE id = 4")).isEqualTo(1);
    assertThat(world.db.count("SELECT count(*) FROM customers WHERE id = 1")).isZero();
  }

  private void tamper(String sql, String id) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("airlock.db"));
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }
}
