package dev.airlock.gateway.demo;

import dev.airlock.db.EmbeddedDatabase;
import dev.airlock.gateway.store.Store;
import dev.airlock.gateway.store.Stores;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * The demo's world: an embedded PostgreSQL with the seed's shop in database {@code shop}, the demo
 * agent's policy as a file, and the store under the demo's $AIRLOCK_HOME. Closing it stops the
 * server and closes the store.
 */
public final class DemoWorld implements AutoCloseable {
  public static final String IDENTITY = "demo-agent";

  private final EmbeddedDatabase server;
  private final Store store;
  private final Path policy;
  private final Path home;

  private DemoWorld(EmbeddedDatabase server, Store store, Path policy, Path home) {
    this.server = server;
    this.store = store;
    this.policy = policy;
    this.home = home;
  }

  /** Starts the server, loads the shop and writes the policy; {@code home} is $AIRLOCK_HOME. */
  public static DemoWorld start(Path home) {
    EmbeddedDatabase server = EmbeddedDatabase.start();
    try {
      try (Connection c = DriverManager.getConnection(server.jdbcUrl());
          Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE shop");
      }
      try (Connection c = DriverManager.getConnection(shopJdbc(server));
          Statement st = c.createStatement()) {
        st.execute(resource("world.sql"));
      }
      Files.createDirectories(home);
      Path policy = Files.writeString(home.resolve("demo-airlock.yaml"), resource("airlock.yaml"));
      return new DemoWorld(server, Stores.open(Optional.empty(), home), policy, home);
    } catch (SQLException e) {
      server.close();
      throw new IllegalStateException("cannot load the demo's shop: " + e.getMessage(), e);
    } catch (IOException e) {
      server.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The shop as the gateway connects to it (the agent never sees this). */
  public String databaseUrl() {
    return "postgres://postgres@localhost:" + server.port() + "/shop";
  }

  public Duration startTime() {
    return server.startTime();
  }

  public Store store() {
    return store;
  }

  public Path policy() {
    return policy;
  }

  public Path home() {
    return home;
  }

  /** A count from the shop, as its owner sees it (for the demo's own before-and-after lines). */
  public long count(String sql) {
    try (Connection c = DriverManager.getConnection(shopJdbc(server));
        Statement st = c.createStatement();
        var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static String shopJdbc(EmbeddedDatabase server) {
    return "jdbc:postgresql://localhost:" + server.port() + "/shop?user=postgres";
  }

  private static String resource(String name) {
    try (InputStream in = DemoWorld.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    store.close();
    server.close();
  }
}
