package dev.airlock.gateway.engine;

import dev.airlock.core.policy.Config;
import dev.airlock.core.policy.GatewayPolicy;
import dev.airlock.db.EmbeddedDatabase;
import dev.airlock.gateway.DatabaseGateway;
import dev.airlock.gateway.GatewaySettings;
import dev.airlock.gateway.store.Store;
import dev.airlock.gateway.store.Stores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seed's world on a real PostgreSQL: one embedded server for the test JVM (airlock-db's, as
 * {@code airlock verify} and the demo use), a fresh database per test loaded with the demo's shop
 * (test accounts, the real customer Jane Testaverde whose email contains "test", her 14 months of
 * orders, sessions, cascading foreign keys), and a fresh SQLite store.
 */
final class TestWorld implements AutoCloseable {
  /** The password in the gateway's URL: it must never reach an answer. */
  static final String PASSWORD = "s3cret-Pa55word";

  private static EmbeddedDatabase server;
  private static final AtomicInteger NEXT = new AtomicInteger();

  final String database;
  final String url;
  final Store store;
  private final List<DatabaseGateway> opened = new ArrayList<>();

  private TestWorld(String database, Store store) {
    this.database = database;
    this.url = "postgres://postgres:" + PASSWORD + "@localhost:" + server().port() + "/" + database;
    this.store = store;
  }

  static synchronized EmbeddedDatabase server() {
    if (server == null) {
      server = EmbeddedDatabase.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server;
  }

  /** A new database with the demo's shop, and an empty store under {@code home}. */
  static TestWorld create(Path home) {
    String name = "world" + NEXT.incrementAndGet();
    exec(server().jdbcUrl(), "CREATE DATABASE " + name);
    TestWorld w = new TestWorld(name, Stores.open(Optional.empty(), home));
    w.sql(resource("/dev/airlock/gateway/demo/world.sql"));
    return w;
  }

  DatabaseGateway gateway(String identity) {
    return gateway(GatewaySettings.of(url, identity, GatewayPolicy.defaults(), store));
  }

  DatabaseGateway gateway(String identity, String policyYaml, String environment) {
    GatewayPolicy policy = Config.parse(policyYaml, "airlock.yaml").gateway();
    return gateway(GatewaySettings.of(url, identity, policy, store).withEnvironment(environment));
  }

  DatabaseGateway gateway(GatewaySettings settings) {
    DatabaseGateway g = DatabaseGateway.open(settings);
    opened.add(g);
    return g;
  }

  /** A plain connection of the test's own, as the database's owner. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + server().port() + "/" + database, "postgres", "");
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

  private static void exec(String jdbcUrl, String sql) {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String path) {
    try (InputStream in = TestWorld.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path home(Path dir) throws IOException {
    return Files.createDirectories(dir.resolve("airlock-home"));
  }

  @Override
  public void close() {
    opened.forEach(DatabaseGateway::close);
    store.close();
  }
}
