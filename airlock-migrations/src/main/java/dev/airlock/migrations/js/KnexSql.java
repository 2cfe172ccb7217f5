package dev.airlock.migrations.js;

import dev.airlock.core.sql.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL Knex's schema and query compilers send, per client: {@code pg} (double quotes), {@code
 * mysql}/{@code mysql2} (backticks) and {@code sqlite3}/{@code better-sqlite3} (backticks, and a
 * table rebuild through {@code _knex_temp_alter*} for what SQLite cannot ALTER). Knex writes its
 * keywords in lower case; so does this. Default constraint names follow Knex: {@code
 * <table>_<columns>_<foreign|unique|index>}.
 */
final class KnexSql {
  private final Dialect dialect;

  KnexSql(Dialect dialect) {
    this.dialect = dialect == Dialect.GENERIC ? Dialect.POSTGRESQL : dialect;
  }

  Dialect dialect() {
    return dialect;
  }

  private boolean pg() {
    return dialect == Dialect.POSTGRESQL;
  }

  private boolean mysql() {
    return dialect == Dialect.MYSQL;
  }

  private boolean sqlite() {
    return dialect == Dialect.SQLITE;
  }

  String q(String name) {
    if (pg()) {
      return "\"" + name.replace("\"", "\"\"") + "\"";
    }
    return "`" + name.replace("`", "``") + "`";
  }

  /**
   * A table, schema-qualified when written so ({@code withSchema('billing')} or {@code
   * 'billing.invoices'}).
   */
  String table(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? q(name) : q(name.substring(0, dot)) + "." + q(name.substring(dot + 1));
  }

  private String rebuild(String t, String change) {
    String tmp = q("_knex_temp_alter…");
    return "-- SQLite: knex rebuilds "
        + table(t)
        + " "
        + change
        + "\n"
        + "create table "
        + tmp
        + " (…);\n"
        + "insert into "
        + tmp
        + " select … from "
        + table(t)
        + ";\n"
        + "drop table "
        + table(t)
        + ";\n"
        + "alter table "
        + tmp
        + " rename to "
        + table(t)
        + ";";
  }

  String dropTable(String t, boolean ifExists) {
    return "drop table " + (ifExists ? "if exists " : "") + table(t) + ";";
  }

  String dropObject(String keyword, String name, boolean ifExists, boolean cascade) {
    return "drop "
        + keyword
        + " "
        + (ifExists ? "if exists " : "")
        + table(name)
        + (cascade ? " cascade" : "")
        + ";";
  }

  String renameTable(String from, String to) {
    if (mysql()) {
      return "rename table " + table(from) + " to " + table(to) + ";";
    }
    return "alter table " + table(from) + " rename to " + table(to) + ";";
  }

  String dropColumns(String t, List<String> columns) {
    if (sqlite()) {
      return rebuild(
          t,
          "without column"
              + (columns.size() > 1 ? "s " : " ")
              + columns.stream().map(this::q).collect(Collectors.joining(", ")));
    }
    String kw = mysql() ? "drop " : "drop column ";
    return "alter table "
        + table(t)
        + " "
        + columns.stream().map(c -> kw + q(c)).collect(Collectors.joining(", "))
        + ";";
  }

  String renameColumn(String t, String from, String to) {
    if (mysql()) {
      return "show full fields from "
          + table(t)
          + " where field = '"
          + from.replace("'", "''")
          + "';\n"
          + "alter table "
          + table(t)
          + " change "
          + q(from)
          + " "
          + q(to)
          + " <its current definition>;";
    }
    return "alter table " + table(t) + " rename " + q(from) + " to " + q(to) + ";";
  }

  String dropForeign(String t, String name) {
    if (sqlite()) {
      return rebuild(t, "without foreign key " + q(name));
    }
    return "alter table "
        + table(t)
        + (mysql() ? " drop foreign key " : " drop constraint ")
        + q(name)
        + ";";
  }

  String dropUnique(String t, String name) {
    if (sqlite()) {
      return "drop index " + q(name) + ";";
    }
    return "alter table "
        + table(t)
        + (mysql() ? " drop index " : " drop constraint ")
        + q(name)
        + ";";
  }

  String dropPrimary(String t, String name) {
    if (sqlite()) {
      return rebuild(t, "without its primary key");
    }
    if (mysql()) {
      return "alter table " + table(t) + " drop primary key;";
    }
    return "alter table " + table(t) + " drop constraint " + q(name) + ";";
  }

  String dropIndex(String t, String name) {
    if (mysql()) {
      return "alter table " + table(t) + " drop index " + q(name) + ";";
    }
    return "drop index " + q(name) + ";";
  }

  String dropCheck(String t, String name) {
    if (sqlite()) {
      return rebuild(t, "without check " + q(name));
    }
    return "alter table "
        + table(t)
        + (mysql() ? " drop check " : " drop constraint ")
        + q(name)
        + ";";
  }

