package dev.airlock.db.verify;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.operation.Truncate;
import dev.airlock.core.operation.UpdateRows;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlFrontend;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a statement aims at, from the core's own classifier (the same Operations the static rules
 * see), resolved against the live catalog: a table's oid and qualified name, a column's attnum.
 */
final class Targets {
  private Targets() {}

  /** A resolved relation, and the column within it when the operation names one. */
  record Target(Operation op, long oid, String table, String column, int attnum) {}

  static List<Operation> operations(Sql.Piece p) {
    Parsed parsed = new SqlFrontend(Dialect.POSTGRESQL).parse(new SourceText(p.file(), p.text()));
    List<Operation> out = new ArrayList<>();
    for (Occurrence o : parsed.occurrences()) {
      if (o.within().isEmpty()) {
        out.add(o.operation());
      }
    }
    return out;
  }

  /** Whether {@link #resolve} looks this operation up: the ones whose losses and dependents verify measures. */
  static boolean aims(Operation op) {
    return op instanceof DropColumn
        || op instanceof AlterColumnType
        || op instanceof RenameColumn
        || (op instanceof Drop d && (relationKind(d.kind()) || d.kind() == ObjectKind.SCHEMA))
        || (op instanceof Rename r && relationKind(r.kind()))
        || op instanceof Truncate
        || op instanceof DeleteRows
        || op instanceof UpdateRows;
  }

  static List<Target> resolve(Db db, List<Operation> ops) throws SQLException {
    List<Target> out = new ArrayList<>();
    for (Operation op : ops) {
      if (op instanceof DropColumn d) {
        column(db, op, d.table(), d.column()).ifPresent(out::add);
      } else if (op instanceof AlterColumnType a) {
        column(db, op, a.table(), a.column()).ifPresent(out::add);
      } else if (op instanceof RenameColumn r) {
        column(db, op, r.table(), r.from()).ifPresent(out::add);
      } else if (op instanceof Drop d && relationKind(d.kind())) {
        for (String n : d.names()) {
          relation(db, n).ifPresent(r -> out.add(new Target(op, r.oid, r.name, "", 0)));
        }
      } else if (op instanceof Drop d && d.kind() == ObjectKind.SCHEMA) {
        for (String n : d.names()) {
          for (String[] r :
              db.rows(
                  "SELECT c.oid, quote_ident(n.nspname)||'.'||quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n"
                      + " ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p') AND (n.nspname = ? OR n.nspname = lower(?))",
                  n, n)) {
            out.add(new Target(new Drop(ObjectKind.TABLE, "table", List.of(r[1]), false, true), Long.parseLong(r[0]), r[1], "", 0));
          }
        }
      } else if (op instanceof Rename r && relationKind(r.kind())) {
        relation(db, r.from()).ifPresent(x -> out.add(new Target(op, x.oid, x.name, "", 0)));
      } else if (op instanceof Truncate t) {
        for (String n : t.tables()) {
          relation(db, n).ifPresent(r -> out.add(new Target(op, r.oid, r.name, "", 0)));
        }
      } else if (op instanceof DeleteRows d) {
        relation(db, d.table()).ifPresent(r -> out.add(new Target(op, r.oid, r.name, "", 0)));
      } else if (op instanceof UpdateRows u) {
        relation(db, u.table()).ifPresent(r -> out.add(new Target(op, r.oid, r.name, "", 0)));
      }
    }
    return out;
  }

  private static boolean relationKind(ObjectKind k) {
    return k == ObjectKind.TABLE || k == ObjectKind.VIEW || k == ObjectKind.MATERIALIZED_VIEW || k == ObjectKind.FOREIGN_TABLE;
  }

  record Rel(long oid, String name) {}

  /** One or two plain identifiers: to_regclass cannot fail on them, so no savepoint is needed. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

  static Optional<Rel> relation(Db db, String written) throws SQLException {
    Db.SqlCall<String[]> lookup =
        () ->
            db.row(
                    "SELECT c.oid, quote_ident(n.nspname)||'.'||quote_ident(c.relname) FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = coalesce(to_regclass(?), to_regclass(?))",
                    written, quoteParts(written))
                .orElse(null);
    Optional<String[]> r = PLAIN_NAME.matcher(written).matches() ? Optional.ofNullable(lookup.call()) : db.attempt(lookup);
    return r.map(x -> new Rel(Long.parseLong(x[0]), x[1]));
  }

  private static Optional<Target> column(Db db, Operation op, String table, String column) throws SQLException {
    Optional<Rel> rel = relation(db, table);
    if (rel.isEmpty()) {
      return Optional.empty();
    }
    Optional<String[]> a =
        db.row(
            "SELECT attname, attnum FROM pg_attribute WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped"
                + " AND attname IN (?, lower(?)) ORDER BY attname = ? DESC LIMIT 1",
            rel.get().oid, column, column, column);
    return a.map(x -> new Target(op, rel.get().oid, rel.get().name, x[0], Integer.parseInt(x[1])));
  }

  private static String quoteParts(String written) {
    StringBuilder sb = new StringBuilder();
    for (String p : written.split("\\.")) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append('"').append(p.replace("\"", "\"\"")).append('"');
    }
    return sb.toString();
  }
}
