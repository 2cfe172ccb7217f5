package dev.airlock.migrations.django;

import dev.airlock.core.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL Django's schema editor emits for one operation, per backend (the templates of {@code
 * schema.py} of each backend in {@code django/db/backends}). SQLite cannot alter most things in
 * place; there Django remakes the table (create a copy, move the rows, drop, rename), and the SQL
 * says so.
 */
final class SchemaSql {
  private final Dialect dialect;

  SchemaSql(Dialect dialect) {
    this.dialect = dialect;
  }

  boolean sqlite() {
    return dialect == Dialect.SQLITE;
  }

  boolean mysql() {
    return dialect == Dialect.MYSQL;
  }

  String q(String name) {
    return mysql() ? "`" + name.replace("`", "``") + "`" : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  String dropColumn(ModelState m, FieldDef f) {
    String column = f.column();
    if (sqlite()) {
      boolean inPlace =
          !f.primaryKey()
              && !f.flag("unique")
              && !f.flag("db_index")
              && !f.foreignKey()
              && f.known();
      if (inPlace) {
        return "ALTER TABLE " + q(m.table()) + " DROP COLUMN " + q(column) + ";";
      }
      return remake(m, "drop column " + q(column), column, null);
    }
    StringBuilder sb = new StringBuilder();
    if (mysql() && f.foreignKey()) {
      sb.append("-- Django first drops the foreign key constraint on ")
          .append(q(column))
          .append('\n');
    }
    sb.append("ALTER TABLE ").append(q(m.table())).append(" DROP COLUMN ").append(q(column));
    sb.append(mysql() ? ";" : " CASCADE;");
    return sb.toString();
  }

  String dropTables(List<String> tables) {
    return tables.stream()
        .map(t -> "DROP TABLE " + q(t) + (sqlite() ? ";" : " CASCADE;"))
        .collect(Collectors.joining("\n"));
  }

  String alterType(ModelState m, String column, String type, boolean nullable) {
    if (sqlite()) {
      return remake(m, "change the type of " + q(column) + " to " + type, null, column);
    }
    if (mysql()) {
      return "ALTER TABLE "
          + q(m.table())
          + " MODIFY "
          + q(column)
          + " "
          + type
          + (nullable ? " NULL;" : " NOT NULL;");
    }
    return "ALTER TABLE "
        + q(m.table())
        + " ALTER COLUMN "
        + q(column)
        + " TYPE "
        + type
        + " USING "
        + q(column)
        + "::"
        + type
        + ";";
  }

  String setNull(ModelState m, String column, String type, boolean nullable) {
    if (sqlite()) {
      return remake(m, "change the nullability of " + q(column), null, column);
    }
    if (mysql()) {
      return "ALTER TABLE "
          + q(m.table())
          + " MODIFY "
          + q(column)
          + " "
          + type
          + (nullable ? " NULL;" : " NOT NULL;");
    }
    return "ALTER TABLE "
        + q(m.table())
        + " ALTER COLUMN "
        + q(column)
        + (nullable ? " DROP NOT NULL;" : " SET NOT NULL;");
  }

  String renameColumn(String table, String from, String to) {
    return "ALTER TABLE " + q(table) + " RENAME COLUMN " + q(from) + " TO " + q(to) + ";";
  }

  String renameTable(String from, String to) {
    return mysql()
        ? "RENAME TABLE " + q(from) + " TO " + q(to) + ";"
        : "ALTER TABLE " + q(from) + " RENAME TO " + q(to) + ";";
  }

  String dropIndex(String table, String name, boolean concurrently) {
    if (mysql()) {
      return "DROP INDEX " + q(name) + " ON " + q(table) + ";";
    }
    if (sqlite()) {
      return "DROP INDEX " + q(name) + ";";
    }
    return "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + "IF EXISTS " + q(name) + ";";
  }

  /**
   * @param kind "check", "unique", "foreign key" or "constraint" (not known)
   */
  String dropConstraint(ModelState m, String name, String kind) {
    if (sqlite()) {
      if (kind.equals("unique")) {
        return "DROP INDEX " + q(name) + ";";
      }
      return remake(m, "drop constraint " + q(name), null, null);
    }
    if (mysql()) {
      String what =
          switch (kind) {
            case "check" -> "CHECK ";
            case "unique" -> "INDEX ";
            case "foreign key" -> "FOREIGN KEY ";
            default -> "CONSTRAINT ";
          };
      return "ALTER TABLE " + q(m.table()) + " DROP " + what + q(name) + ";";
    }
    return "ALTER TABLE " + q(m.table()) + " DROP CONSTRAINT " + q(name) + ";";
  }

  String addColumn(ModelState m, FieldDef f) {
    if (f.manyToMany()) {
      return f.hasThrough() ? "-- no SQL: the through model holds the rows" : createJoinTable(m, f);
    }
    return "ALTER TABLE " + q(m.table()) + " ADD COLUMN " + columnDef(f) + ";";
  }

  String createTable(ModelState m) {
    List<String> cols = new ArrayList<>();
    List<String> joins = new ArrayList<>();
    for (FieldDef f : m.fields.values()) {
      if (f.manyToMany()) {
        if (!f.hasThrough()) {
          joins.add(createJoinTable(m, f));
        }
      } else {
        cols.add(columnDef(f));
      }
    }
    StringBuilder sb =
        new StringBuilder("CREATE TABLE " + q(m.table()) + " (" + String.join(", ", cols) + ");");
    for (String j : joins) {
      sb.append('\n').append(j);
    }
    return sb.toString();
  }

  private String createJoinTable(ModelState m, FieldDef f) {
    return "CREATE TABLE " + q(f.joinTable(m.table())) + " (...);";
  }

  String columnDef(FieldDef f) {
    String type = f.dbType(dialect).orElse(f.className());
    StringBuilder sb = new StringBuilder(q(f.column())).append(' ').append(type);
    if (f.primaryKey()) {
      sb.append(" NOT NULL PRIMARY KEY");
      if (f.className().endsWith("AutoField")) {
        sb.append(sqlite() ? " AUTOINCREMENT" : mysql() ? "" : " GENERATED BY DEFAULT AS IDENTITY");
      }
    } else {
      sb.append(f.nullable() ? " NULL" : " NOT NULL");
      if (f.flag("unique")) {
        sb.append(" UNIQUE");
      }
    }
    return sb.toString();
  }

  /**
   * SQLite's table remake, as Django's {@code _remake_table} runs it.
   *
   * @param dropped the column left out of the copy, or null
   * @param changed the column whose definition changes, or null
   */
  String remake(ModelState m, String what, String dropped, String changed) {
    String t = m.table();
    String tmp = "new__" + t;
    List<String> cols = new ArrayList<>();
    for (FieldDef f : m.fields.values()) {
      if (!f.manyToMany() && !f.column().equals(dropped)) {
        cols.add(q(f.column()));
      }
    }
    String list = cols.isEmpty() ? "..." : String.join(", ", cols);
    return "-- SQLite cannot "
        + what
        + " in place: Django remakes the table "
        + q(t)
        + "\n"
        + "CREATE TABLE "
        + q(tmp)
        + " (...);\n"
        + "INSERT INTO "
        + q(tmp)
        + " ("
        + list
        + ") SELECT "
        + list
        + " FROM "
        + q(t)
        + ";\n"
        + "DROP TABLE "
        + q(t)
        + ";\n"
        + "ALTER TABLE "
        + q(tmp)
        + " RENAME TO "
        + q(t)
        + ";";
  }
}
