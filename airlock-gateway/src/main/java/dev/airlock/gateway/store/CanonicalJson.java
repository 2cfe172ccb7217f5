package dev.airlock.gateway.store;

import dev.airlock.core.report.Json;
import java.util.List;
import java.util.Map;

/**
 * Compact JSON, one line, keys in the order given: the form that is hashed and exported. It is
 * kept here rather than in the report writer because every stored hash depends on it byte for
 * byte; only the string escaping is shared with {@link Json}.
 */
final class CanonicalJson {
  private CanonicalJson() {}

  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String s) {
      Json.string(sb, s);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      sb.append(value);
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(sep);
        Json.string(sb, (String) e.getKey());
        sb.append(':');
        write(sb, e.getValue());
        sep = ",";
      }
      sb.append('}');
    } else if (value instanceof List<?> list) {
      sb.append('[');
      String sep = "";
      for (Object o : list) {
        sb.append(sep);
        write(sb, o);
        sep = ",";
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("not canonical JSON: " + value.getClass().getName());
    }
  }
}
