package dev.airlock.db.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers for one connection inside verify's transaction. */
final class Db {
  private final Connection c;
  private int savepoints;

  Db(Connection c) {
    this.c = c;
  }

  Connection connection() {
    return c;
  }

  void exec(String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.setEscapeProcessing(false);
      st.execute(sql);
    }
  }

  List<String[]> rows(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return read(rs);
      }
    }
  }

  /** Runs {@code commands} (ones without rows, e.g. SAVEPOINT), then {@code query}, in one round trip. */
  List<String[]> rowsAfter(String commands, String query) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.setEscapeProcessing(false);
      boolean rows = st.execute(commands + ";\n" + query);
      while (!rows) {
        if (st.getUpdateCount() == -1) {
          throw new SQLException("no rows from: " + query);
        }
        rows = st.getMoreResults();
      }
      try (ResultSet rs = st.getResultSet()) {
        return read(rs);
      }
    }
  }

  private static List<String[]> read(ResultSet rs) throws SQLException {
    List<String[]> out = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      String[] r = new String[n];
      for (int i = 0; i < n; i++) {
        r[i] = rs.getString(i + 1);
      }
      out.add(r);
    }
    return out;
  }

  Optional<String[]> row(String sql, Object... args) throws SQLException {
    List<String[]> r = rows(sql, args);
    return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
  }

  /** Runs {@code body} in a savepoint; on an error rolls back to it and returns empty. */
  <T> Optional<T> attempt(SqlCall<T> body) {
    String sp = "airlock_probe_" + (++savepoints);
    try {
      exec("SAVEPOINT " + sp);
    } catch (SQLException e) {
      return Optional.empty();
    }
    try {
      T v = body.call();
      exec("RELEASE SAVEPOINT " + sp);
      return Optional.ofNullable(v);
    } catch (SQLException | RuntimeException e) {
      try {
        exec("ROLLBACK TO SAVEPOINT " + sp);
        exec("RELEASE SAVEPOINT " + sp);
      } catch (SQLException ignored) {
        // the transaction is broken; the caller's next statement reports it
      }
      return Optional.empty();
    }
  }

  interface SqlCall<T> {
    T call() throws SQLException;
  }

  static String message(SQLException e) {
    StringBuilder sb = new StringBuilder();
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof org.postgresql.util.PSQLException pe && pe.getServerErrorMessage() != null) {
      var s = pe.getServerErrorMessage();
      sb.append(s.getSeverity() == null ? "ERROR" : s.getSeverity()).append(": ").append(s.getMessage());
      if (s.getSQLState() != null) {
        sb.append(" [SQLSTATE ").append(s.getSQLState()).append(']');
      }
      if (s.getDetail() != null) {
        sb.append("\n  DETAIL: ").append(s.getDetail());
      }
      if (s.getHint() != null) {
        sb.append("\n  HINT: ").append(s.getHint());
      }
      if (s.getPosition() > 0) {
        sb.append("\n  at character ").append(s.getPosition());
      }
      return sb.toString();
    }
    return m.strip();
  }
}
