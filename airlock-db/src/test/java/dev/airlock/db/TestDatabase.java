package dev.airlock.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for the whole test JVM, started on first use and stopped at exit.
 * Each caller gets a fresh database of its own, so tests never see each other's tables.
 */
public final class TestDatabase {
  private static EmbeddedDatabase server;
  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestDatabase() {}

  public static synchronized EmbeddedDatabase server() {
    if (server == null) {
      server =
          EmbeddedDatabase.start(
              dir -> {
                // one role that must give a password, to prove a wrong one fails in one line
                try {
                  java.nio.file.Files.writeString(
                      dir.toPath().resolve("pg_hba.conf"),
                      "host all pw_user 127.0.0.1/32 scram-sha-256\nhost all pw_user ::1/128 scram-sha-256\n"
                          + "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      try (Connection c = server.connect();
          Statement st = c.createStatement()) {
        st.execute("CREATE ROLE pw_user LOGIN SUPERUSER PASSWORD 'right'");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return server;
  }

  /** Creates a new empty database and returns its postgres:// URL. */
  public static String newDatabase() {
    String name = "t" + NEXT.incrementAndGet() + "_" + ProcessHandle.current().pid();
    try (Connection c = server().connect();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return "postgres://postgres@localhost:" + server().port() + "/" + name;
  }

  public static Connection connect(String url) {
    return Connections.open(Connections.parse(url));
  }

  /** Runs SQL with autocommit, for setting a database up. */
  public static void exec(String url, String sql) {
    try (Connection c = connect(url);
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static {
    try {
      DriverManager.setLoginTimeout(10);
    } catch (RuntimeException e) {
      // defaults are fine
    }
  }
}
