package dev.airlock.migrations.rails;

import dev.airlock.core.sql.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL ActiveRecord's adapters send for each schema statement, per dialect: the PostgreSQL
 * and Mysql2/Trilogy adapters' ALTER TABLE forms, and the SQLite3 adapter's table rebuild (it
 * copies the table to drop, change or rename a column). Names ActiveRecord derives (index_x_on_y,
 * fk_rails_&lt;hash&gt;, chk_rails_&lt;hash&gt;) are derived the same way.
 */
final class RailsSql {
  private final Dialect dialect;

  RailsSql(Dialect dialect) {
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

  /** A table name, schema-qualified when written so ({@code "billing.invoices"}). */
  String table(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? q(name) : q(name.substring(0, dot)) + "." + q(name.substring(dot + 1));
  }

  /** The SQLite3 adapter's {@code alter_table}: copy to a temporary table and back. */
  String rebuild(String tableName, String change) {
    String t = table(tableName);
    String tmp = table("a" + tableName);
    return "-- SQLite: ActiveRecord rebuilds " + t + " " + change + "\n"
        + "CREATE TEMPORARY TABLE " + tmp + " (…);\n"
        + "INSERT INTO " + tmp + " (…) SELECT … FROM " + t + ";\n"
        + "DROP TABLE " + t + ";\n"
        + "CREATE TABLE " + t + " (…);\n"
        + "INSERT INTO " + t + " (…) SELECT … FROM " + tmp + ";\n"
        + "DROP TABLE " + tmp + ";";
  }

  String dropColumns(String tableName, List<String> columns, boolean ifExists) {
    if (sqlite()) {
      return rebuild(tableName, "without column" + (columns.size() > 1 ? "s " : " ") + columns.stream().map(this::q).collect(Collectors.joining(", ")));
    }
    String drops =
        columns.stream()
            .map(c -> "DROP COLUMN " + (ifExists && !mysql() ? "IF EXISTS " : "") + q(c))
            .collect(Collectors.joining(", "));
    return "ALTER TABLE " + table(tableName) + " " + drops + ";";
  }

  String dropTable(List<String> names, boolean ifExists, boolean cascade) {
    return "DROP TABLE "
        + (ifExists ? "IF EXISTS " : "")
        + names.stream().map(this::table).collect(Collectors.joining(", "))
        + (cascade && !sqlite() ? " CASCADE" : "")
        + ";";
  }

  String dropObject(String keyword, String name, boolean ifExists, boolean cascade) {
    return "DROP " + keyword + " " + (ifExists ? "IF EXISTS " : "") + q(name) + (cascade ? " CASCADE" : "") + ";";
  }

  String changeColumn(String tableName, String column, String sqlType, String using, String nullSql, String defaultSql) {
    if (sqlite()) {
      return rebuild(tableName, "with column " + q(column) + " as " + sqlType);
    }
    if (mysql()) {
      return "ALTER TABLE " + table(tableName) + " CHANGE " + q(column) + " " + q(column) + " " + sqlType
          + (defaultSql != null ? " DEFAULT " + defaultSql : "")
          + (nullSql != null ? " " + nullSql : "") + ";";
    }
    String c = q(column);
    StringBuilder sb = new StringBuilder("ALTER TABLE ").append(table(tableName)).append(" ALTER COLUMN ").append(c).append(" TYPE ").append(sqlType);
    if (using != null) {
      sb.append(" USING ").append(using);
    }
    if (defaultSql != null) {
      sb.append(", ALTER COLUMN ").append(c).append(" SET DEFAULT ").append(defaultSql);
    }
    if (nullSql != null) {
      sb.append(", ALTER COLUMN ").append(c).append(nullSql.equals("NULL") ? " DROP NOT NULL" : " SET NOT NULL");
    }
    return sb.append(";").toString();
  }

  String changeNull(String tableName, String column, boolean nullable, String defaultSql) {
    String update =
        defaultSql == null || nullable
            ? ""
            : "UPDATE " + table(tableName) + " SET " + q(column) + "=" + defaultSql + " WHERE " + q(column) + " IS NULL;\n";
    if (sqlite()) {
      return update + rebuild(tableName, "with column " + q(column) + (nullable ? " NULL" : " NOT NULL"));
    }
    if (mysql()) {
      return update + "ALTER TABLE " + table(tableName) + " CHANGE " + q(column) + " " + q(column) + " <its current type> " + (nullable ? "NULL" : "NOT NULL") + ";";
    }
    return update + "ALTER TABLE " + table(tableName) + " ALTER COLUMN " + q(column) + (nullable ? " DROP NOT NULL" : " SET NOT NULL") + ";";
  }

  String renameColumn(String tableName, String from, String to) {
    if (sqlite()) {
      return rebuild(tableName, "with column " + q(from) + " renamed to " + q(to));
    }
    return "ALTER TABLE " + table(tableName) + " RENAME COLUMN " + q(from) + " TO " + q(to) + ";";
  }

  String renameTable(String from, String to) {
    if (mysql()) {
      return "RENAME TABLE " + table(from) + " TO " + table(to) + ";";
    }
    String sql = "ALTER TABLE " + table(from) + " RENAME TO " + q(to) + ";";
    if (dialect == Dialect.POSTGRESQL) {
      sql += "\n-- and, when they exist: ALTER TABLE " + q(from + "_id_seq") + " RENAME TO " + q(to + "_id_seq")
          + "; ALTER INDEX " + q(from + "_pkey") + " RENAME TO " + q(to + "_pkey") + ";";
    }
    return sql;
  }

  String dropIndex(String tableName, String index, boolean concurrently, boolean ifExists) {
    if (mysql()) {
      return "DROP INDEX " + q(index) + " ON " + table(tableName) + ";";
    }
    return "DROP INDEX " + (concurrently && !sqlite() ? "CONCURRENTLY " : "") + (ifExists ? "IF EXISTS " : "") + q(index) + ";";
  }

  String dropForeignKey(String tableName, String name) {
    if (sqlite()) {
      return rebuild(tableName, "without foreign key " + q(name));
    }
    return "ALTER TABLE " + table(tableName) + (mysql() ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ") + q(name) + ";";
  }

  String dropConstraint(String tableName, String name, String mysqlKeyword) {
    if (sqlite()) {
      return rebuild(tableName, "without constraint " + q(name));
    }
    return "ALTER TABLE " + table(tableName) + (mysql() ? " DROP " + mysqlKeyword + " " : " DROP CONSTRAINT ") + q(name) + ";";
  }

  String truncate(List<String> tables) {
    if (sqlite()) {
      return tables.stream().map(t -> "DELETE FROM " + table(t) + ";").collect(Collectors.joining("\n"));
    }
    if (mysql()) {
      return tables.stream().map(t -> "TRUNCATE TABLE " + table(t) + ";").collect(Collectors.joining("\n"));
    }
    return "TRUNCATE TABLE " + tables.stream().map(this::table).collect(Collectors.joining(", ")) + ";";
  }

  String delete(String tableName, String where) {
    return "DELETE FROM " + table(tableName) + (where == null ? ";" : " WHERE …;  -- the rows of " + where);
  }

  String update(String tableName, List<String> columns, String where) {
    String sets = columns.isEmpty() ? "…" : columns.stream().map(c -> q(c) + " = …").collect(Collectors.joining(", "));
    return "UPDATE " + table(tableName) + " SET " + sets + (where == null ? ";" : " WHERE …;  -- the rows of " + where);
  }

  /** A Ruby literal as the adapter quotes it. */
  String literal(String ruby) {
    String r = ruby.strip();
    if (r.equals("nil")) {
      return "NULL";
    }
    if (r.equals("true") || r.equals("false")) {
      return mysql() || sqlite() ? (r.equals("true") ? "1" : "0") : r.toUpperCase(Locale.ROOT);
    }
    if (r.matches("-?[0-9][0-9_]*(\\.[0-9_]+)?")) {
      return r.replace("_", "");
    }
    if ((r.startsWith("\"") && r.endsWith("\"") || r.startsWith("'") && r.endsWith("'")) && r.length() >= 2) {
      return "'" + r.substring(1, r.length() - 1).replace("'", "''") + "'";
    }
    if (r.startsWith(":") && r.length() > 1) {
      return "'" + r.substring(1) + "'";
    }
    return r;
  }

  /** The SQL type ActiveRecord's type map gives a migration type on this adapter. */
  String type(String railsType, String limit, String precision, String scale) {
    String t = railsType.toLowerCase(Locale.ROOT);
    boolean pg = dialect == Dialect.POSTGRESQL;
    return switch (t) {
      case "string" -> pg ? "character varying" + (limit != null ? "(" + limit + ")" : "") : "varchar(" + (limit != null ? limit : "255") + ")";
      case "text" -> mysql() && limit != null ? textByLimit(limit) : "text";
      case "integer" -> integer(limit);
      case "bigint" -> "bigint";
      case "float" -> pg ? "float" : "float";
      case "decimal", "numeric" -> "decimal" + (precision != null ? "(" + precision + (scale != null ? "," + scale : "") + ")" : "");
      case "datetime", "timestamp" -> pg ? "timestamp(" + (precision != null ? precision : "6") + ")" : "datetime(" + (precision != null ? precision : "6") + ")";
      case "timestamptz" -> "timestamp with time zone";
      case "time" -> "time";
      case "date" -> "date";
      case "binary" -> pg ? "bytea" : "blob";
      case "boolean" -> mysql() ? "tinyint(1)" : "boolean";
      case "json" -> "json";
      case "jsonb" -> pg ? "jsonb" : "json";
      case "uuid" -> pg ? "uuid" : "varchar(36)";
      case "citext" -> "citext";
      default -> t;
    };
  }

  private String integer(String limit) {
    if (limit == null) {
      return mysql() ? "int" : "integer";
    }
    return switch (limit) {
      case "1" -> mysql() ? "tinyint" : "smallint";
      case "2" -> "smallint";
      case "3" -> mysql() ? "mediumint" : "integer";
      case "5", "6", "7", "8" -> "bigint";
      default -> mysql() ? "int" : "integer";
    };
  }

  private static String textByLimit(String limit) {
    try {
      long n = Long.parseLong(limit.replace("_", "").replace(".megabytes", ""));
      return n <= 0xff ? "tinytext" : n <= 0xffff ? "text" : n <= 0xffffff ? "mediumtext" : "longtext";
    } catch (NumberFormatException e) {
      return "text";
    }
  }

  /** {@code index_users_on_email_and_name}, as ActiveRecord names an index by its columns. */
  static String indexName(String table, List<String> columns) {
    return "index_" + table + "_on_" + String.join("_and_", columns);
  }

  /** {@code fk_rails_<10 hex of SHA-256("<table>_<column>_fk")>}, ActiveRecord's default. */
  static String foreignKeyName(String table, String column) {
    return "fk_rails_" + sha256(table + "_" + column + "_fk").substring(0, 10);
  }

  /** {@code chk_rails_<10 hex of SHA-256("<table>_<expression>_chk")>}. */
  static String checkName(String table, String expression) {
    return "chk_rails_" + sha256(table + "_" + expression + "_chk").substring(0, 10);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The join table of {@code create_join_table :a, :b}: the two names sorted and joined with an
   * underscore, a common prefix written once ({@code catalog_categories} + {@code
   * catalog_products} -> {@code catalog_categories_products}).
   */
  static String joinTableName(String a, String b) {
    String first = a.compareTo(b) <= 0 ? a : b;
    String second = a.compareTo(b) <= 0 ? b : a;
    String joined = first + "\0" + second;
    joined = joined.replaceAll("^(.*_)(.+)\0\\1(.+)", "$1$2_$3");
    return joined.replace('\0', '_');
  }
}
