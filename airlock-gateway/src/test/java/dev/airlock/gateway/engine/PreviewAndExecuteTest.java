package dev.airlock.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.gateway.DatabaseGateway;
import dev.airlock.gateway.ToolAnswer;
import dev.airlock.gateway.store.ApprovalRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** preview and execute under the default policy and under a least-privilege one. */
class PreviewAndExecuteTest extends WorldFixture {
  private static final String POLICY =
      """
      gateway:
        environments:
          production:
            max-rows: 5
            deny: [ddl, privilege, server]
            approvers: [alice, bob]
            approvals: 2
        identities:
          support-agent:
            select: ["*"]
            insert: [orders]
            delete: [user_sessions]
            update: [customers]
      """;

  DatabaseGateway agent;
  DatabaseGateway support;

  @BeforeEach
  void open() {
    agent = world.gateway("agent");
    support = world.gateway("support-agent", POLICY, "production");
  }

  @Test
  void aPreviewRunsTheWriteAndRollsItBack() {
    ToolAnswer a =
        agent.preview(
            "UPDATE orders SET total_cents = total_cents + 1 WHERE customer_id = $1", List.of(8));
    assertThat(a.error()).as(a.summary()).isFalse();
    assertThat(a.summary())
        .startsWith(
            "preview, rolled back: would touch 2 rows: public.orders 2 updated; execute would file it for approval");
    assertThat(a.data().get("totalRows")).isEqualTo(2L);
    assertThat(Answers.list(a.data(), "locks"))
        .contains(Map.of("relation", "public.orders", "mode", "ROW EXCLUSIVE"));
    Map<String, Object> sample = Answers.list(a.data(), "samples").get(0);
    assertThat(sample.get("columns")).isEqualTo(List.of("id", "customer_id"));
    assertThat((List<?>) sample.get("rows")).hasSize(2);
    assertThat(world.db.count("SELECT sum(total_cents) FROM orders WHERE customer_id = 8"))
        .isEqualTo(7900);
  }

  @Test
  void aWriteWithASideEffectingFunctionIsNeverRunNotEvenInAPreview() {
    ToolAnswer a =
        agent.preview(
            "DELETE FROM user_sessions WHERE pg_terminate_backend(pg_backend_pid())", List.of());
    assertThat(a.error()).isTrue();
    assertThat(a.summary()).contains("`pg_terminate_backend` is not on the gateway's allow-list");
    ToolAnswer b =
        agent.execute(
            "UPDATE customers SET name = dblink_exec('dbname=x', 'DROP TABLE t')", List.of(), "x");
    assertThat(b.summary()).contains("`dblink_exec`");
    assertThat(agent.query("SELECT count(*) FROM user_sessions", List.of()).error()).isFalse();
  }

  @Test
  void theDefaultPolicyAsksForEveryWriteAndDeniesDdl() {
    ToolAnswer insert =
        agent.execute(
            "INSERT INTO orders (customer_id, total_cents) VALUES ($1, $2)",
            List.of(5, 1999),
            "phone order");
    assertThat(insert.error()).isFalse();
    assertThat(insert.summary())
        .startsWith("pending approval ")
        .contains("the policy asks a person before every write by `agent`");
    assertThat(world.db.count("SELECT count(*) FROM orders WHERE customer_id = 5")).isEqualTo(2);

    ToolAnswer drop =
        agent.execute("DROP TABLE IF EXISTS user_sessions", List.of(), "remove orphaned records");
    assertThat(drop.error()).isTrue();
    assertThat(drop.data().get("rule")).isEqualTo("gateway.denied-kind");
    assertThat(drop.summary())
        .contains(
            "`DROP` is a drop statement (ddl), which the policy denies to `agent` in environment `default`");

    for (String never :
        List.of(
            "COMMIT",
            "SET ROLE postgres",
            "BEGIN",
            "PREPARE p AS DELETE FROM orders",
            "GRANT ALL ON orders TO public",
            "COPY orders FROM PROGRAM 'id'",
            "TRUNCATE orders")) {
      ToolAnswer a = agent.execute(never, List.of(), "x");
      assertThat(a.error()).as(never).isTrue();
      assertThat((String) a.data().get("rule")).as(never).startsWith("gateway.");
    }
    assertThat(world.db.count("SELECT count(*) FROM user_sessions")).isEqualTo(24);
  }

  @Test
  void aGrantedInsertRunsAtOnce() {
    ToolAnswer a =
        support.execute(
            "INSERT INTO orders (customer_id, total_cents) VALUES ($1, $2)",
            List.of(5, 1999),
            "phone order");
    assertThat(a.error()).as(a.summary()).isFalse();
    assertThat(a.summary()).isEqualTo("executed: 1 row: public.orders 1 inserted");
    assertThat(
            world.db.count("SELECT count(*) FROM orders WHERE customer_id = 5 AND total_cents = 1999"))
        .isEqualTo(1);
  }

