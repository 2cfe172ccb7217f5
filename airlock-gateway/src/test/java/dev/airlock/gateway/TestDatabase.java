package dev.airlock.gateway;

import dev.airlock.db.EmbeddedDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for the test JVM (airlock-db's, as {@code airlock verify} and the demo
 * use), started on first use, and fresh databases on it loaded with the demo's shop (test
 * accounts, the real customer Jane Testaverde whose email contains "test", her 14 months of
 * orders, sessions, cascading foreign keys). The engine's and the MCP tests' worlds are built on
 * it.
 */
public final class TestDatabase {
  private static EmbeddedDatabase server;
  private static final AtomicInteger NEXT = new AtomicInteger();

  /** The database's name on the server. */
  public final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  public static synchronized EmbeddedDatabase server() {
    if (server == null) {
      server = EmbeddedDatabase.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server;
  }

  /** A new database named {@code prefix} and a number, with the demo's shop in it. */
  public static TestDatabase shop(String prefix) {
    String name = prefix + NEXT.incrementAndGet();
    try (Connection c = DriverManager.getConnection(server().jdbcUrl());
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    TestDatabase db = new TestDatabase(name);
    db.sql(resource("/dev/airlock/gateway/demo/world.sql"));
    return db;
  }

  /** The postgres:// URL a gateway is given, as the owner with {@code password}. */
  public String url(String password) {
    return "postgres://postgres:" + password + "@localhost:" + server().port() + "/" + name;
  }

  /** A plain connection of the test's own, as the database's owner. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + server().port() + "/" + name, "postgres", "");
  }

  public void sql(String sql) {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of the first row of {@code sql}, e.g. a {@code count(*)}. */
  public long count(String sql) {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String path) {
    try (InputStream in = TestDatabase.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
