package dev.airlock.gateway.mcp;

import dev.airlock.gateway.DatabaseGateway;
import dev.airlock.gateway.Gateway;
import dev.airlock.gateway.GatewaySettings;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A {@link Gateway} served as an MCP server over stdio (newline-delimited JSON-RPC 2.0, MCP
 * 2025-11-25), built on the official MCP Java SDK. The client's stdin passes through {@link
 * JsonRpcGuard} first, so malformed, oversized or non-UTF-8 messages are answered with a JSON-RPC
 * error and the session goes on; tool failures are tool results with {@code isError}. Nothing but
 * JSON-RPC is ever written to {@code out}.
 */
public final class McpGatewayServer implements AutoCloseable {
  static final String INSTRUCTIONS =
      "Airlock gateway to a PostgreSQL database. Use list_tables and describe_table to learn the schema, "
          + "query for reads (one read-only statement), preview to see what a write would do (always rolled back), "
          + "and execute for writes. A write may be executed, denied, or filed for human approval; then poll "
          + "approval_status with the id. You cannot approve requests. Refusals explain why: change the statement, "
          + "do not try to get around them.";

  /** How often approved requests are looked for and run. */
  static final Duration APPROVAL_SWEEP = Duration.ofSeconds(1);

  private final McpSyncServer server;
  private final Thread stdin;

  private McpGatewayServer(McpSyncServer server, Thread stdin) {
    this.server = server;
    this.stdin = stdin;
  }

  /**
   * Starts serving {@code gateway} on the given streams (the process's stdin and stdout).
   *
   * @param diagnostics where one-line notes about rejected messages go (stderr, never stdout)
   */
  public static McpGatewayServer start(Gateway gateway, InputStream in, OutputStream out, String version, Consumer<String> diagnostics) {
    McpJsonMapper json = McpJson.mapper();
    CountingOutput counted = new CountingOutput(out);
    ForwardedLines forward = new ForwardedLines();
    StdioServerTransportProvider transport = new StdioServerTransportProvider(json, forward, counted, 2 * JsonRpcGuard.MAX_MESSAGE_BYTES);
    McpSyncServer server =
        McpServer.sync(transport)
            .serverInfo("airlock", version)
            .instructions(INSTRUCTIONS)
            .capabilities(ServerCapabilities.builder().tools(false).build())
            .jsonMapper(json)
            .jsonSchemaValidator(McpJson.schemaValidator())
            .validateToolInputs(false)
            .tools(GatewayTools.specifications(gateway, json))
            .build();
    Thread stdin = new Thread(new JsonRpcGuard(in, forward, new ProtocolOutput(counted, json), diagnostics, JsonRpcGuard.DRAIN_MILLIS, GatewayTools.NAMES), "airlock-mcp-stdin");
    stdin.setDaemon(true);
    stdin.start();
    return new McpGatewayServer(server, stdin);
  }

  /**
   * The whole {@code airlock mcp} process: opens the gateway (connects, resolves the identity's
   * rules), runs approved requests every second in the background, and serves MCP on {@code
   * in}/{@code out} until the client closes stdin. Throws before serving when the database or the
   * policy is wrong, so the caller can say why in one line.
   */
  public static void serve(GatewaySettings settings, InputStream in, OutputStream out, String version, Consumer<String> diagnostics)
      throws InterruptedException {
    try (DatabaseGateway gateway = DatabaseGateway.open(settings);
        ApprovedRequestRunner approved = ApprovedRequestRunner.every(APPROVAL_SWEEP, gateway::executeApproved, diagnostics);
        McpGatewayServer server = start(gateway, in, out, version, diagnostics)) {
      server.awaitClientGone();
    }
  }

  /** Blocks until the client closes stdin and the requests it sent before are answered. */
  public void awaitClientGone() throws InterruptedException {
    stdin.join();
  }

  @Override
  public void close() {
    server.close();
  }
}
