package dev.airlock.gateway.mcp;

import static dev.airlock.gateway.mcp.McpWorld.call;
import static dev.airlock.gateway.mcp.McpWorld.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.gateway.demo.DemoScript;
import dev.airlock.gateway.store.ApprovalRequest;
import dev.airlock.gateway.store.ApprovalRequest.Status;
import dev.airlock.gateway.store.Store;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval path through the protocol: execute files a request, a person approves it in the
 * store (as {@code airlock approvals approve} does), and the gateway runs exactly that statement;
 * a killed server loses nothing that was pending.
 */
class McpApprovalTest {
  private static final String DELETE = DemoScript.PATTERN_DELETE;

  @TempDir Path dir;

  @Test
  void executeFilesARequestAPersonApprovesItAndApprovalStatusReportsItExecuted() throws IOException {
    try (McpWorld world = McpWorld.create(dir)) {
      McpSyncClient agent = world.connect("support-agent");
      String id = pendingId(call(agent, "execute", Map.of("sql", DELETE, "reason", "clean up test data before the product demo")));
      assertThat(world.db.count("SELECT count(*) FROM customers WHERE email LIKE '%test%'")).as("nothing ran yet").isEqualTo(4);

      CallToolResult pending = call(agent, "approval_status", Map.of("id", id));
      assertThat(pending.isError()).isFalse();
      assertThat(structured(pending)).containsEntry("status", "pending");

      try (Store store = world.store()) {
        assertThat(store.find(id)).map(ApprovalRequest::statement).contains(DELETE);
        store.vote(id, "alice", true, "checked the sample rows");
      }
      CallToolResult done = eventually(() -> call(agent, "approval_status", Map.of("id", id)), r -> "executed".equals(structured(r).get("status")));
      assertThat(summary(done)).contains("executed");
      assertThat(world.db.count("SELECT count(*) FROM customers WHERE email LIKE '%test%'")).isZero();
      assertThat(world.db.count("SELECT count(*) FROM orders WHERE customer_id = 4")).as("cascaded").isZero();
      assertThat(world.db.count("SELECT count(*) FROM customers")).isEqualTo(4);
    }
  }

  @Test
  void anApprovedRequestRunsWithinSecondsEvenIfTheAgentNeverAsks() throws IOException {
    try (McpWorld world = McpWorld.create(dir)) {
      McpSyncClient agent = world.connect("support-agent");
      String id = pendingId(call(agent, "execute", Map.of("sql", "DELETE FROM user_sessions WHERE customer_id = $1", "params", List.of(8), "reason", "customer 8 asked to be signed out")));
      try (Store store = world.store()) {
        store.vote(id, "alice", true, "ok");
        waitFor(() -> world.db.count("SELECT count(*) FROM user_sessions WHERE customer_id = 8") == 0);
        assertThat(store.find(id)).map(ApprovalRequest::status).contains(Status.EXECUTED);
      }
      assertThat(world.db.count("SELECT count(*) FROM user_sessions")).isEqualTo(21);
    }
  }

  @Test
  void killedWithRequestsPendingARestartedServerLosesNothing() throws IOException {
    try (McpWorld world = McpWorld.create(dir)) {
      McpSyncClient first = world.connect("support-agent");
      String delete = pendingId(call(first, "execute", Map.of("sql", DELETE, "reason", "clean up test data")));
      String sessions = pendingId(call(first, "execute", Map.of("sql", "DELETE FROM user_sessions WHERE customer_id = 1", "reason", "test account")));
      List<ProcessHandle> servers = world.serverProcesses();
      assertThat(servers).hasSize(1);
      servers.get(0).destroyForcibly();
      waitFor(() -> !servers.get(0).isAlive());

      McpSyncClient second = world.connect("support-agent");
      for (String id : List.of(delete, sessions)) {
        assertThat(structured(call(second, "approval_status", Map.of("id", id)))).containsEntry("status", "pending");
      }
      try (Store store = world.store()) {
        assertThat(store.list(Optional.of(Status.PENDING))).extracting(ApprovalRequest::id).containsExactlyInAnyOrder(delete, sessions);
        assertThat(store.verifyAudit().intact()).isTrue();
        store.vote(sessions, "alice", true, "ok");
        store.vote(delete, "alice", false, "Jane Testaverde is a real customer");
      }
      CallToolResult ran = eventually(() -> call(second, "approval_status", Map.of("id", sessions)), r -> "executed".equals(structured(r).get("status")));
      assertThat(summary(ran)).contains("executed");
      assertThat(structured(call(second, "approval_status", Map.of("id", delete)))).containsEntry("status", "denied");
      assertThat(world.db.count("SELECT count(*) FROM customers WHERE email = 'jane.testaverde@gmail.com'")).isEqualTo(1);
      assertThat(world.db.count("SELECT count(*) FROM user_sessions WHERE customer_id = 1")).isZero();
    }
  }

  private static String pendingId(CallToolResult r) {
    assertThat(r.isError()).as(summary(r)).isFalse();
    assertThat(summary(r)).startsWith("pending approval req-");
    return DemoScript.pendingId(summary(r)).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> structured(CallToolResult r) {
    return (Map<String, Object>) r.structuredContent();
  }

  private static CallToolResult eventually(java.util.function.Supplier<CallToolResult> call, java.util.function.Predicate<CallToolResult> done) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    CallToolResult r = call.get();
    while (!done.test(r) && System.nanoTime() < deadline) {
      sleep();
      r = call.get();
    }
    assertThat(done.test(r)).as(summary(r)).isTrue();
    return r;
  }

  private static void waitFor(BooleanSupplier condition) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
