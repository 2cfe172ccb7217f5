package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.gateway.mcp.McpJson;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlock mcp} as a process: what an agent's MCP client starts. */
class McpCommandTest {
  @TempDir Path home;

  private List<String> command(String... args) {
    List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "mcp"));
    c.addAll(List.of(args));
    return c;
  }

  @Test
  void servesAnEmbeddedDatabaseToTheSdksClient() {
    List<String> c = command("--db", "embedded", "--identity", "try-me");
    ServerParameters server = ServerParameters.builder(c.get(0)).args(c.subList(1, c.size())).addEnvVar("AIRLOCK_HOME", home.toString()).build();
    List<String> stderr = new java.util.concurrent.CopyOnWriteArrayList<>();
    StdioClientTransport transport = new StdioClientTransport(server, McpJson.mapper());
    transport.setStdErrorHandler(stderr::add);
    McpSyncClient client =
        McpClient.sync(transport).jsonSchemaValidator(McpJson.schemaValidator()).requestTimeout(Duration.ofSeconds(60)).initializationTimeout(Duration.ofSeconds(120)).build();
    try {
      assertThat(client.initialize().serverInfo().name()).isEqualTo("airlock");
      CallToolResult r = client.callTool(new CallToolRequest("query", Map.of("sql", "SELECT 40 + $1 AS answer", "params", List.of(2))));
      assertThat(r.isError()).isFalse();
      assertThat(((TextContent) r.content().get(1)).text()).contains("42");
      CallToolResult write = client.callTool(new CallToolRequest("execute", Map.of("sql", "CREATE TABLE t (id int)", "reason", "try")));
      assertThat(write.isError()).as("DDL is denied by the default policy").isTrue();
    } finally {
      client.closeGracefully();
    }
    assertThat(String.join("\n", stderr)).contains("airlock mcp: try-me on postgres://postgres@localhost:").contains("(embedded, empty)");
    assertThat(home.resolve("airlock.db")).exists();
  }

  @Test
  void aBadDatabaseOrPolicyIsOneLineOnStderrAndNothingOnStdout() throws IOException, InterruptedException {
    Files.writeString(home.resolve("airlock.yaml"), "gateway: {identities: {bot: {select: ['*']}}}\n");
    Object[][] cases = {
      {command("--db", "postgres://agent:hunter2@127.0.0.1:1/shop", "--identity", "bot"), "airlock: cannot connect to postgres://agent@127.0.0.1:1/shop: connection refused"},
      {command("--db", "mysql://x", "--identity", "bot"), "airlock: not a PostgreSQL URL"},
      {command("--db", "embedded", "--identity", "bot", "--policy", home.resolve("missing.yaml").toString()), "airlock: --policy: no file "},
      {command("--db", "embedded", "--identity", "intruder", "--policy", home.resolve("airlock.yaml").toString()), "airlock: airlock.yaml gateway.identities has no identity `intruder` (known: bot)"},
      {command("--identity", "bot"), "airlock: Missing required option: '--db=URL'"},
    };
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      List<String> cmd = (List<String>) c[0];
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().put("AIRLOCK_HOME", home.toString());
      Process p = pb.start();
      p.getOutputStream().close();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(err).isEqualTo(2);
      assertThat(out).as("stdout belongs to JSON-RPC").isEmpty();
      String args = String.join(" ", cmd.subList(4, cmd.size()));
      List<String> lines = err.lines().toList();
      assertThat(lines).as(args).isNotEmpty().hasSizeLessThanOrEqualTo(2);
      assertThat(lines).as(args).anyMatch(l -> l.startsWith((String) c[1]));
      assertThat(err).as(args).doesNotContain("hunter2").doesNotContain("Exception");
    }
  }
}
