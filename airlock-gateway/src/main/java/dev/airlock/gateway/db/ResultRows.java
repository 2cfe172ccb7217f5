package dev.airlock.gateway.db;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows as plain JSON values: numbers and booleans as such, everything else (timestamps, json,
 * arrays, bytea, ...) in PostgreSQL's own text form, which is exact and readable.
 *
 * @param truncated true when there were more rows than the cap
 */
public record ResultRows(List<String> columns, List<List<Object>> rows, boolean truncated) {

  /** Reads at most {@code cap} rows; one more is read to know whether the cap cut any off. */
  public static ResultRows read(ResultSet rs, int cap) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String> columns = new ArrayList<>(n);
    List<String> types = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      columns.add(md.getColumnLabel(i));
      types.add(md.getColumnTypeName(i).toLowerCase(Locale.ROOT));
    }
    List<List<Object>> rows = new ArrayList<>();
    boolean truncated = false;
    while (rs.next()) {
      if (rows.size() == cap) {
        truncated = true;
        break;
      }
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(value(rs, i, types.get(i - 1)));
      }
      rows.add(row);
    }
    return new ResultRows(columns, rows, truncated);
  }

  private static Object value(ResultSet rs, int i, String type) throws SQLException {
    Object v =
        switch (type) {
          case "int2", "int4", "serial", "smallserial" -> rs.getInt(i);
          case "int8", "bigserial", "oid" -> rs.getLong(i);
          case "numeric" -> rs.getBigDecimal(i);
          case "float4", "float8" -> finite(rs.getDouble(i), rs, i);
          case "bool" -> rs.getBoolean(i);
          default -> rs.getString(i);
        };
    return rs.wasNull() ? null : v;
  }

  private static Object finite(double d, ResultSet rs, int i) throws SQLException {
    return Double.isFinite(d) ? d : rs.getString(i);
  }

  /**
   * The rows as the tools answer them: {@code columns}, {@code rows}, {@code rowCount}, {@code
   * truncated}.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("columns", columns);
    m.put("rows", rows);
    m.put("rowCount", rows.size());
    m.put("truncated", truncated);
    return m;
  }
}
