package dev.airlock.gateway.store;

import dev.airlock.db.EmbeddedDatabase;
import dev.airlock.gateway.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Empty databases on the test JVM's one embedded PostgreSQL ({@link TestDatabase#server()}); every
 * caller gets a database of its own.
 */
final class TestPostgres {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestPostgres() {}

  /** A new empty database; returns its postgres:// URL. */
  static String newDatabase() {
    EmbeddedDatabase server = TestDatabase.server();
    String name = "store" + NEXT.incrementAndGet();
    exec(server.jdbcUrl(), "CREATE DATABASE " + name);
    return "postgres://postgres@localhost:" + server.port() + "/" + name;
  }

  static void exec(String url, String sql) {
    try (Connection c = dev.airlock.db.Connections.open(dev.airlock.db.Connections.parse(url));
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
