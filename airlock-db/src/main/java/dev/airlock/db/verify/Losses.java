package dev.airlock.db.verify;

import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.Truncate;
import dev.airlock.core.operation.UpdateRows;
import dev.airlock.core.sql.Token;
import dev.airlock.db.catalog.Names;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts, inside the transaction and just before a statement runs, the rows and non-null values
 * it will destroy. DELETE and UPDATE are counted with their own WHERE when they have no USING or
 * FROM; otherwise the statement's own row count stands and values are not counted. Column drops
 * and type changes are counted by {@link ColumnScans}, one scan for a run of them.
 */
final class Losses {
  private Losses() {}

  static List<DataLoss> measure(Db db, int index, Sql.Piece p, List<Targets.Target> targets, ColumnScans scans) throws SQLException {
    List<DataLoss> out = new ArrayList<>();
    for (Targets.Target t : targets) {
      if (t.op() instanceof DropColumn) {
        ColumnScans.Counts n = scans.of(db, index, t);
        out.add(loss(db, index, "DROP COLUMN", t, List.of(t.column()), n.rows(), n.values(), -1, ""));
      } else if (t.op() instanceof Drop d && isTable(db, t.oid())) {
        List<String> cols = columns(db, t.oid());
        long[] n = count(db, t.table(), "", cols);
        out.add(loss(db, index, "DROP TABLE", t, cols, n[0], n[1], -1, ""));
      } else if (t.op() instanceof Truncate) {
        List<String> cols = columns(db, t.oid());
        long[] n = count(db, t.table(), "", cols);
        out.add(loss(db, index, "TRUNCATE", t, cols, n[0], n[1], -1, ""));
      } else if (t.op() instanceof DeleteRows) {
        List<String> cols = columns(db, t.oid());
        Optional<String> from = dmlFrom(p, true);
        if (from.isPresent()) {
          String where = where(p);
          Optional<long[]> n = db.attempt(() -> countFrom(db, from.get(), where, cols));
          out.add(loss(db, index, "DELETE", t, cols, n.map(x -> x[0]).orElse(-1L), n.map(x -> x[1]).orElse(-1L), -1, where));
        } else {
          out.add(loss(db, index, "DELETE", t, cols, -1, -1, -1, ""));
        }
      } else if (t.op() instanceof UpdateRows u) {
        List<String> cols = new ArrayList<>();
        for (String c : u.columns()) {
          cols.add(Names.quote(c.contains("\"") ? c : Names.fold(c)));
        }
        Optional<String> from = dmlFrom(p, false);
        if (from.isPresent()) {
          String where = where(p);
          Optional<long[]> n = db.attempt(() -> countFrom(db, from.get(), where, cols));
          out.add(loss(db, index, "UPDATE", t, unquote(cols), n.map(x -> x[0]).orElse(-1L), n.map(x -> x[1]).orElse(-1L), -1, where));
        } else {
          out.add(loss(db, index, "UPDATE", t, unquote(cols), -1, -1, -1, ""));
        }
      } else if (t.op() instanceof AlterColumnType) {
        ColumnScans.Counts n = scans.of(db, index, t);
        out.add(loss(db, index, "ALTER COLUMN TYPE", t, List.of(t.column()), n.rows(), n.values(), n.changed(), ""));
      }
    }
    return out;
  }

  private static List<String> unquote(List<String> cols) {
    return cols.stream().map(Names::lastPart).toList();
  }

  private static DataLoss loss(
      Db db, int index, String action, Targets.Target t, List<String> cols, long rows, long values, long changed, String where)
      throws SQLException {
    return new DataLoss(index, action, t.table(), cols, rows, values, changed, primaryKey(db, t.oid()), where);
  }

  static boolean isTable(Db db, long oid) throws SQLException {
    return db.row("SELECT 1 FROM pg_class WHERE oid = ? AND relkind IN ('r','p')", oid).isPresent();
  }

  static List<String> columns(Db db, long oid) throws SQLException {
    return db.rows("SELECT attname FROM pg_attribute WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum", oid)
        .stream()
        .map(r -> r[0])
        .toList();
  }

  static List<String> primaryKey(Db db, long oid) throws SQLException {
    return db.rows(
            "SELECT a.attname FROM pg_index i JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, ord) ON true"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                + " WHERE i.indrelid = ? AND i.indisprimary ORDER BY k.ord",
            oid)
        .stream()
        .map(r -> r[0])
        .toList();
  }

  /** rows, and the sum of non-null values over the columns. */
  private static long[] count(Db db, String table, String where, List<String> cols) throws SQLException {
    return countFrom(db, table, where, cols.stream().map(Names::quote).toList());
  }

  private static long[] countFrom(Db db, String from, String where, List<String> quotedCols) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT count(*)");
    sql.append(", 0");
    for (String c : quotedCols) {
      sql.append(" + count(").append(c).append(')');
    }
    sql.append(" FROM ").append(from);
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(where);
    }
    String[] r = db.row(sql.toString()).orElseThrow();
    return new long[] {Long.parseLong(r[0]), Long.parseLong(r[1])};
  }

  /**
   * The relation part of a plain DELETE FROM t [alias] / UPDATE t [alias] SET, or empty when the
   * statement joins (USING, FROM) or is a CTE.
   */
  private static Optional<String> dmlFrom(Sql.Piece p, boolean delete) {
    List<Token> code = p.code();
    if (code.isEmpty() || !code.get(0).is(delete ? "DELETE" : "UPDATE")) {
      return Optional.empty();
    }
    int start = delete ? 2 : 1;
    if (delete && (code.size() < 2 || !code.get(1).is("FROM"))) {
      return Optional.empty();
    }
    if (delete && Sql.topLevel(code, start, "USING") >= 0) {
      return Optional.empty();
    }
    int end;
    if (delete) {
      end = Sql.topLevel(code, start, "WHERE", "RETURNING");
    } else {
      end = Sql.topLevel(code, start, "SET");
      int where = Sql.topLevel(code, start, "WHERE");
      if (Sql.topLevel(code, start, "FROM") >= 0 && (where < 0 || Sql.topLevel(code, start, "FROM") < where)) {
        return Optional.empty();
      }
    }
    if (end < 0) {
      end = code.size();
    }
    if (end <= start) {
      return Optional.empty();
    }
    int base = code.get(0).start();
    return Optional.of(p.text().substring(code.get(start).start() - base, code.get(end - 1).end() - base));
  }

  private static String where(Sql.Piece p) {
    List<Token> code = p.code();
    int w = Sql.topLevel(code, 0, "WHERE");
    if (w < 0 || w + 1 >= code.size()) {
      return "";
    }
    if (code.get(w + 1).is("CURRENT")) {
      return "false";
    }
    int end = Sql.topLevel(code, w + 1, "RETURNING");
    if (end < 0) {
      end = code.size();
    }
    int base = code.get(0).start();
    return p.text().substring(code.get(w + 1).start() - base, code.get(end - 1).end() - base);
  }
}
