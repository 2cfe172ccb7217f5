package dev.airlock.gateway.mcp;

import dev.airlock.db.EmbeddedDatabase;
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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seed's shop on a real embedded PostgreSQL (one server per test JVM, a fresh database per
 * world), a store under a temporary $AIRLOCK_HOME, the demo's policy, and {@code airlock mcp}
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

  private static EmbeddedDatabase server;
  private static final AtomicInteger NEXT = new AtomicInteger();

  final String database;
  final Path home;
  final Path policy;
  final List<String> serverStderr = new CopyOnWriteArrayList<>();
  private final List<McpSyncClient> clients = new ArrayList<>();
  private final List<ProcessHandle> servers = new ArrayList<>();

  private McpWorld(String database, Path home, Path policy) {
    this.database = database;
    this.home = home;
    this.policy = policy;
  }

  static synchronized EmbeddedDatabase server() {
    if (server == null) {
      server = EmbeddedDatabase.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server;
  }

  /** A new database with the demo's shop, an empty $AIRLOCK_HOME under {@code dir}. */
  static McpWorld create(Path dir) throws IOException {
    String name = "mcp" + NEXT.incrementAndGet() + "_" + ProcessHandle.current().pid();
    try (Connection c = DriverManager.getConnection(server().jdbcUrl());
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Path home = Files.createDirectories(dir.resolve("airlock-home"));
    Path policy = Files.writeString(dir.resolve("airlock.yaml"), POLICY);
    McpWorld w = new McpWorld(name, home, policy);
    w.sql(resource("/dev/airlock/gateway/demo/world.sql"));
    return w;
  }

  String url() {
    return "postgres://postgres:" + PASSWORD + "@localhost:" + server().port() + "/" + database;
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

  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + server().port() + "/" + database, "postgres", "");
  }

  void sql(String sql) {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long count(String sql) {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server processes started for this world that are still running. */
  synchronized List<ProcessHandle> serverProcesses() {
    return servers.stream().filter(ProcessHandle::isAlive).toList();
  }

  private static String resource(String path) {
    try (InputStream in = McpWorld.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (McpSyncClient c : clients) {
      c.closeGracefully();
    }
  }
}
