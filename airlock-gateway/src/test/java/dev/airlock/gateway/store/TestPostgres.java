package dev.airlock.gateway.store;

import dev.airlock.db.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL (airlock-db's, the same binaries {@code airlock verify} uses) for the
 * test JVM, started on first use; every caller gets an empty database of its own.
 */
final class TestPostgres {
  private static EmbeddedDatabase server;
  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestPostgres() {}

  static synchronized EmbeddedDatabase server() {
    if (server == null) {
      server = EmbeddedDatabase.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server;
  }

  /** A new empty database; returns its postgres:// URL. */
  static String newDatabase() {
    String name = "store" + NEXT.incrementAndGet();
    exec(server().jdbcUrl(), "CREATE DATABASE " + name);
    return "postgres://postgres@localhost:" + server().port() + "/" + name;
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