  @Test
  void aTableTheIdentityIsNotGrantedIsDenied() {
    ToolAnswer a = support.execute("DELETE FROM orders WHERE id = $1", List.of(1), "duplicate");
    assertThat(a.error()).isTrue();
    assertThat(a.summary())
        .isEqualTo(
            "refused: `support-agent` may not delete `public.orders` (not in airlock.yaml gateway.identities.support-agent.delete)");
    ToolAnswer b =
        support.preview(
            "INSERT INTO customers (id, name, email, created_at) VALUES (9, 'x', 'x@x', now())",
            List.of());
    assertThat(b.data().get("rule")).isEqualTo("gateway.table-not-granted");
    assertThat(world.db.count("SELECT count(*) FROM orders")).isEqualTo(24);
  }

  @Test
  void withinMaxRowsAGrantedDeleteRunsAndBeyondItAsks() {
    ToolAnswer few =
        support.execute(
            "DELETE FROM user_sessions WHERE customer_id = $1", List.of(1), "log out the QA bot");
    assertThat(few.summary()).isEqualTo("executed: 3 rows: public.user_sessions 3 deleted");
    assertThat(world.db.count("SELECT count(*) FROM user_sessions")).isEqualTo(21);

    ToolAnswer many =
        support.execute(
            "DELETE FROM user_sessions WHERE expires_at > $1",
            List.of("2020-01-01"),
            "log everybody out");
    assertThat(many.error()).isFalse();
    assertThat(many.summary())
        .startsWith("pending approval ")
        .contains("touches 21 rows, more than max-rows 5 in environment `production`")
        .contains("(2 approvals)");
    assertThat(world.db.count("SELECT count(*) FROM user_sessions")).isEqualTo(21);
    ApprovalRequest r = world.store.find(Answers.requestId(many)).orElseThrow();
    assertThat(r.maxRows()).isEqualTo(21);
    assertThat(r.approvers()).containsExactly("alice", "bob");
    assertThat(r.approvalsRequired()).isEqualTo(2);
    assertThat(r.parameters()).containsExactly("\"2020-01-01\"");
    assertThat(r.ruleIds()).contains("gateway.max-rows");
  }

  @Test
  void aDeleteHiddenInAWithThatFeedsAGrantedInsertIsStillBoundByMaxRows() {
    ToolAnswer a =
        support.execute(
            "WITH gone AS (DELETE FROM user_sessions WHERE expires_at > $1 RETURNING customer_id)"
                + " INSERT INTO orders (customer_id, total_cents) SELECT DISTINCT customer_id, 0 FROM gone",
            List.of("2020-01-01"),
            "archive sessions as orders");
    assertThat(a.summary()).startsWith("pending approval ").contains("more than max-rows 5");
    assertThat(world.db.count("SELECT count(*) FROM user_sessions")).isEqualTo(24);
  }

  @Test
  void anUpsertNeedsTheUpdateGrantToo() {
    ToolAnswer a =
        support.execute(
            "INSERT INTO orders (id, customer_id, total_cents) VALUES (1, 1, 5) ON CONFLICT (id) DO UPDATE SET total_cents = 5",
            List.of(),
            "fix");
    assertThat(a.summary())
        .isEqualTo(
            "refused: `support-agent` may not update `public.orders` (not in airlock.yaml gateway.identities.support-agent.update)");
  }

  @Test
  void aSeriousFindingAsksEvenWhenTheWriteIsGranted() {
    ToolAnswer a =
        support.execute(
            "UPDATE customers SET name = 'x' WHERE email LIKE '%olsen%'", List.of(), "rename");
    assertThat(a.summary()).startsWith("pending approval ").contains("pattern");
    assertThat(world.db.count("SELECT count(*) FROM customers WHERE name = 'x'")).isZero();
  }

  @Test
  void aReadIsSentToQuery() {
    ToolAnswer a = agent.execute("SELECT 1", List.of(), "x");
    assertThat(a.data().get("rule")).isEqualTo("gateway.read");
  }

  @Test
  void ddlThePolicyDoesNotDenyIsFiledWithoutADryRun() {
    DatabaseGateway dev =
        world.gateway("agent", "gateway: {environments: {dev: {deny: [drop]}}}", "dev");
    ToolAnswer a =
        dev.execute(
            "CREATE INDEX orders_total_idx ON orders (total_cents)", List.of(), "faster reports");
    assertThat(a.summary()).startsWith("pending approval ");
    ApprovalRequest r = world.store.find(Answers.requestId(a)).orElseThrow();
    assertThat(r.previewJson()).contains("\"previewed\":false");
    assertThat(
            dev.preview("CREATE INDEX orders_total_idx ON orders (total_cents)", List.of())
                .data()
                .get("rule"))
        .isEqualTo("gateway.no-dry-run");
    world.store.vote(r.id(), "alice", true, "fine");
    ToolAnswer ran = dev.approvalStatus(r.id());
    assertThat(ran.summary()).startsWith("executed");
    assertThat(world.db.count("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_total_idx'"))
        .isEqualTo(1);
    assertThat(world.store.find(r.id()).map(ApprovalRequest::status))
        .isEqualTo(Optional.of(ApprovalRequest.Status.EXECUTED));
  }
}
