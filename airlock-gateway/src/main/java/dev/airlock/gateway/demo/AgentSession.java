package dev.airlock.gateway.demo;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import dev.airlock.gateway.mcp.McpJson;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An agent's side of one MCP session with {@code airlock mcp}: the SDK's own client, talking to
 * the gateway as a child process over stdio, exactly as Claude Code or Cursor would.
 */
public final class AgentSession implements AutoCloseable {
  /** One tool call as the agent saw it. */
  public record ToolCall(String tool, Map<String, Object> arguments, boolean error, String summary, Object data) {}

  private final McpSyncClient client;

  private AgentSession(McpSyncClient client) {
    this.client = client;
  }

  /**
   * Starts the server process and initializes the session.
   *
   * @param serverStderr receives the server's stderr lines (its log; never protocol)
   */
  public static AgentSession start(ServerParameters server, String agentName, Consumer<String> serverStderr) {
    McpJsonMapper json = McpJson.mapper();
    StdioClientTransport transport = new StdioClientTransport(server, json);
    transport.setStdErrorHandler(serverStderr);
    McpSyncClient client =
        McpClient.sync(transport)
            .clientInfo(new Implementation(agentName, "1"))
            .jsonSchemaValidator(McpJson.schemaValidator())
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(120))
            .build();
    client.initialize();
    return new AgentSession(client);
  }

  public ToolCall call(String tool, Map<String, Object> arguments) {
    CallToolResult r = client.callTool(new CallToolRequest(tool, arguments));
    String summary =
        r.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text()).findFirst().orElse("");
    return new ToolCall(tool, arguments, Boolean.TRUE.equals(r.isError()), summary, r.structuredContent());
  }

  @Override
  public void close() {
    client.closeGracefully();
  }
}