  /** {@code t.string('c', 50).notNullable().alter()}. */
  String alterColumn(String t, String c, String type, boolean notNull, String defaultSql) {
    if (sqlite()) {
      return rebuild(t, "with column " + q(c) + " as " + type);
    }
    if (mysql()) {
      return "alter table "
          + table(t)
          + " modify "
          + q(c)
          + " "
          + type
          + (notNull ? " not null" : " null")
          + (defaultSql != null ? " default " + defaultSql : "")
          + ";";
    }
    String at = "alter table " + table(t) + " alter column " + q(c);
    StringBuilder sb = new StringBuilder();
    sb.append(at).append(" drop default;\n");
    sb.append(at).append(" drop not null;\n");
    sb.append(at)
        .append(" type ")
        .append(type)
        .append(" using (")
        .append(q(c))
        .append("::")
        .append(type)
        .append(");");
    if (defaultSql != null) {
      sb.append("\n").append(at).append(" set default ").append(defaultSql).append(";");
    }
    if (notNull) {
      sb.append("\n").append(at).append(" set not null;");
    }
    return sb.toString();
  }

  String truncate(String t) {
    if (sqlite()) {
      String bare = t.substring(t.indexOf('.') + 1);
      return "delete from "
          + table(t)
          + ";\ndelete from sqlite_sequence where name = '"
          + bare.replace("'", "''")
          + "';";
    }
    return pg() ? "truncate " + table(t) + " restart identity;" : "truncate " + table(t) + ";";
  }

  String delete(String t, String where) {
    return "delete from " + table(t) + (where == null ? "" : " where " + where) + ";";
  }

  String update(String t, List<String> columns, String where) {
    String sets =
        columns.isEmpty()
            ? "…"
            : columns.stream().map(c -> q(c) + " = ?").collect(Collectors.joining(", "));
    return "update " + table(t) + " set " + sets + (where == null ? "" : " where " + where) + ";";
  }

  /** A JavaScript literal as Knex would bind it, shown inline. */
  String literal(String js) {
    String r = js.strip();
    if (r.equals("null") || r.equals("undefined")) {
      return "null";
    }
    if (r.equals("true") || r.equals("false")) {
      return mysql() || sqlite() ? (r.equals("true") ? "1" : "0") : r;
    }
    if (r.matches("-?[0-9][0-9_]*(\\.[0-9_]+)?")) {
      return r.replace("_", "");
    }
    if (r.length() >= 2
        && (r.startsWith("'") && r.endsWith("'") || r.startsWith("\"") && r.endsWith("\""))) {
      return "'" + r.substring(1, r.length() - 1).replace("'", "''") + "'";
    }
    return "?";
  }

  /** The SQL type of a Knex column builder, as the client's column compiler writes it. */
  String type(String method, List<String> args) {
    String a0 = args.isEmpty() ? null : args.get(0);
    String a1 = args.size() > 1 ? args.get(1) : null;
    return switch (method) {
      case "string" -> "varchar(" + (a0 != null ? a0 : "255") + ")";
      case "text" -> mysql() && a0 != null ? a0.toLowerCase(Locale.ROOT) : "text";
      case "integer" -> mysql() ? "int" : "integer";
      case "bigInteger", "bigint" -> "bigint";
      case "smallint" -> "smallint";
      case "tinyint" -> mysql() ? "tinyint" : "smallint";
      case "mediumint" -> mysql() ? "mediumint" : "integer";
      case "boolean" -> "boolean";
      case "decimal" -> "decimal(" + (a0 != null ? a0 : "8") + ", " + (a1 != null ? a1 : "2") + ")";
      case "float" ->
          pg() ? "real" : "float(" + (a0 != null ? a0 : "8") + ", " + (a1 != null ? a1 : "2") + ")";
      case "double" -> pg() ? "double precision" : "double";
      case "date" -> "date";
      case "datetime" -> pg() ? "timestamptz" : "datetime";
      case "timestamp" -> pg() ? "timestamptz" : mysql() ? "timestamp" : "datetime";
      case "time" -> "time";
      case "json" -> "json";
      case "jsonb" -> pg() ? "jsonb" : "json";
      case "uuid" -> pg() ? "uuid" : "char(36)";
      case "binary" -> pg() ? "bytea" : "blob";
      case "enum", "enu" -> pg() || sqlite() ? "text check (…)" : "enum(…)";
      case "increments" -> pg() ? "serial" : mysql() ? "int unsigned" : "integer";
      case "bigIncrements" -> pg() ? "bigserial" : mysql() ? "bigint unsigned" : "integer";
      case "specificType" -> a1 != null ? a1 : "?";
      default -> method.toLowerCase(Locale.ROOT);
    };
  }

  /** Knex's default name for an index or constraint. */
  static String defaultName(String table, List<String> columns, String type) {
    String bare = table.substring(table.indexOf('.') + 1);
    return (bare + "_" + String.join("_", columns) + "_" + type)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[-.]", "_");
  }
}
