package dev.airlock.gateway.mcp;

import dev.airlock.gateway.TestDatabase;
import dev.airlock.gateway.store.Store;
import dev.airlock.gateway.store.Stores;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The seed's shop on a real embedded PostgreSQL (a fresh {@link TestDatabase} per world), a store under a temporary $AIRLOCK_HOME, the demo's policy, and {@code airlock mcp}
 * server processes the SDK's own client talks to over stdio.
 */
final class McpWorld implements AutoCloseable {
  /** In the gateway's URL only; no answer may ever contain it. */
  static final String PASSWORD = "mcp-Pa55word-never-shown";

  static final String POLICY =
      """
      gateway:
        max-rows: 0
        identities:
          support-agent:
            select: ["*"]
            insert: [orders]
            delete: [customers, orders, user_sessions]
      """;

  /** The world's database, for the test's own SQL as its owner. */
  final TestDatabase db;
  final String database;
  final Path home;
  final Path policy;
  final List<String> serverStderr = new CopyOnWriteArrayList<>();
  private final List<McpSyncClient> clients = new ArrayList<>();
  private final List<ProcessHandle> servers = new ArrayList<>();

  private McpWorld(TestDatabase db, Path home, Path policy) {
    this.db = db;
    this.database = db.name;
    this.home = home;
    this.policy = policy;
  }

  /** A new database with the demo's shop, an empty $AIRLOCK_HOME under {@code dir}. */
  static McpWorld create(Path dir) throws IOException {
    TestDatabase db = TestDatabase.shop("mcp");
    Path home = Files.createDirectories(dir.resolve("airlock-home"));
    Path policy = Files.writeString(dir.resolve("airlock.yaml"), POLICY);
    return new McpWorld(db, home, policy);
  }

  String url() {
    return db.url(PASSWORD);
  }

  /** {@code java -cp <the test class path> McpServerMain ...} for {@code identity}. */
  ServerParameters serverProcess(String identity) {
    return ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
        .args(
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
            McpServerMain.class.getName(),
            "--db",
            url(),
            "--policy",
            policy.toString(),
            "--identity",
            identity,
            "--home",
            home.toString())
        .build();
  }

  /** Starts a server process and an initialized SDK client talking to it. */
  synchronized McpSyncClient connect(String identity) {
    java.util.Set<ProcessHandle> before = ProcessHandle.current().children().collect(java.util.stream.Collectors.toSet());
    StdioClientTransport transport = new StdioClientTransport(serverProcess(identity), McpJson.mapper());
    transport.setStdErrorHandler(serverStderr::add);
    McpSyncClient client =
        McpClient.sync(transport)
            .clientInfo(new Implementation("airlock-protocol-test", "1"))
            .jsonSchemaValidator(McpJson.schemaValidator())
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(120))
            .build();
    clients.add(client);
    client.initialize();
    ProcessHandle.current().children().filter(p -> !before.contains(p)).forEach(servers::add);
    return client;
  }

  /** The store the gateway writes to, opened as a person's CLI would open it. */
  Store store() {
    return Stores.open(Optional.empty(), home);
  }

  static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
    return client.callTool(new CallToolRequest(tool, arguments));
  }

  /** The first text block: the gateway's summary. */
  static String summary(CallToolResult r) {
    return ((TextContent) r.content().get(0)).text();
  }

  /** Every text block, for assertions that nothing secret appears anywhere. */
  static String allText(CallToolResult r) {
    StringBuilder sb = new StringBuilder();
    r.content().forEach(c -> sb.append(((TextContent) c).text()).append('\n'));
    return sb.toString();
  }

  /** The server processes started for this world that are still running. */
  synchronized List<ProcessHandle> serverProcesses() {
    return servers.stream().filter(ProcessHandle::isAlive).toList();
  }

  @Override
  public void close() {
    for (McpSyncClient c : clients) {
      c.closeGracefully();
    }
  }
}
