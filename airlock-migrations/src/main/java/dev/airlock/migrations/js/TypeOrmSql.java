package dev.airlock.migrations.js;

import dev.airlock.core.sql.Dialect;
import java.util.Locale;

/**
 * The SQL TypeORM's query runners send, per driver: {@code postgres} (double quotes), {@code
 * mysql}/{@code mariadb} (backticks) and {@code sqlite}/{@code better-sqlite3} (double quotes; a
 * {@code temporary_<table>} rebuild for what SQLite cannot ALTER). Each statement is written as
 * TypeORM logs it, with a closing semicolon.
 */
final class TypeOrmSql {
  private final Dialect dialect;

  TypeOrmSql(Dialect dialect) {
    this.dialect = dialect == Dialect.GENERIC ? Dialect.POSTGRESQL : dialect;
  }

  Dialect dialect() {
    return dialect;
  }

  boolean mysql() {
    return dialect == Dialect.MYSQL;
  }

  boolean sqlite() {
    return dialect == Dialect.SQLITE;
  }

  String q(String name) {
    if (mysql()) {
      return "`" + name.replace("`", "``") + "`";
    }
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A table, schema-qualified when written so ({@code "billing.invoice"}). */
  String table(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? q(name) : q(name.substring(0, dot)) + "." + q(name.substring(dot + 1));
  }

  /** The SQLite query runner's {@code recreateTable}: a copy without the change, then a rename. */
  private String rebuild(String t, String change) {
    String bare = t.substring(t.indexOf('.') + 1);
    String tmp = q("temporary_" + bare);
    return "-- SQLite: TypeORM recreates "
        + table(t)
        + " "
        + change
        + "\n"
        + "CREATE TABLE "
        + tmp
        + " (…);\n"
        + "INSERT INTO "
        + tmp
        + "(…) SELECT … FROM "
        + table(t)
        + ";\n"
        + "DROP TABLE "
        + table(t)
        + ";\n"
        + "ALTER TABLE "
        + tmp
        + " RENAME TO "
        + q(bare)
        + ";";
  }

  String dropTable(String t) {
    return "DROP TABLE " + table(t) + ";";
  }

  String dropColumn(String t, String c) {
    if (sqlite()) {
      return rebuild(t, "without column " + q(c));
    }
    return "ALTER TABLE " + table(t) + " DROP COLUMN " + q(c) + ";";
  }

  String renameColumn(String t, String from, String to) {
    if (sqlite()) {
      return rebuild(t, "with column " + q(from) + " renamed to " + q(to));
    }
    if (mysql()) {
      return "ALTER TABLE "
          + table(t)
          + " CHANGE "
          + q(from)
          + " "
          + q(to)
          + " <its current definition>;";
    }
    return "ALTER TABLE " + table(t) + " RENAME COLUMN " + q(from) + " TO " + q(to) + ";";
  }

  String renameTable(String from, String to) {
    if (mysql()) {
      return "RENAME TABLE " + table(from) + " TO " + table(to) + ";";
    }
    return "ALTER TABLE "
        + table(from)
        + " RENAME TO "
        + q(to.substring(to.indexOf('.') + 1))
        + ";";
  }

  /**
   * {@code changeColumn}: on PostgreSQL and MySQL a new type or length makes TypeORM drop the
   * column and add it again (typeorm#3357), so every value in it is lost.
   */
  String recreateColumn(String t, String column, String newName, String type) {
    if (sqlite()) {
      return rebuild(t, "with column " + q(column) + " as " + type);
    }
    return "ALTER TABLE "
        + table(t)
        + " DROP COLUMN "
        + q(column)
        + ";\n"
        + "ALTER TABLE "
        + table(t)
        + " ADD "
        + q(newName)
        + " "
        + type
        + ";";
  }

  String changeColumn(String t, String column, String newName, String type) {
    if (sqlite()) {
      return rebuild(t, "with column " + q(column) + " as " + type);
    }
    return "-- when the type or length differs from the column's current one, TypeORM drops and re-adds it:\n"
        + recreateColumn(t, column, newName, type)
        + "\n"
        + "-- otherwise: ALTER TABLE "
        + table(t)
        + (mysql()
            ? " CHANGE " + q(column) + " " + q(newName) + " " + type
            : " ALTER COLUMN " + q(column) + " …")
        + ";";
  }

  String dropIndex(String t, String name) {
    if (mysql()) {
      return "DROP INDEX " + q(name) + " ON " + table(t) + ";";
    }
    return "DROP INDEX " + q(name) + ";";
  }

  String dropForeignKey(String t, String name) {
    if (sqlite()) {
      return rebuild(t, "without foreign key " + q(name));
    }
    return "ALTER TABLE "
        + table(t)
        + (mysql() ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ")
        + q(name)
        + ";";
  }

  String dropPrimaryKey(String t, String name) {
    if (sqlite()) {
      return rebuild(t, "without its primary key");
    }
    if (mysql()) {
      return "ALTER TABLE " + table(t) + " DROP PRIMARY KEY;";
    }
    return "ALTER TABLE " + table(t) + " DROP CONSTRAINT " + q(name) + ";";
  }

  String dropUnique(String t, String name) {
    if (sqlite()) {
      return rebuild(t, "without unique constraint " + q(name));
    }
    if (mysql()) {
      return "DROP INDEX " + q(name) + " ON " + table(t) + ";";
    }
    return "ALTER TABLE " + table(t) + " DROP CONSTRAINT " + q(name) + ";";
  }

  String dropCheck(String t, String name) {
    if (sqlite()) {
      return rebuild(t, "without check constraint " + q(name));
    }
    if (mysql()) {
      return "-- TypeORM's MySQL driver does not support check constraints: the call throws;\n"
          + "-- the constraint would be dropped with ALTER TABLE "
          + table(t)
          + " DROP CHECK "
          + q(name)
          + ";";
    }
    return "ALTER TABLE " + table(t) + " DROP CONSTRAINT " + q(name) + ";";
  }

  String clearTable(String t) {
    return sqlite() ? "DELETE FROM " + table(t) + ";" : "TRUNCATE TABLE " + table(t) + ";";
  }

  String dropView(String v, boolean materialized) {
    return "DROP " + (materialized ? "MATERIALIZED VIEW " : "VIEW ") + table(v) + ";";
  }

  String dropSchema(String s, boolean ifExists, boolean cascade) {
    return "DROP SCHEMA "
        + (ifExists ? "IF EXISTS " : "")
        + q(s)
        + (cascade && !mysql() ? " CASCADE" : "")
        + ";";
  }

  String dropDatabase(String d, boolean ifExists) {
    return "DROP DATABASE " + (ifExists ? "IF EXISTS " : "") + q(d) + ";";
  }

  String delete(String t, String where) {
    return "DELETE FROM " + table(t) + (where == null ? "" : " WHERE " + where) + ";";
  }

  String update(String t, java.util.List<String> columns, String where) {
    String sets =
        columns.isEmpty()
            ? "…"
            : String.join(", ", columns.stream().map(c -> q(c) + " = …").toList());
    return "UPDATE " + table(t) + " SET " + sets + (where == null ? "" : " WHERE " + where) + ";";
  }

  /** A TableColumn's {@code type} (and {@code length}) as the driver writes it. */
  String type(String type, String length) {
    String t = type.toLowerCase(Locale.ROOT);
    if (dialect == Dialect.POSTGRESQL) {
      t =
          switch (t) {
            case "varchar", "character varying", "string" -> "character varying";
            case "int", "int4", "integer" -> "integer";
            case "int8", "bigint" -> "bigint";
            case "timestamp" -> "TIMESTAMP";
            case "timestamptz" -> "TIMESTAMP WITH TIME ZONE";
            case "bool", "boolean" -> "boolean";
            case "float8", "double" -> "double precision";
            default -> t;
          };
    } else if (mysql()) {
      t =
          switch (t) {
            case "string", "character varying" -> "varchar";
            case "integer", "int4" -> "int";
            case "bool", "boolean" -> "tinyint";
            default -> t;
          };
    }
    if (length != null && !length.isEmpty()) {
      return t + "(" + length + ")";
    }
    if (mysql() && t.equals("varchar")) {
      return "varchar(255)";
    }
    return t;
  }
}
