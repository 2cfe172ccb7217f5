package dev.airlock.db.verify;

import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.source.SourceText;
import dev.airlock.db.DbException;
import dev.airlock.db.catalog.Catalog;
import dev.airlock.db.catalog.CatalogDiff;
import dev.airlock.db.catalog.Names;
import dev.airlock.db.catalog.Snapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a migration for real inside one transaction and always rolls it back. Start here: {@link
 * #verify} loads the schema and seed, snapshots the catalog, runs each statement in its own
 * SAVEPOINT (so one error does not hide the rest) measuring time, rows, locks, data destroyed and
 * dependents broken, snapshots again, optionally writes and tests a rollback plan, and finally
 * issues ROLLBACK whatever happened.
 */
public final class Verifier {
  private final Connection connection;
  private final Db db;
  private final Bodies bodies = new Bodies();
  /** Tables, views and sequences by oid, under the name last seen: a dropped one keeps it in lock reports. */
  private final Map<Long, String> relationNames = new java.util.HashMap<>();
  /** The relation locks held between statements: a statement's new locks are those it adds. */
  private Map<HeldLock, StatementResult.Lock> held = Map.of();

  private Verifier(Connection connection) {
    this.connection = connection;
    this.db = new Db(connection);
  }

  /**
   * Verifies on an open connection. The connection is used in one transaction that is rolled
   * back before this returns or throws; nothing is ever committed.
   *
   * @param database how to name the database in the report
   * @throws DbException when the schema or seed cannot be loaded, or the connection fails
   */
  public static VerifyReport verify(Connection connection, VerifyRequest request, String database, Optional<String> environment) {
    Verifier v = new Verifier(connection);
    boolean auto;
    try {
      auto = connection.getAutoCommit();
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new DbException("cannot start a transaction: " + e.getMessage(), e);
    }
    try {
      return v.run(request, database, environment);
    } catch (SQLException e) {
      throw new DbException("verify failed: " + Db.message(e).lines().findFirst().orElse(""), e);
    } finally {
      try {
        connection.rollback();
        connection.setAutoCommit(auto);
      } catch (SQLException e) {
        // a broken connection has nothing to roll back: the server aborts the transaction
      }
    }
  }

  private VerifyReport run(VerifyRequest req, String database, Optional<String> environment) throws SQLException {
    long t0 = System.nanoTime();
    List<String> prepared = new ArrayList<>();
    String searchPath = db.row("SHOW search_path").orElseThrow()[0];
    for (SourceText s : req.schema()) {
      prepared.add(load(s, "schema"));
    }
    for (SourceText s : req.seed()) {
      prepared.add(load(s, "seed"));
    }
    if (req.syntheticRows() > 0) {
      prepared.addAll(SyntheticRows.fill(db, req.syntheticRows()));
    }
    if (!db.row("SHOW search_path").orElseThrow()[0].equals(searchPath)) {
      db.exec("SET search_path TO " + searchPath);
    }
    if (req.commitPreparation()) {
      connection.commit();
    }
    db.exec(
        "SET LOCAL lock_timeout = " + req.lockTimeout().toMillis() + "; SET LOCAL statement_timeout = " + req.statementTimeout().toMillis()
            + "; SET LOCAL idle_in_transaction_session_timeout = 0");

    Snapshot before = Catalog.snapshot(connection);
    for (var o : before.objects().values()) {
      if (o.kind().equals("table") || o.kind().endsWith("view") || o.kind().equals("sequence")) {
        relationNames.put(o.oid(), o.name());
      }
    }
    Map<String, Long> rowsBefore = Map.of();
    if (req.rollbackPlan()) {
      // counted in a savepoint rolled back: the locks the counts take are not held through the migration
      db.exec("SAVEPOINT airlock_counts");
      rowsBefore = rowCounts();
      db.exec("ROLLBACK TO SAVEPOINT airlock_counts; RELEASE SAVEPOINT airlock_counts");
    }
    db.exec("SAVEPOINT airlock_before_migration");

    List<Sql.Piece> pieces = new ArrayList<>();
    for (SourceText s : req.migration()) {
      pieces.addAll(Sql.split(s));
    }
    List<List<Operation>> operations = pieces.stream().map(Targets::operations).toList();
    ColumnScans scans = new ColumnScans(pieces, operations);
    List<StatementResult> results = new ArrayList<>();
    List<DataLoss> losses = new ArrayList<>();
    List<BrokenDependent> broken = new ArrayList<>();
    // every statement finds a fresh savepoint airlock_statement open, and leaves one for the next
    held = locks(db.rowsAfter("SAVEPOINT airlock_statement", LOCKS));
    for (int i = 0; i < pieces.size(); i++) {
      results.add(runOne(i + 1, pieces.get(i), operations.get(i), scans, losses, broken));
    }
    Snapshot after = Catalog.snapshot(connection);
    CatalogDiff diff = CatalogDiff.between(before, after, true);

    Optional<RollbackPlan> plan = Optional.empty();
    if (req.rollbackPlan()) {
      plan = Optional.of(Planner.planAndTest(db, before, after, diff, losses, pieces, rowsBefore, this::rowCounts));
    }
    long micros = (System.nanoTime() - t0) / 1000;
    List<Finding> findings = Findings.of(results, losses, broken, plan);
    List<String> files = req.migration().stream().map(SourceText::path).toList();
    return new VerifyReport(database, environment, files, prepared, results, before, diff, losses, broken, findings, plan, micros);
  }

  /** Loads a schema or seed file statement by statement; an error stops verify (exit 2). */
  private String load(SourceText s, String what) throws SQLException {
    long t0 = System.nanoTime();
    int n = 0;
    for (Sql.Piece p : Sql.split(s)) {
      Optional<Kind.Special> k = Kind.of(p);
      if (k.isPresent() && k.get().status() != StatementResult.Status.OK) {
        continue;
      }
      String sql = k.flatMap(Kind.Special::runInstead).orElse(p.text());
      db.exec("SAVEPOINT airlock_load");
      try {
        db.exec(sql);
        db.exec("RELEASE SAVEPOINT airlock_load");
        n++;
      } catch (SQLException e) {
        throw new DbException(what + " " + p.file() + ":" + p.line() + ":" + p.column() + ": " + Db.message(e).lines().findFirst().orElse(""), e);
      }
    }
    return String.format(Locale.ROOT, "%s %s: %d statements in %d ms", what, s.path(), n, (System.nanoTime() - t0) / 1_000_000);
  }

  private StatementResult runOne(int index, Sql.Piece p, List<Operation> ops, ColumnScans scans, List<DataLoss> losses, List<BrokenDependent> broken)
      throws SQLException {
    Optional<Kind.Special> special = Kind.of(p);
    if (special.isPresent() && special.get().status() != StatementResult.Status.OK) {
      return new StatementResult(index, p.file(), p.line(), p.column(), p.text(), special.get().status(), Optional.empty(), 0, -1, List.of(), special.get().note());
    }
    String sql = special.flatMap(Kind.Special::runInstead).orElse(p.text());
    String note = special.map(Kind.Special::note).orElse("");

    // A fresh savepoint airlock_statement is open (see run). Airlock's own probes (counting rows,
    // reading pg_depend) take locks too; they run in it and are rolled back to it, which releases
    // those locks, so they hide none of the statement's.
    List<Targets.Target> targets = List.of();
    List<DataLoss> at = List.of();
    List<Dependents.Dep> deps = List.of();
    if (ops.stream().anyMatch(Targets::aims)) {
      try {
        targets = Targets.resolve(db, ops);
        at = Losses.measure(db, index, p, targets, scans);
        deps = Dependents.before(db, targets);
      } finally {
        db.exec("ROLLBACK TO SAVEPOINT airlock_statement");
      }
    }
    long t0 = System.nanoTime();
    long rows;
    try (Statement st = connection.createStatement()) {
      st.setEscapeProcessing(false);
      boolean rs = st.execute(sql);
      rows = rs ? -1 : st.getUpdateCount();
    } catch (SQLException e) {
      long micros = (System.nanoTime() - t0) / 1000;
      db.exec("ROLLBACK TO SAVEPOINT airlock_statement");
      if ("2BP01".equals(e.getSQLState()) || "0A000".equals(e.getSQLState())) {
        for (Dependents.Dep d : deps) {
          broken.add(new BrokenDependent(index, d.kind(), d.name(), cause(d.target()), target(d.target()), "depends on it: the statement fails without CASCADE", true));
        }
      }
      return new StatementResult(index, p.file(), p.line(), p.column(), p.text(), StatementResult.Status.ERROR, Optional.of(Db.message(e)), micros, -1, List.of(), note);
    }
    long micros = (System.nanoTime() - t0) / 1000;
    List<StatementResult.Lock> taken = new ArrayList<>();
    Map<HeldLock, StatementResult.Lock> now = locks(db.rowsAfter("RELEASE SAVEPOINT airlock_statement; SAVEPOINT airlock_statement", LOCKS));
    now.forEach((lock, shown) -> {
      if (!held.containsKey(lock)) {
        taken.add(shown);
      }
    });
    held = now;
    for (DataLoss l : at) {
      if (l.rows() < 0 && rows >= 0) {
        l = new DataLoss(l.statement(), l.action(), l.table(), l.columns(), rows, -1, l.changed(), l.keyColumns(), l.where());
      }
      losses.add(l);
    }
    for (Dependents.Dep d : deps) {
      if (!Dependents.exists(db, d)) {
        broken.add(new BrokenDependent(index, d.kind(), d.name(), cause(d.target()), target(d.target()), p.has("CASCADE") ? "dropped with it (CASCADE)" : "dropped with it", false));
      }
    }
    broken.addAll(routinesBrokenBy(index, targets));
    return new StatementResult(index, p.file(), p.line(), p.column(), p.text(), StatementResult.Status.OK, Optional.empty(), micros, rows, taken, note);
  }

  /** Functions and procedures whose bodies name a table or column this statement dropped or renamed. */
  private List<BrokenDependent> routinesBrokenBy(int index, List<Targets.Target> targets) throws SQLException {
    List<BrokenDependent> out = new ArrayList<>();
    List<Targets.Target> gone = new ArrayList<>();
    for (Targets.Target t : targets) {
      Operation op = t.op();
      boolean removes = op instanceof DropColumn || op instanceof RenameColumn || op instanceof Rename || op instanceof Drop;
      if (removes && stillThere(t)) {
        continue;
      }
      if (removes) {
        gone.add(t);
      }
    }
    if (gone.isEmpty()) {
      return out;
    }
    for (Bodies.Routine r : bodies.load(db)) {
      for (Targets.Target t : gone) {
        String table = Names.lastPart(t.table());
        String where = t.column().isEmpty() ? Bodies.uses(r, table) : Bodies.uses(r, table, t.column());
        if (!where.isEmpty()) {
          String what = target(t);
          out.add(new BrokenDependent(index, r.kind(), r.name(), cause(t), what, (where.equals("body") ? "body uses " : "dynamic SQL in its body uses ") + what + ": it fails when called", false));
        }
      }
    }
    return out;
  }

  private boolean stillThere(Targets.Target t) throws SQLException {
    if (t.column().isEmpty()) {
      return db.row("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ? AND quote_ident(n.nspname)||'.'||quote_ident(c.relname) = ?", t.oid(), t.table()).isPresent();
    }
    return db.row("SELECT 1 FROM pg_attribute WHERE attrelid = ? AND attname = ? AND NOT attisdropped", t.oid(), t.column()).isPresent();
  }

  /** The table, or the column, a statement acted on: {@code public.orders.legacy_order_id}. */
  static String target(Targets.Target t) {
    return t.column().isEmpty() ? t.table() : t.table() + "." + Names.quote(t.column());
  }

  static String cause(Targets.Target t) {
    Operation op = t.op();
    String col = t.table() + "." + Names.quote(t.column());
    if (op instanceof DropColumn) {
      return "drops column " + col;
    } else if (op instanceof AlterColumnType a) {
      return "changes the type of " + col + " to " + a.newType();
    } else if (op instanceof RenameColumn r) {
      return "renames column " + col + " to " + r.to();
    } else if (op instanceof Rename r) {
      return "renames " + t.table() + " to " + r.to();
    } else if (op instanceof Drop d) {
      return "drops " + d.kindName() + " " + t.table();
    }
    return "changes " + t.table();
  }

  /** A granted relation lock, by relation oid: a rename or a drop does not make a held lock new. */
  private record HeldLock(long relation, String mode) {}

  /** The relation locks this backend holds: name, mode, oid. */
  private static final String LOCKS =
      "SELECT quote_ident(n.nspname)||'.'||quote_ident(c.relname), l.mode, l.relation::bigint"
          + " FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation LEFT JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted"
          + " AND (n.nspname IS NULL OR n.nspname NOT IN ('pg_catalog','information_schema'))"
          + " AND (c.relkind IS NULL OR c.relkind IN ('r','p','m','v','S','f'))"
          + " ORDER BY c.oid IS NULL, 1, 3, 2";

  /**
   * The relation locks of {@link #LOCKS}' rows, in name order. A relation dropped in this
   * transaction keeps the last name it was seen under, marked {@code (dropped)}.
   */
  private Map<HeldLock, StatementResult.Lock> locks(List<String[]> rows) {
    Map<HeldLock, StatementResult.Lock> out = new LinkedHashMap<>();
    for (String[] r : rows) {
      long oid = Long.parseLong(r[2]);
      String name;
      if (r[0] != null) {
        name = r[0];
        relationNames.put(oid, name);
      } else if (relationNames.containsKey(oid)) {
        name = relationNames.get(oid) + " (dropped)";
      } else {
        continue; // an index or TOAST table dropped with its table: not listed while it existed either
      }
      out.put(new HeldLock(oid, r[1]), new StatementResult.Lock(name, mode(r[1])));
    }
    return out;
  }

  /** {@code AccessExclusiveLock} → {@code ACCESS EXCLUSIVE}. */
  static String mode(String m) {
    return MODES.computeIfAbsent(
        m,
        k -> {
          String base = k.endsWith("Lock") ? k.substring(0, k.length() - 4) : k;
          return base.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
        });
  }

  private static final Map<String, String> MODES = new java.util.concurrent.ConcurrentHashMap<>();

  /** Exact row counts of every table in the database's own schemas. */
  Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String[] t :
        db.rows(
            "SELECT quote_ident(n.nspname)||'.'||quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r','p') AND n.nspname NOT IN ('pg_catalog','information_schema','airlock_backup')"
                + " AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1")) {
      out.put(t[0], Long.parseLong(db.row("SELECT count(*) FROM " + t[0]).orElseThrow()[0]));
    }
    return out;
  }
}
