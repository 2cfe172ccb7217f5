package dev.airlock.gateway.db;

import dev.airlock.gateway.sql.OneStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a write inside the caller's transaction and measures it: rows inserted, updated and deleted
 * per table (from {@code pg_stat_xact_user_tables}, so rows removed by a cascade or written by a
 * trigger count too), the rows it was about to touch (a sample selected just before), and the table
 * locks it holds. Whether the transaction commits is the caller's call.
 */
public final class Trial {
  private Trial() {}

  /** The rows a write touched in one table. */
  public record TableRows(String table, long inserted, long updated, long deleted) {
    public long total() {
      return inserted + updated + deleted;
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("table", table);
      m.put("rows", total());
      m.put("inserted", inserted);
      m.put("updated", updated);
      m.put("deleted", deleted);
      return m;
    }
  }

  /** A table lock, e.g. ROW EXCLUSIVE on public.customers. */
  public record Lock(String relation, String mode) {
    public Map<String, Object> toMap() {
      return Map.of("relation", relation, "mode", mode);
    }
  }

  /**
   * What the write did.
   *
   * @param updateCount what PostgreSQL reported for the statement itself
   * @param sample the rows it was about to touch, when a sample was asked for and could be taken
   * @param returning the rows of its RETURNING clause, if it has one
   */
  public record Outcome(
      List<TableRows> tables,
      long updateCount,
      Optional<ResultRows> sample,
      Optional<ResultRows> returning,
      List<Lock> locks) {
    /** Rows touched in every table together: the number the row bounds compare. */
    public long totalRows() {
      return tables.stream().mapToLong(TableRows::total).sum();
    }
  }

  /** A SELECT of the rows a write will touch, with its parameter values. */
  public record SampleQuery(String sql, List<Object> values) {}

  public static Outcome run(
      Connection c,
      OneStatement statement,
      List<Object> values,
      Optional<SampleQuery> sampleQuery,
      int sampleRows)
      throws SQLException {
    Map<String, long[]> before = counts(c);
    Optional<ResultRows> sample = sampleQuery.flatMap(q -> sample(c, q, sampleRows));
    long updateCount = 0;
    Optional<ResultRows> returning = Optional.empty();
    try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
      Parameters.bind(ps, values);
      if (ps.execute()) {
        try (ResultSet rs = ps.getResultSet()) {
          ResultRows rows = ResultRows.read(rs, sampleRows);
          returning = Optional.of(rows);
          updateCount = rows.rows().size();
        }
      } else {
        updateCount = Math.max(0, ps.getLargeUpdateCount());
      }
    }
    Map<String, long[]> after = counts(c);
    List<TableRows> tables = new ArrayList<>();
    for (Map.Entry<String, long[]> e : after.entrySet()) {
      long[] b = before.getOrDefault(e.getKey(), new long[3]);
      long[] a = e.getValue();
      TableRows t = new TableRows(e.getKey(), a[0] - b[0], a[1] - b[1], a[2] - b[2]);
      if (t.total() > 0) {
        tables.add(t);
      }
    }
    // every table lock the transaction holds: planning and sampling take only locks the write takes
    // too
    return new Outcome(tables, updateCount, sample, returning, new ArrayList<>(locks(c)));
  }

  private static Map<String, long[]> counts(Connection c) throws SQLException {
    Map<String, long[]> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_xact_user_tables"
                    + " WHERE n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY 1")) {
      while (rs.next()) {
        out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
      }
    }
    return out;
  }

  /**
   * The sample runs under a savepoint: a sample that fails must not abort the write's transaction.
   */
  private static Optional<ResultRows> sample(Connection c, SampleQuery q, int cap) {
    Savepoint sp = null;
    try {
      sp = c.setSavepoint();
      try (PreparedStatement ps = c.prepareStatement(q.sql())) {
        Parameters.bind(ps, q.values());
        try (ResultSet rs = ps.executeQuery()) {
          ResultRows rows = ResultRows.read(rs, cap);
          c.releaseSavepoint(sp);
          return Optional.of(rows);
        }
      }
    } catch (SQLException e) {
      try {
        if (sp != null) {
          c.rollback(sp);
        }
      } catch (SQLException ignored) {
        // the write that follows reports the connection's state
      }
      return Optional.empty();
    }
  }

  private static Set<Lock> locks(Connection c) throws SQLException {
    Set<Lock> out = new LinkedHashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT n.nspname || '.' || c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted"
                    + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND c.relkind IN ('r', 'p', 'm', 'v', 'f')"
                    + " ORDER BY 1, 2")) {
      while (rs.next()) {
        out.add(new Lock(rs.getString(1), mode(rs.getString(2))));
      }
    }
    return out;
  }

  /** {@code RowExclusiveLock} → {@code ROW EXCLUSIVE}, as the PostgreSQL documentation names it. */
  static String mode(String m) {
    String base = m.endsWith("Lock") ? m.substring(0, m.length() - 4) : m;
    return base.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
  }
}
