package dev.airlock.gateway.db;

import dev.airlock.gateway.sql.Refused;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The values an agent passes for {@code $1, $2, ...}: strings, numbers, booleans and null. They are
 * stored with an approval request as JSON texts ({@code "abc"}, {@code 42}, {@code null}), so the
 * approved execution gets back exactly the values that were approved, type included. The driver
 * sends each as an untyped literal and the server infers its type from where it stands, as if it
 * had been written into the statement quoted.
 */
public final class Parameters {
  private Parameters() {}

  /** Refuses values that are not JSON scalars (objects, arrays, anything else). */
  public static List<Object> check(List<?> values) throws Refused {
    List<Object> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v != null
          && !(v instanceof String)
          && !(v instanceof Number)
          && !(v instanceof Boolean)) {
        throw new Refused(
            "parameters",
            "parameter $"
                + (i + 1)
                + " is "
                + kind(v)
                + "; parameters are strings, numbers, booleans or null");
      }
      if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
        throw new Refused("parameters", "parameter $" + (i + 1) + " is not a finite number");
      }
      out.add(v);
    }
    return out;
  }

  /** The JSON texts an approval request stores. */
  public static List<String> encode(List<Object> values) {
    List<String> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(Json.write(v));
    }
    return out;
  }

  /** The values back from their JSON texts; refused when one is not a JSON scalar. */
  public static List<Object> decode(List<String> texts) throws Refused {
    List<Object> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      try {
        out.add(Json.read(t));
      } catch (IllegalArgumentException e) {
        throw new Refused("parameters", "a stored parameter is not JSON: " + e.getMessage());
      }
    }
    return check(out);
  }

  public static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v == null) {
        ps.setNull(i + 1, Types.OTHER);
      } else {
        ps.setObject(i + 1, literal(v), Types.OTHER);
      }
    }
  }

  private static String literal(Object v) {
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    return String.valueOf(v);
  }

  private static String kind(Object v) {
    if (v instanceof java.util.Map) {
      return "an object";
    }
    if (v instanceof java.util.Collection) {
      return "an array";
    }
    return "a " + v.getClass().getSimpleName();
  }
}
