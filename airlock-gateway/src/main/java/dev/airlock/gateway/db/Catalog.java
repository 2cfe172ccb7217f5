package dev.airlock.gateway.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the agent may learn about the schema, from the system catalog: tables and views outside the
 * system schemas and the store's own schema {@code airlock}, their columns, keys and the foreign
 * keys that point at them.
 */
public final class Catalog {
  /** Schemas the gateway never lists, reads through a plan check, or writes. */
  public static final List<String> HIDDEN_SCHEMAS =
      List.of("pg_catalog", "information_schema", "airlock");

  private Catalog() {}

  /** A table, view or materialized view. */
  public record Table(
      long oid,
      String schema,
      String name,
      String kind,
      Optional<Long> estimatedRows,
      Optional<String> comment) {
    public String qualified() {
      return schema + "." + name;
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("schema", schema);
      m.put("name", name);
      m.put("kind", kind);
      m.put("estimatedRows", estimatedRows.orElse(null));
      comment.ifPresent(c -> m.put("comment", c));
      return m;
    }
  }

  /** One column: its type as PostgreSQL prints it, whether it takes null, its default. */
  public record Column(
      String name,
      String type,
      boolean nullable,
      Optional<String> defaultValue,
      Optional<String> comment) {
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("type", type);
      m.put("nullable", nullable);
      defaultValue.ifPresent(d -> m.put("default", d));
      comment.ifPresent(c -> m.put("comment", c));
      return m;
    }
  }

  private static final String TABLE_COLUMNS =
      "SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltuples::bigint, obj_description(c.oid, 'pg_class')"
          + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace";

  public static List<Table> tables(Connection c) throws SQLException {
    List<Table> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            TABLE_COLUMNS
                + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition"
                + " AND n.nspname <> ALL (?) AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'"
                + " ORDER BY n.nspname, c.relname")) {
      ps.setArray(1, c.createArrayOf("text", HIDDEN_SCHEMAS.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(table(rs));
        }
      }
    }
    return out;
  }

  /** The table a name resolves to on the search path ({@code orders}, {@code public."Orders"}). */
  public static Optional<Table> resolve(Connection c, String name) throws SQLException {
    var savepoint = c.setSavepoint();
    try (PreparedStatement ps =
        c.prepareStatement(
            TABLE_COLUMNS
                + " WHERE c.oid = to_regclass(?) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        Optional<Table> t = rs.next() ? Optional.of(table(rs)) : Optional.empty();
        c.releaseSavepoint(savepoint);
        return t.filter(x -> !HIDDEN_SCHEMAS.contains(x.schema()));
      }
    } catch (SQLException e) {
      c.rollback(savepoint); // a name PostgreSQL cannot even parse names no table
      return Optional.empty();
    }
  }

  private static Table table(ResultSet rs) throws SQLException {
    long rows = rs.getLong(5);
    String kind =
        switch (rs.getString(4)) {
          case "v" -> "view";
          case "m" -> "materialized view";
          case "f" -> "foreign table";
          case "p" -> "partitioned table";
          default -> "table";
        };
    return new Table(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        kind,
        rows < 0 ? Optional.empty() : Optional.of(rows),
        Optional.ofNullable(rs.getString(6)));
  }

  public static List<Column> columns(Connection c, long table) throws SQLException {
    List<Column> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid),"
                + " col_description(a.attrelid, a.attnum)"
                + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
      ps.setLong(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Column(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getBoolean(3),
                  Optional.ofNullable(rs.getString(4)),
                  Optional.ofNullable(rs.getString(5))));
        }
      }
    }
    return out;
  }

  public static List<String> primaryKey(Connection c, long table) throws SQLException {
    return strings(
        c,
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
            + " WHERE i.indrelid = ?::oid AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)",
        table);
  }

  /**
   * This table's foreign keys, as {@code FOREIGN KEY (customer_id) REFERENCES customers(id) ON
   * DELETE CASCADE}.
   */
  public static List<String> foreignKeys(Connection c, long table) throws SQLException {
    return strings(
        c,
        "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::oid AND contype = 'f' ORDER BY conname",
        table);
  }

  /** The foreign keys of other tables that point at this one: rows there go with rows here. */
  public static List<String> referencedBy(Connection c, long table) throws SQLException {
    return strings(
        c,
        "SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
            + " WHERE confrelid = ?::oid AND contype = 'f' ORDER BY 1",
        table);
  }

  private static List<String> strings(Connection c, String sql, long table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
