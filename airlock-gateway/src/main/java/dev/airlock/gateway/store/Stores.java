package dev.airlock.gateway.store;

import dev.airlock.db.Connections;
import dev.airlock.db.DbException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Opens the store every airlock command shares: by default the SQLite file {@code
 * $AIRLOCK_HOME/airlock.db}; with a {@code postgres://} (or {@code jdbc:postgresql:}) URL, tables
 * in the schema {@code airlock} of that database, so several gateways share one queue and one
 * audit log. The schema is created or migrated on open.
 */
public final class Stores {
  /** How long a write waits for another airlock process holding the SQLite file's lock. */
  static final int BUSY_TIMEOUT_MILLIS = 30_000;

  private Stores() {}

  public static Store open(Optional<String> storeUrl, Path airlockHome) {
    return open(storeUrl, airlockHome, Clock.systemUTC());
  }

  static Store open(Optional<String> storeUrl, Path airlockHome, Clock clock) {
    String url = storeUrl.map(String::trim).orElse("");
    if (url.isEmpty()) {
      return sqlite(airlockHome.resolve("airlock.db"), clock);
    }
    if (url.startsWith("postgres://") || url.startsWith("postgresql://") || url.startsWith("jdbc:postgresql:")) {
      return postgres(url, clock);
    }
    if (url.startsWith("sqlite:") || url.startsWith("jdbc:sqlite:")) {
      return sqlite(Path.of(url.substring(url.indexOf("sqlite:") + "sqlite:".length())), clock);
    }
    throw new StoreException(
        "not a store URL: '" + Connections.redact(url) + "' (expected postgres://user:password@host:5432/database, "
            + "sqlite:/path/to/airlock.db, or none for " + airlockHome.resolve("airlock.db") + ")");
  }

  static Store sqlite(Path file, Clock clock) {
    Path db = file.toAbsolutePath();
    createPrivately(db);
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    // WAL keeps readers (the console, `approvals list`) from blocking the gateway's writes;
    // NORMAL is durable across a process kill, which is the failure that matters here
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    String jdbc = "jdbc:sqlite:" + db;
    // the driver directly, not through DriverManager: a shaded jar may keep only one driver's service entry
    org.sqlite.JDBC driver = new org.sqlite.JDBC();
    Pool.Opener opener = () -> driver.connect(jdbc, config.toProperties());
    return migrated(db.toString(), Dialect.SQLITE, new Pool(opener, 4), clock, c -> Dialect.exec(c, "PRAGMA journal_mode=WAL"));
  }

  static Store postgres(String url, Clock clock) {
    Connections.Target target;
    try {
      target = Connections.parse(url);
    } catch (DbException e) {
      throw new StoreException(e.getMessage(), e);
    }
    Pool.Opener opener =
        () -> {
          try {
            return Connections.open(target);
          } catch (DbException e) {
            throw new SQLException(e.getMessage(), e);
          }
        };
    return migrated(target.display(), Dialect.POSTGRESQL, new Pool(opener, 8), clock, c -> {});
  }

  private interface Setup {
    void run(Connection c) throws SQLException;
  }

  private static Store migrated(String name, Dialect dialect, Pool pool, Clock clock, Setup setup) {
    try {
      Connection c = pool.borrow();
      boolean broken = true;
      try {
        setup.run(c);
        Schema.migrate(c, dialect);
        broken = false;
      } finally {
        pool.release(c, broken);
      }
    } catch (SQLException e) {
      pool.close();
      String m = String.valueOf(e.getMessage());
      throw new StoreException("cannot open the store " + name + ": " + m.lines().findFirst().orElse(m).trim(), e);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new JdbcStore(name, dialect, pool, clock);
  }

  /** Creates the directory (0700) and the file (0600) where POSIX permissions exist. */
  private static void createPrivately(Path db) {
    try {
      Path dir = db.getParent();
      boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
      if (!Files.isDirectory(dir)) {
        if (posix) {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(dir);
        }
      }
      if (!Files.exists(db)) {
        try {
          // SQLite gives the -wal and -shm files the main file's permissions
          if (posix) {
            Files.createFile(db, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          } else {
            Files.createFile(db);
          }
        } catch (FileAlreadyExistsException e) {
          // another airlock process created it first
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the store " + db + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
  }
}
