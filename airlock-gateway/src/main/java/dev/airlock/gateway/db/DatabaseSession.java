package dev.airlock.gateway.db;

import dev.airlock.db.Connections;
import dev.airlock.db.DbException;
import dev.airlock.gateway.sql.Refused;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The gateway's one connection to the database, with the credentials it never shows. Every call
 * runs in a transaction of its own with a statement timeout; whatever the work leaves open is
 * rolled back. A connection the server dropped is replaced on the next call (and a read is retried
 * once on the new one, since running it again changes nothing).
 */
public final class DatabaseSession implements AutoCloseable {
  /** Work inside one transaction. */
  public interface Work<T> {
    T run(Connection c) throws SQLException, Refused;
  }

  /** The server went away mid-call; the next call reconnects. */
  public static final class Lost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Lost(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Connections.Target target;
  private final long timeoutMillis;
  private Connection connection;

  private DatabaseSession(Connections.Target target, Duration statementTimeout) {
    this.target = target;
    this.timeoutMillis = Math.max(1, statementTimeout.toMillis());
  }

  /** Parses the URL and connects now, so a wrong URL or password fails at start in one line. */
  public static DatabaseSession open(String url, Duration statementTimeout) {
    DatabaseSession s = new DatabaseSession(Connections.parse(url), statementTimeout);
    s.connection();
    return s;
  }

  /** The server as people may see it: no password. */
  public String display() {
    return target.display();
  }

  /** Runs {@code work} in {@code BEGIN READ ONLY}; always rolled back. */
  public <T> T read(Work<T> work) throws SQLException, Refused {
    try {
      return inTransaction(true, work);
    } catch (Lost first) {
      return inTransaction(true, work);
    }
  }

  /**
   * Runs {@code work} in a read-write transaction; it commits itself when it should, and anything
   * left open is rolled back. Never retried: a lost connection may have taken the write with it.
   */
  public <T> T write(Work<T> work) throws SQLException, Refused {
    return inTransaction(false, work);
  }

  private <T> T inTransaction(boolean readOnly, Work<T> work) throws SQLException, Refused {
    Connection c = connection();
    try {
      c.setReadOnly(readOnly); // pgjdbc then opens the transaction with BEGIN READ ONLY
      try (Statement s = c.createStatement()) {
        s.execute(
            (readOnly ? "SET TRANSACTION READ ONLY; " : "")
                + "SET LOCAL statement_timeout = "
                + timeoutMillis);
      }
      return work.run(c);
    } catch (SQLException e) {
      if (isLost(c, e)) {
        drop();
        throw new Lost(
            "the database connection was lost (" + firstLine(e) + "); the next call reconnects", e);
      }
      throw e;
    } finally {
      rollbackQuietly(c);
    }
  }

  private Connection connection() {
    try {
      if (connection != null && !connection.isClosed()) {
        return connection;
      }
    } catch (SQLException e) {
      drop();
    }
    Connection c = Connections.open(target);
    try {
      c.setAutoCommit(false);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new DbException(
          "cannot use the connection to " + target.display() + ": " + firstLine(e), e);
    }
    connection = c;
    return c;
  }

  private static boolean isLost(Connection c, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08")
        || state.equals("57P01")
        || state.equals("57P02")
        || state.equals("57P03")) {
      return true;
    }
    try {
      return c.isClosed();
    } catch (SQLException closed) {
      return true;
    }
  }

  private void rollbackQuietly(Connection c) {
    try {
      if (!c.isClosed()) {
        c.rollback();
      }
    } catch (SQLException e) {
      drop(); // a connection that cannot roll back is not used again
    }
  }

  private void drop() {
    if (connection != null) {
      closeQuietly(connection);
      connection = null;
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // already gone
    }
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m).trim();
  }

  @Override
  public void close() {
    drop();
  }
}
