package dev.airlock.db.verify;

import dev.airlock.db.catalog.Catalog;
import dev.airlock.db.catalog.CatalogDiff;
import dev.airlock.db.catalog.CatalogObject;
import dev.airlock.db.catalog.Change;
import dev.airlock.db.catalog.Names;
import dev.airlock.db.catalog.Snapshot;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a rollback plan from the catalog difference and the data losses, then tests it in the
 * same transaction: back up, run the migration again, restore, and compare the catalog and row
 * counts with the original. Restored columns come back at the end of their table (PostgreSQL
 * cannot insert a column in the middle); everything else compares equal by definition.
 */
final class Planner {
  private Planner() {}

  interface Counts {
    Map<String, Long> get() throws SQLException;
  }

  static RollbackPlan planAndTest(
      Db db, Snapshot before, Snapshot after, CatalogDiff diff, List<DataLoss> losses, List<Sql.Piece> pieces, Map<String, Long> rowsBefore, Counts counts)
      throws SQLException {
    List<String> backup = new ArrayList<>();
    List<String> restoreData = new ArrayList<>();
    List<String> afterData = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    Set<String> names = new HashSet<>();
    // backups are taken before the migration: a table backed up whole needs no other restore
    Set<String> whole = new HashSet<>();
    for (DataLoss l : losses) {
      if (l.action().equals("DROP TABLE") || l.action().equals("TRUNCATE")) {
        whole.add(l.table());
      }
    }
    Set<String> wholeDone = new HashSet<>();
    for (DataLoss l : losses) {
      if (l.rows() == 0) {
        continue;
      }
      if (l.action().equals("ALTER COLUMN TYPE") && l.changed() == 0) {
        continue; // every value survives the round trip, so the restore's cast back brings it back
      }
      if (whole.contains(l.table()) && !((l.action().equals("DROP TABLE") || l.action().equals("TRUNCATE")) && wholeDone.add(l.table()))) {
        continue;
      }
      String base = sanitize(Names.lastPart(l.table()) + (l.action().equals("DROP COLUMN") || l.action().equals("ALTER COLUMN TYPE") ? "_" + l.columns().get(0) : ""));
      String suffix = switch (l.action()) {
        case "DELETE" -> "_deleted";
        case "UPDATE" -> "_updated";
        default -> "";
      };
      String bt = "airlock_backup." + unique(base + suffix, names, l.statement());
      String cols = String.join(", ", l.columns().stream().map(Names::quote).toList());
      String keys = String.join(", ", l.keyColumns().stream().map(Names::quote).toList());
      String join = String.join(" AND ", l.keyColumns().stream().map(k -> "t." + Names.quote(k) + " = b." + Names.quote(k)).toList());
      String set = String.join(", ", l.columns().stream().map(c -> Names.quote(c) + " = b." + Names.quote(c)).toList());
      switch (l.action()) {
        case "DROP TABLE", "TRUNCATE" -> {
          backup.add("CREATE TABLE " + bt + " AS SELECT " + cols + " FROM " + l.table());
          restoreData.add("INSERT INTO " + l.table() + " (" + cols + ") OVERRIDING SYSTEM VALUE SELECT " + cols + " FROM " + bt);
        }
        case "DELETE" -> {
          if (l.rows() < 0) {
            manual.add("rows deleted by statement " + l.statement() + " (a join): back them up by hand before the migration");
          } else {
            backup.add("CREATE TABLE " + bt + " AS SELECT " + cols + " FROM " + l.table() + (l.where().isEmpty() ? "" : " WHERE " + l.where()));
            restoreData.add("INSERT INTO " + l.table() + " (" + cols + ") OVERRIDING SYSTEM VALUE SELECT " + cols + " FROM " + bt);
          }
        }
        case "DROP COLUMN", "UPDATE", "ALTER COLUMN TYPE" -> {
          if (l.keyColumns().isEmpty() || l.rows() < 0) {
            manual.add("values of " + l.table() + " (" + cols + ") changed by statement " + l.statement() + ": the table has no primary key to restore them by");
          } else {
            String where = l.action().equals("UPDATE") && !l.where().isEmpty() ? " WHERE " + l.where() : "";
            backup.add("CREATE TABLE " + bt + " AS SELECT " + keys + ", " + cols + " FROM " + l.table() + where);
            restoreData.add("UPDATE " + l.table() + " AS t SET " + set + " FROM " + bt + " AS b WHERE " + join);
          }
        }
        default -> {}
      }
    }

    List<String> restore = new ArrayList<>();
    List<Change> added = diff.of(Change.Type.ADDED);
    List<Change> removed = diff.of(Change.Type.REMOVED);
    Set<String> addedTables = new HashSet<>();
    added.stream().filter(c -> c.kind().equals("table")).forEach(c -> addedTables.add(c.name()));
    Set<String> removedTables = new HashSet<>();
    removed.stream().filter(c -> c.kind().equals("table")).forEach(c -> removedTables.add(c.name()));

    // 1. drop what the migration added, dependents first
    for (String kind : List.of("trigger", "policy", "view", "materialized view", "constraint", "index", "column", "table", "sequence", "function", "procedure", "type", "schema", "extension")) {
      for (Change c : added) {
        CatalogObject a = c.after().get();
        if (!c.kind().equals(kind) || addedTables.contains(a.table())) {
          continue;
        }
        String on = a.table();
        switch (kind) {
          case "trigger" -> restore.add("DROP TRIGGER " + Names.quote(a.simpleName()) + " ON " + on);
          case "policy" -> restore.add("DROP POLICY " + Names.quote(a.simpleName()) + " ON " + on);
          case "view" -> restore.add("DROP VIEW " + a.name());
          case "materialized view" -> restore.add("DROP MATERIALIZED VIEW " + a.name());
          case "constraint" -> restore.add("ALTER TABLE " + on + " DROP CONSTRAINT " + Names.quote(a.simpleName()));
          case "index" -> {
            if (!backsConstraint(a, after)) {
              restore.add("DROP INDEX " + a.name());
            }
          }
          case "column" -> restore.add("ALTER TABLE " + on + " DROP COLUMN " + Names.quote(a.simpleName()));
          case "table" -> restore.add("DROP TABLE " + a.name());
          case "sequence" -> restore.add("DROP SEQUENCE IF EXISTS " + a.name());
          case "function", "procedure" -> restore.add("DROP " + kind.toUpperCase(java.util.Locale.ROOT) + " " + a.name());
          case "type" -> restore.add("DROP TYPE " + a.name());
          case "schema" -> restore.add("DROP SCHEMA " + a.name());
          case "extension" -> restore.add("DROP EXTENSION " + a.name());
          default -> {}
        }
      }
    }
    // 2. undo renames: columns (named in the renamed table, if it was), then tables, then the rest
    List<Change> renamed = new ArrayList<>(diff.of(Change.Type.RENAMED));
    renamed.sort(Comparator.comparing((Change c) -> c.kind().equals("table") ? 1 : 0));
    for (Change c : renamed) {
      CatalogObject b = c.before().get();
      CatalogObject a = c.after().get();
      switch (c.kind()) {
        case "column" -> restore.add("ALTER TABLE " + a.table() + " RENAME COLUMN " + Names.quote(a.simpleName()) + " TO " + Names.quote(b.simpleName()));
        case "table" -> restore.add("ALTER TABLE " + a.name() + " RENAME TO " + Names.quote(b.simpleName()));
        case "index" -> restore.add("ALTER INDEX " + a.name() + " RENAME TO " + Names.quote(b.simpleName()));
        case "view" -> restore.add("ALTER VIEW " + a.name() + " RENAME TO " + Names.quote(b.simpleName()));
        case "materialized view" -> restore.add("ALTER MATERIALIZED VIEW " + a.name() + " RENAME TO " + Names.quote(b.simpleName()));
        case "sequence" -> restore.add("ALTER SEQUENCE " + a.name() + " RENAME TO " + Names.quote(b.simpleName()));
        case "constraint" -> restore.add("ALTER TABLE " + a.table() + " RENAME CONSTRAINT " + Names.quote(a.simpleName()) + " TO " + Names.quote(b.simpleName()));
        case "trigger" -> restore.add("ALTER TRIGGER " + Names.quote(a.simpleName()) + " ON " + a.table() + " RENAME TO " + Names.quote(b.simpleName()));
        case "function", "procedure" -> restore.add("ALTER " + c.kind().toUpperCase(java.util.Locale.ROOT) + " " + a.name() + " RENAME TO " + Names.quote(Names.lastPart(b.name().substring(0, b.name().indexOf('(')))));
        default -> manual.add("rename of " + c.kind() + " " + b.name() + " to " + a.name());
      }
    }
    // 3. recreate what was removed
    List<String> notNullAfter = new ArrayList<>();
    for (String kind : List.of("schema", "extension", "type", "sequence", "table", "column")) {
      for (Change c : removed) {
        CatalogObject b = c.before().get();
        if (!c.kind().equals(kind)) {
          continue;
        }
        switch (kind) {
          case "schema" -> restore.add("CREATE SCHEMA " + b.name());
          case "extension" -> restore.add("CREATE EXTENSION " + b.name() + " VERSION '" + b.definition() + "'");
          case "type" -> restore.add(b.definition().startsWith("ENUM") || b.definition().startsWith("DOMAIN")
              ? "CREATE " + (b.definition().startsWith("ENUM") ? "TYPE " + b.name() + " AS " + b.definition() : "DOMAIN " + b.name() + " AS " + b.definition().substring(7))
              : "-- recreate type " + b.name() + " by hand");
          case "sequence" -> restore.add("CREATE SEQUENCE " + b.name() + " AS " + b.definition().replace(" START ", " START WITH ").replace(" INCREMENT ", " INCREMENT BY "));
          case "table" -> {
            List<String> cols = new ArrayList<>();
            for (CatalogObject col : before.columnsOf(b.name())) {
              cols.add(Names.quote(col.simpleName()) + " " + col.definition());
            }
            restore.add("CREATE TABLE " + b.name() + " (" + String.join(", ", cols) + ")");
          }
          case "column" -> {
            if (removedTables.contains(b.table())) {
              continue;
            }
            String def = b.definition();
            boolean notNull = def.contains(" NOT NULL") && !def.contains(" GENERATED ");
            if (notNull) {
              def = def.replaceFirst(" NOT NULL", "");
              notNullAfter.add("ALTER TABLE " + b.table() + " ALTER COLUMN " + Names.quote(b.simpleName()) + " SET NOT NULL");
            }
            restore.add("ALTER TABLE " + b.table() + " ADD COLUMN " + Names.quote(b.simpleName()) + " " + def);
          }
          default -> {}
        }
      }
    }
    // 4. changed columns back to their old type, nullability and default
    for (Change c : diff.of(Change.Type.CHANGED)) {
      if (!c.kind().equals("column")) {
        continue;
      }
      ColumnDef b = ColumnDef.parse(c.before().get().definition());
      ColumnDef a = ColumnDef.parse(c.after().get().definition());
      CatalogObject now = c.after().get();
      String alter = "ALTER TABLE " + now.table() + " ALTER COLUMN " + Names.quote(now.simpleName());
      if (!a.type().equals(b.type())) {
        restore.add(alter + " TYPE " + b.type() + " USING " + Names.quote(now.simpleName()) + "::" + b.type());
      }
      if (!a.defaultExpr().equals(b.defaultExpr())) {
        restore.add(b.defaultExpr().isEmpty() ? alter + " DROP DEFAULT" : alter + " SET DEFAULT " + b.defaultExpr());
      }
      if (a.notNull() != b.notNull()) {
        restore.add(alter + (b.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
      }
    }
    // 5. the data, then NOT NULL once the values are back
    restore.addAll(restoreData);
    restore.addAll(notNullAfter);
    // 6. constraints, indexes, views, routines, triggers, policies that were removed or changed
    List<Change> recreate = new ArrayList<>(removed);
    for (Change c : diff.of(Change.Type.CHANGED)) {
      if (!c.kind().equals("column")) {
        recreate.add(c);
      }
    }
    recreate.sort(Comparator.comparingLong((Change c) -> c.before().get().oid()));
    for (String kind : List.of("constraint", "index", "view", "materialized view", "function", "procedure", "trigger", "policy", "grant")) {
      List<Change> ofKind = recreate.stream().filter(c -> c.kind().equals(kind)).toList();
      if (kind.equals("constraint")) {
        List<Change> fkLast = new ArrayList<>(ofKind.stream().filter(c -> !c.before().get().definition().startsWith("FOREIGN KEY")).toList());
        fkLast.addAll(ofKind.stream().filter(c -> c.before().get().definition().startsWith("FOREIGN KEY")).toList());
        ofKind = fkLast;
      }
      for (Change c : ofKind) {
        CatalogObject b = c.before().get();
        boolean changed = c.type() == Change.Type.CHANGED;
        switch (kind) {
          case "constraint" -> {
            if (changed) {
              restore.add("ALTER TABLE " + b.table() + " DROP CONSTRAINT " + Names.quote(b.simpleName()));
            }
            restore.add("ALTER TABLE " + b.table() + " ADD CONSTRAINT " + Names.quote(b.simpleName()) + " " + b.definition());
          }
          case "index" -> {
            if (backsConstraint(b, before)) {
              continue;
            }
            if (changed) {
              restore.add("DROP INDEX " + b.name());
            }
            restore.add(b.definition());
          }
          case "view" -> restore.add("CREATE OR REPLACE VIEW " + b.name() + " AS " + stripSemicolon(b.definition()));
          case "materialized view" -> {
            if (changed) {
              restore.add("DROP MATERIALIZED VIEW " + b.name());
            }
            restore.add("CREATE MATERIALIZED VIEW " + b.name() + " AS " + stripSemicolon(b.definition()));
          }
          case "function", "procedure" -> restore.add(stripSemicolon(b.definition().strip()));
          case "trigger" -> {
            if (changed) {
              restore.add("DROP TRIGGER " + Names.quote(b.simpleName()) + " ON " + b.table());
            }
            restore.add(b.definition());
          }
          case "policy" -> {
            if (changed) {
              restore.add("DROP POLICY " + Names.quote(b.simpleName()) + " ON " + b.table());
            }
            restore.add("CREATE POLICY " + Names.quote(b.simpleName()) + " ON " + b.table() + " " + b.definition());
          }
          case "grant" -> manual.add("privileges on " + b.name() + " were " + b.definition() + ": grant them again");
          default -> {}
        }
      }
    }
    for (Change c : diff.of(Change.Type.CHANGED)) {
      if (c.kind().equals("sequence") || c.kind().equals("type") || c.kind().equals("extension")) {
        manual.add(c.describe());
      }
    }
    for (Change c : added) {
      if (c.kind().equals("grant")) {
        manual.add("privileges granted on " + c.name() + " (" + c.after().get().definition() + "): revoke them");
      }
    }

    // the test: undo the migration, back up, migrate again, restore, compare
    db.exec("ROLLBACK TO SAVEPOINT airlock_before_migration");
    List<String> residue = new ArrayList<>();
    db.exec("CREATE SCHEMA IF NOT EXISTS airlock_backup");
    for (String s : backup) {
      if (db.attempt(() -> run(db, s)).isEmpty()) {
        residue.add("backup step fails: " + s);
      }
    }
    for (Sql.Piece p : pieces) {
      Optional<Kind.Special> k = Kind.of(p);
      if (k.isPresent() && k.get().status() != StatementResult.Status.OK) {
        continue;
      }
      String sql = k.flatMap(Kind.Special::runInstead).orElse(p.text());
      db.attempt(() -> run(db, sql));
    }
    for (String s : restore) {
      if (s.startsWith("--")) {
        continue;
      }
      Optional<String> err = failure(db, s);
      if (err.isPresent()) {
        residue.add("restore step fails: " + s.lines().findFirst().orElse(s) + " — " + err.get());
        db.exec("ROLLBACK TO SAVEPOINT airlock_before_migration");
        db.exec("SAVEPOINT airlock_before_migration");
        return new RollbackPlan(backup, restore, manual, true, false, residue, false);
      }
    }
    Snapshot restored = Catalog.snapshot(db.connection());
    CatalogDiff rest = CatalogDiff.between(before, restored, false);
    for (Change c : rest.changes()) {
      residue.add(c.describe());
    }
    Map<String, Long> rowsAfter = counts.get();
    boolean rowsOk = rowsAfter.equals(rowsBefore);
    if (!rowsOk) {
      for (var e : rowsBefore.entrySet()) {
        Long now = rowsAfter.get(e.getKey());
        if (!e.getValue().equals(now)) {
          residue.add("rows of " + e.getKey() + ": " + e.getValue() + " before, " + now + " after the rollback");
        }
      }
    }
    db.exec("ROLLBACK TO SAVEPOINT airlock_before_migration");
    return new RollbackPlan(backup, restore, manual, true, rest.isEmpty(), residue, rowsOk);
  }

  /** Runs one step in a savepoint of its own: the first line of its error, or empty when it ran. */
  private static Optional<String> failure(Db db, String sql) throws SQLException {
    db.exec("SAVEPOINT airlock_step");
    try {
      db.exec(sql);
      db.exec("RELEASE SAVEPOINT airlock_step");
      return Optional.empty();
    } catch (SQLException e) {
      db.exec("ROLLBACK TO SAVEPOINT airlock_step; RELEASE SAVEPOINT airlock_step");
      return Optional.of(Db.message(e).lines().findFirst().orElse(""));
    }
  }

  private static String run(Db db, String sql) throws SQLException {
    db.exec(sql);
    return "";
  }

  private static boolean backsConstraint(CatalogObject index, Snapshot s) {
    return s.partsOf(index.table(), "constraint").stream().anyMatch(c -> c.simpleName().equals(index.simpleName()));
  }

  private static String stripSemicolon(String s) {
    String t = s.strip();
    return t.endsWith(";") ? t.substring(0, t.length() - 1) : t;
  }

  private static String sanitize(String s) {
    String t = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return t.length() > 50 ? t.substring(0, 50) : t;
  }

  private static String unique(String name, Set<String> used, int statement) {
    String n = name;
    if (!used.add(n)) {
      n = name + "_s" + statement;
      used.add(n);
    }
    return n;
  }

  /** A column definition as the catalog prints it: type, NOT NULL, DEFAULT. */
  record ColumnDef(String type, boolean notNull, String defaultExpr) {
    static ColumnDef parse(String def) {
      int end = def.length();
      for (String stop : List.of(" NOT NULL", " GENERATED ", " DEFAULT ", " COLLATE ")) {
        int i = def.indexOf(stop);
        if (i >= 0 && i < end) {
          end = i;
        }
      }
      String type = def.substring(0, end);
      boolean notNull = def.startsWith(" NOT NULL", end);
      int d = def.indexOf(" DEFAULT ");
      String dflt = "";
      if (d >= 0) {
        int c = def.lastIndexOf(" COLLATE ");
        dflt = def.substring(d + 9, c > d ? c : def.length());
      }
      return new ColumnDef(type, notNull, dflt);
    }
  }
}
