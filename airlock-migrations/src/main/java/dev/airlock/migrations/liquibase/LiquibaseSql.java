package dev.airlock.migrations.liquibase;

import dev.airlock.core.sql.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SQL Liquibase's generators emit for a change, per dialect, as {@code liquibase update-sql}
 * prints it. Liquibase's default (LEGACY) quoting leaves plain names bare and quotes reserved
 * words and names with unusual characters; so does this.
 */
final class LiquibaseSql {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final Set<String> RESERVED =
      Set.of(
          "ALL", "AND", "AS", "ASC", "BETWEEN", "BY", "CASE", "CHECK", "COLUMN", "CONSTRAINT", "CREATE",
          "CROSS", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP", "ELSE", "END", "EXISTS", "FOR",
          "FOREIGN", "FROM", "FULL", "GRANT", "GROUP", "HAVING", "IN", "INDEX", "INNER", "INSERT", "INTO",
          "IS", "JOIN", "KEY", "LEFT", "LIKE", "LIMIT", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER",
          "OUTER", "PRIMARY", "REFERENCES", "RIGHT", "ROWS", "SELECT", "SET", "TABLE", "THEN", "TO",
          "UNION", "UNIQUE", "UPDATE", "USER", "USING", "VALUES", "WHEN", "WHERE", "WITH");

  private final Dialect dialect;

  LiquibaseSql(Dialect dialect) {
    this.dialect = dialect;
  }

  String id(String name) {
    if (name.startsWith("\"") || name.startsWith("`") || name.startsWith("[")) {
      return name;
    }
    if (PLAIN.matcher(name).matches() && !RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
      return name;
    }
    String q = dialect == Dialect.MYSQL ? "`" : "\"";
    return q + name.replace(q, q + q) + q;
  }

  /** {@code schema.name}; the name as Liquibase writes it. */
  String qualified(String schema, String name) {
    return (schema == null || schema.isBlank() ? "" : id(schema) + ".") + id(name);
  }

  String dropTable(String table, boolean cascade) {
    boolean cascadeSupported = dialect != Dialect.SQLITE;
    return "DROP TABLE " + table + (cascade && cascadeSupported ? " CASCADE" : "") + ";";
  }

  String dropColumns(String table, List<String> columns) {
    if (dialect == Dialect.MYSQL && columns.size() > 1) {
      return "ALTER TABLE " + table + " " + String.join(", ", columns.stream().map(c -> "DROP COLUMN " + id(c)).toList()) + ";";
    }
    return String.join("\n", columns.stream().map(c -> "ALTER TABLE " + table + " DROP COLUMN " + id(c) + ";").toList());
  }

  String modifyDataType(String table, String column, String type) {
    return switch (dialect) {
      case MYSQL -> "ALTER TABLE " + table + " MODIFY " + id(column) + " " + type + ";";
      case SQLITE -> "-- SQLite cannot alter a column's type: Liquibase copies " + table
          + " into a new table with " + id(column) + " " + type + ", drops the old one and renames the copy";
      default -> "ALTER TABLE " + table + " ALTER COLUMN " + id(column) + " TYPE " + type
          + (dialect == Dialect.POSTGRESQL ? " USING (" + id(column) + "::" + type + ")" : "") + ";";
    };
  }

  String renameColumn(String table, String from, String to, String type) {
    if (dialect == Dialect.MYSQL) {
      return "ALTER TABLE " + table + " CHANGE " + id(from) + " " + id(to)
          + (type == null || type.isBlank() ? "" : " " + type) + ";";
    }
    return "ALTER TABLE " + table + " RENAME COLUMN " + id(from) + " TO " + id(to) + ";";
  }

  String renameTable(String from, String to) {
    return dialect == Dialect.MYSQL ? "ALTER TABLE " + from + " RENAME " + to + ";" : "ALTER TABLE " + from + " RENAME TO " + to + ";";
  }

  String renameView(String from, String to) {
    return switch (dialect) {
      case MYSQL -> "RENAME TABLE " + from + " TO " + to + ";";
      case POSTGRESQL -> "ALTER TABLE " + from + " RENAME TO " + to + ";";
      default -> "ALTER VIEW " + from + " RENAME TO " + to + ";";
    };
  }

  String dropView(String view, boolean ifExists) {
    return "DROP VIEW " + (ifExists ? "IF EXISTS " : "") + view + ";";
  }

  String dropIndex(String index, String table) {
    return dialect == Dialect.MYSQL && table != null ? "DROP INDEX " + index + " ON " + table + ";" : "DROP INDEX " + index + ";";
  }

  String dropForeignKey(String table, String constraint) {
    return dialect == Dialect.MYSQL
        ? "ALTER TABLE " + table + " DROP FOREIGN KEY " + id(constraint) + ";"
        : "ALTER TABLE " + table + " DROP CONSTRAINT " + id(constraint) + ";";
  }

  String dropUnique(String table, String constraint) {
    return dialect == Dialect.MYSQL
        ? "ALTER TABLE " + table + " DROP KEY " + id(constraint) + ";"
        : "ALTER TABLE " + table + " DROP CONSTRAINT " + id(constraint) + ";";
  }

  String dropPrimaryKey(String table, String bareTable, String constraint) {
    if (dialect == Dialect.MYSQL) {
      return "ALTER TABLE " + table + " DROP PRIMARY KEY;";
    }
    return "ALTER TABLE " + table + " DROP CONSTRAINT " + id(constraint != null ? constraint : bareTable + "_pkey") + ";";
  }

  String dropConstraint(String table, String constraint) {
    return "ALTER TABLE " + table + " DROP CONSTRAINT " + id(constraint) + ";";
  }

  String dropNotNull(String table, String column, String type) {
    if (dialect == Dialect.MYSQL) {
      return "ALTER TABLE " + table + " MODIFY " + id(column) + (type == null ? "" : " " + type) + " NULL;";
    }
    return "ALTER TABLE " + table + " ALTER COLUMN " + id(column) + " DROP NOT NULL;";
  }

  String dropDefault(String table, String column) {
    return "ALTER TABLE " + table + " ALTER COLUMN " + id(column) + " DROP DEFAULT;";
  }

  String drop(String kind, String name) {
    return "DROP " + kind + " " + name + ";";
  }

  String delete(String table, String where) {
    return "DELETE FROM " + table + (where == null ? "" : " WHERE " + where) + ";";
  }

  String update(String table, List<String> assignments, String where) {
    return "UPDATE " + table + " SET " + String.join(", ", assignments) + (where == null ? "" : " WHERE " + where) + ";";
  }

  /** A literal value as Liquibase writes it. */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
