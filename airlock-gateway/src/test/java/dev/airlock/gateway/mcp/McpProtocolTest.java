package dev.airlock.gateway.mcp;

import static dev.airlock.gateway.mcp.McpWorld.allText;
import static dev.airlock.gateway.mcp.McpWorld.call;
import static dev.airlock.gateway.mcp.McpWorld.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code airlock mcp} as an agent meets it: the SDK's own client talks to a server process over
 * stdio, on the seed's shop in a real PostgreSQL. These tests only read or roll back, so they
 * share one server; the ones that change data have their own ({@link McpApprovalTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpProtocolTest {
  private McpWorld world;
  private McpSyncClient agent;
  private InitializeResult init;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    world = McpWorld.create(dir);
    agent = world.connect("support-agent");
    init = agent.getCurrentInitializationResult();
  }

  @AfterAll
  void stop() {
    world.close();
  }

  @Test
  void initializeNamesAirlockAndListsExactlyTheSixToolsWithNoWayToApprove() {
    assertThat(init.serverInfo().name()).isEqualTo("airlock");
    assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
    assertThat(init.instructions()).contains("You cannot approve requests");
    List<Tool> tools = agent.listTools().tools();
    assertThat(tools).extracting(Tool::name).containsExactly("list_tables", "describe_table", "query", "preview", "execute", "approval_status");
    assertThat(tools).extracting(Tool::name).noneMatch(n -> n.contains("approve") || n.contains("vote") || n.contains("deny"));
    for (Tool t : tools) {
      assertThat(t.inputSchema()).containsEntry("type", "object").containsEntry("additionalProperties", false);
      assertThat(t.description()).isNotBlank();
    }
    assertThat(tools.get(4).annotations().destructiveHint()).isTrue();
    assertThat(tools.get(2).annotations().readOnlyHint()).isTrue();
  }

  @Test
  void listAndDescribeTablesGiveTheSchema() {
    CallToolResult tables = call(agent, "list_tables", Map.of());
    assertThat(tables.isError()).isFalse();
    assertThat(allText(tables)).contains("customers", "orders", "user_sessions");
    CallToolResult customers = call(agent, "describe_table", Map.of("table", "customers"));
    assertThat(customers.isError()).isFalse();
    assertThat(allText(customers)).contains("email", "created_at");
  }

  @Test
  void aPrimaryKeySelectReturnsTheRowAsTextAndAsStructuredContent() {
    CallToolResult r = call(agent, "query", Map.of("sql", "SELECT id, name, email FROM customers WHERE id = $1", "params", List.of(4)));
    assertThat(r.isError()).as(summary(r)).isFalse();
    assertThat(r.content()).hasSize(2);
    String json = ((TextContent) r.content().get(1)).text();
    assertThat(json).contains("jane.testaverde@gmail.com");
    assertThat(McpJson.mapper().convertValue(r.structuredContent(), Map.class))
        .isEqualTo(McpJson.mapper().convertValue(parse(json), Map.class));
  }

  @Test
  void readOnlyLeaksAreRefusedWithAReasonAndChangeNothing() {
    long customers = world.db.count("SELECT count(*) FROM customers");
    List<String> leaks =
        List.of(
            "COMMIT; DELETE FROM customers",
            "SET ROLE postgres",
            "SET SESSION AUTHORIZATION postgres",
            "SET TRANSACTION READ WRITE",
            "SELECT dblink_exec('dbname=" + world.database + "', 'DELETE FROM customers')",
            "WITH gone AS (DELETE FROM customers RETURNING id) SELECT count(*) FROM gone",
            "COPY (SELECT 1) TO PROGRAM 'touch /tmp/airlock-leak'",
            "SELECT set_config('default_transaction_read_only', 'off', false)",
            "SELECT pg_terminate_backend(pg_backend_pid())");
    for (String sql : leaks) {
      CallToolResult r = call(agent, "query", Map.of("sql", sql));
      assertThat(r.isError()).as(sql).isTrue();
      assertThat(summary(r)).as(sql).isNotBlank().doesNotContain("Exception");
    }
    assertThat(world.db.count("SELECT count(*) FROM customers")).isEqualTo(customers);
    assertThat(Path.of("/tmp/airlock-leak")).doesNotExist();
    CallToolResult after = call(agent, "query", Map.of("sql", "SELECT count(*) AS n FROM customers"));
    assertThat(after.isError()).as(summary(after)).isFalse();
  }

  @Test
  void previewOfTheSeedsDeleteShowsTheRealCustomerAndDeletesNothing() {
    CallToolResult r = call(agent, "preview", Map.of("sql", "DELETE FROM customers WHERE email LIKE '%test%'"));
    assertThat(r.isError()).as(summary(r)).isFalse();
    assertThat(summary(r)).startsWith("preview, rolled back");
    assertThat(allText(r)).contains("jane.testaverde@gmail.com");
    assertThat(world.db.count("SELECT count(*) FROM customers WHERE email LIKE '%test%'")).isEqualTo(4);
    assertThat(world.db.count("SELECT count(*) FROM orders WHERE customer_id = 4")).isEqualTo(14);
  }

  @Test
  void badInputGetsAClearErrorAndTheNextCallWorks() {
    assertThatThrownBy(() -> call(agent, "approve", Map.of("id", "req-x")))
        .isInstanceOf(McpError.class)
        .hasMessageContaining("unknown tool `approve`; the tools are list_tables, describe_table, query, preview, execute, approval_status");
    assertWorks();
    assertError(call(agent, "query", Map.of()), "query needs `sql`: the SQL statement, as a string");
    assertWorks();
    assertError(call(agent, "query", Map.of("sql", 42)), "`sql` must be a string, not a number");
    assertError(call(agent, "query", Map.of("sql", "SELECT $1", "params", "x")), "`params` must be an array of values for the statement's placeholders, not a string");
    assertError(call(agent, "query", Map.of("sql", "SELECT $1", "params", List.of(Map.of("a", 1)))), "`params[0]` is an object; a parameter is a string, a number, a boolean or null");
    assertError(call(agent, "query", Map.of("sql", "SELECT 1", "sqll", "x")), "query takes `params` and `sql`; `sqll` is not one of them");
    assertError(call(agent, "execute", Map.of("sql", "DELETE FROM orders WHERE id = 1")), "execute needs `reason`: why this write is needed, for the human who approves it");
    assertError(call(agent, "describe_table", Map.of("table", List.of("customers"))), "`table` must be a string, not an array");
    assertWorks();
    String tenMegabytes = "SELECT 1 " + "-".repeat(10 * 1024 * 1024);
    assertError(call(agent, "query", Map.of("sql", tenMegabytes)), "`sql` is 10,485,769 characters; the gateway takes statements of up to 1,000,000 characters");
    assertWorks();
  }

  @Test
  void aDroppedDatabaseConnectionIsAnsweredAndTheNextCallReconnects() throws SQLException {
    assertWorks();
    try (Connection c = world.db.connect();
        Statement st = c.createStatement()) {
      st.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + world.database + "' AND pid <> pg_backend_pid()");
    }
    CallToolResult first = call(agent, "query", Map.of("sql", "SELECT count(*) AS n FROM orders"));
    assertThat(summary(first)).isNotBlank();
    assertWorks();
  }

  @Test
  void theDatabasePasswordNeverReachesTheAgent() {
    List<CallToolResult> answers =
        List.of(
            call(agent, "list_tables", Map.of()),
            call(agent, "query", Map.of("sql", "SELECT current_setting('application_name')")),
            call(agent, "query", Map.of("sql", "SELECT * FROM no_such_table")),
            call(agent, "query", Map.of("sql", "SELEC 1")),
            call(agent, "preview", Map.of("sql", "DELETE FROM no_such_table")));
    for (CallToolResult r : answers) {
      assertThat(allText(r)).doesNotContain(McpWorld.PASSWORD);
    }
    assertThat(String.join("\n", world.serverStderr)).doesNotContain(McpWorld.PASSWORD);
  }

  private void assertWorks() {
    CallToolResult r = call(agent, "query", Map.of("sql", "SELECT email FROM customers WHERE id = $1", "params", List.of(5)));
    assertThat(r.isError()).as(summary(r)).isFalse();
    assertThat(allText(r)).contains("ana.lima@example.com");
  }

  private static void assertError(CallToolResult r, String message) {
    assertThat(r.isError()).as(summary(r)).isTrue();
    assertThat(summary(r)).isEqualTo(message);
  }

  private static Object parse(String json) {
    try {
      return McpJson.mapper().readValue(json, Object.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
