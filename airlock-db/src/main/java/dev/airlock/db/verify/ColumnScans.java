package dev.airlock.db.verify;

import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.Operation;
import dev.airlock.db.catalog.Names;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts the values a column drop or type change destroys, with one scan of the table for a run
 * of such statements. Migrations often drop or retype several columns of one big table in a row;
 * none of those statements changes a row count or another column's values, so the counts each
 * needs just before it runs are the ones taken before the first of them. The run ends at the
 * first statement that could change the table's data, names another table or a column already
 * in the run, or brings a second type change (whose cast might fail and spoil the first one's
 * count); with an event trigger in the database (DDL that runs code) there is no run at all.
 */
final class ColumnScans {
  /** Rows, non-null values, and for a type change the values that do not survive the round trip (-1: not measured). */
  record Counts(long rows, long values, long changed) {}

  /** A column of the run: the statement that destroys it, its attnum, and for a type change the cast to check. */
  private record Column(int statement, int attnum, String name, Optional<Cast> cast) {}

  private record Cast(String newType, String oldType) {}

  /** ALTER TABLE words that change existing values or row counts even alongside a column drop. */
  private static final List<String> CHANGES_DATA = List.of("USING", "EXPRESSION", "PARTITION", "INHERIT");

  private final List<Sql.Piece> pieces;
  private final List<List<Operation>> operations;
  private final Map<String, Counts> counted = new HashMap<>();

  /** The statements' operations, by position: {@code operations.get(i)} belongs to {@code pieces.get(i)}. */
  ColumnScans(List<Sql.Piece> pieces, List<List<Operation>> operations) {
    this.pieces = pieces;
    this.operations = operations;
  }

  /**
   * The counts for target {@code t} of statement {@code index} (1-based), from the scan of the
   * run it belongs to, scanning now when that run has not been scanned.
   */
  Counts of(Db db, int index, Targets.Target t) throws SQLException {
    Counts c = counted.get(key(index, t.oid(), t.attnum()));
    if (c == null) {
      scan(db, run(db, index, t), t);
      c = counted.get(key(index, t.oid(), t.attnum()));
    }
    return c;
  }

  /** Target {@code t} first, then the other columns its statement and the statements after it drop or retype. */
  private List<Column> run(Db db, int index, Targets.Target t) throws SQLException {
    List<Column> run = new ArrayList<>();
    run.add(column(db, index, t));
    if (!changesOnlyColumns(index) || eventTriggers(db)) {
      return run;
    }
    Set<Integer> seen = new HashSet<>(Set.of(t.attnum()));
    boolean cast = run.get(0).cast().isPresent();
    for (int i = index; i <= pieces.size(); i++) {
      if (i > index && !changesOnlyColumns(i)) {
        break;
      }
      List<Operation> ops = operations.get(i - 1).stream().filter(ColumnScans::dropsOrRetypes).toList();
      List<Targets.Target> ts = Targets.resolve(db, ops);
      List<Column> columns = new ArrayList<>();
      boolean ok = ts.size() == ops.size();
      for (Targets.Target x : ts) {
        if (i == index && x.attnum() == t.attnum()) {
          continue;
        }
        boolean retypes = x.op() instanceof AlterColumnType;
        ok &= x.oid() == t.oid() && seen.add(x.attnum()) && !(retypes && cast);
        cast |= retypes;
        columns.add(column(db, i, x));
      }
      if (!ok) {
        break; // statement i is counted by a run of its own
      }
      run.addAll(columns);
    }
    return run;
  }

  /** An ALTER TABLE that only drops or retypes columns: no USING, no partitions, no other operation. */
  private boolean changesOnlyColumns(int index) {
    Sql.Piece p = pieces.get(index - 1);
    List<Operation> ops = operations.get(index - 1);
    return Kind.of(p).isEmpty()
        && p.head(2).equals("ALTER TABLE")
        && CHANGES_DATA.stream().noneMatch(w -> Sql.topLevel(p.code(), 0, w) >= 0)
        && ops.stream().anyMatch(ColumnScans::dropsOrRetypes)
        && ops.stream().allMatch(o -> dropsOrRetypes(o) || o instanceof Benign);
  }

  private static boolean dropsOrRetypes(Operation o) {
    return o instanceof DropColumn || o instanceof AlterColumnType;
  }

  private static boolean eventTriggers(Db db) throws SQLException {
    return db.row("SELECT 1 FROM pg_event_trigger WHERE evtenabled <> 'D' LIMIT 1").isPresent();
  }

  private Column column(Db db, int index, Targets.Target t) throws SQLException {
    Optional<Cast> cast = Optional.empty();
    Sql.Piece p = pieces.get(index - 1);
    if (t.op() instanceof AlterColumnType a && Sql.topLevel(p.code(), 0, "USING") < 0) {
      Optional<String[]> old = db.row("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = ? AND attnum = ?", t.oid(), t.attnum());
      cast = old.map(o -> new Cast(a.newType(), o[0]));
    }
    return new Column(index, t.attnum(), t.column(), cast);
  }

  /**
   * One scan: rows, each column's non-null values, and the values of the retyped column that do
   * not survive the cast to the new type and back; when that cast fails, the scan again without it.
   */
  private void scan(Db db, List<Column> run, Targets.Target t) throws SQLException {
    StringBuilder counts = new StringBuilder("SELECT count(*)");
    Optional<String> filter = Optional.empty();
    for (Column c : run) {
      String col = Names.quote(c.name());
      counts.append(", count(").append(col).append(')');
      if (c.cast().isPresent()) {
        Cast k = c.cast().get();
        filter = Optional.of(", count(*) FILTER (WHERE " + col + " IS DISTINCT FROM ((" + col + ")::" + k.newType() + ")::" + k.oldType() + ")");
      }
    }
    String from = " FROM " + t.table();
    Optional<String[]> r = Optional.empty();
    if (filter.isPresent()) {
      String sql = counts + filter.get() + from;
      r = db.attempt(() -> db.row(sql).orElseThrow());
    }
    if (r.isEmpty()) {
      r = db.row(counts + from);
    }
    String[] n = r.orElseThrow();
    long rows = Long.parseLong(n[0]);
    long changed = filter.isPresent() && n.length > run.size() + 1 ? Long.parseLong(n[run.size() + 1]) : -1;
    for (int i = 0; i < run.size(); i++) {
      Column c = run.get(i);
      counted.put(key(c.statement(), t.oid(), c.attnum()), new Counts(rows, Long.parseLong(n[i + 1]), c.cast().isPresent() ? changed : -1));
    }
  }

  private static String key(int statement, long table, int attnum) {
    return statement + ":" + table + ":" + attnum;
  }
}
