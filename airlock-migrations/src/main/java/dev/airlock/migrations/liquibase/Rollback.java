package dev.airlock.migrations.liquibase;

import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.IrreversibleMigration;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a changeset's rollback can do for the tables and columns it drops. Liquibase generates no
 * rollback for a drop, so a changeset that drops without one cannot be rolled back; a rollback
 * that only recreates the table or column brings it back empty.
 */
enum Rollback {
  NONE,
  EMPTY,
  RECREATES,
  RESTORES;

  private static final Pattern WRITES_DATA =
      Pattern.compile("\\b(INSERT|UPDATE|COPY|MERGE|REPLACE)\\b", Pattern.CASE_INSENSITIVE);

  /** Judges rollback SQL text (formatted SQL, a YAML scalar, XML character data). */
  static Rollback ofSql(String sql) {
    String s = sql.strip();
    if (s.isEmpty()
        || s.equalsIgnoreCase("empty")
        || s.toLowerCase(Locale.ROOT).matches("(--\\s*)?not required.*|select 1;?")) {
      return EMPTY;
    }
    return WRITES_DATA.matcher(s).find() ? RESTORES : RECREATES;
  }

  /** Judges a rollback element: changes, SQL text, or nothing. */
  static Rollback of(ChangeNode rollback) {
    if (rollback.children().isEmpty()) {
      return ofSql(rollback.text() + " " + rollback.attr("sql").orElse(""));
    }
    return restores(rollback) ? RESTORES : RECREATES;
  }

  private static boolean restores(ChangeNode n) {
    switch (n.name()) {
      case "insert", "loadData", "loadUpdateData", "update", "sqlFile", "customChange", "mergeColumns" -> {
        return true;
      }
      case "sql" -> {
        return WRITES_DATA.matcher(n.text() + " " + n.attr("sql").orElse("")).find();
      }
      case "text" -> {
        return WRITES_DATA.matcher(n.text()).find();
      }
      default -> {
        return n.children().stream().anyMatch(Rollback::restores);
      }
    }
  }

  /**
   * An {@link IrreversibleMigration} next to each table or column drop among {@code ops} that this
   * rollback cannot undo.
   */
  List<Occurrence> judge(String changeset, List<Occurrence> ops) {
    List<Occurrence> out = new ArrayList<>();
    if (this == RESTORES) {
      return out;
    }
    for (Occurrence o : ops) {
      Optional<String> what = dropped(o);
      if (what.isEmpty()) {
        continue;
      }
      String reason =
          changeset
              + " drops "
              + what.get()
              + switch (this) {
                case NONE -> " and has no rollback";
                case EMPTY -> "; its rollback is empty";
                default -> "; its rollback recreates it empty, the data cannot be restored";
              };
      out.add(
          new Occurrence(
              new IrreversibleMigration(reason), o.span(), o.statement(), o.generatedSql(), o.within(), o.allowances()));
    }
    return out;
  }

  private static Optional<String> dropped(Occurrence o) {
    if (o.operation() instanceof Drop d && (d.kind() == ObjectKind.TABLE || d.kind() == ObjectKind.PARTITION)) {
      return Optional.of(String.join(", ", d.names().stream().map(n -> "`" + n + "`").toList()));
    }
    if (o.operation() instanceof DropColumn c) {
      return Optional.of("column `" + c.table() + "." + c.column() + "`");
    }
    return Optional.empty();
  }
}
