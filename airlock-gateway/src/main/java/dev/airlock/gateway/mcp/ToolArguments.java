package dev.airlock.gateway.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments of one tool call, read strictly: every name must be one the tool takes, every
 * value of the type its schema says, so an agent learns from the error what to send instead of
 * getting a guess.
 */
final class ToolArguments {
  /** The longest statement a tool accepts; more is refused before it reaches the gateway. */
  static final int MAX_STATEMENT_CHARS = 1_000_000;

  private final String tool;
  private final Map<String, Object> values;

  private ToolArguments(String tool, Map<String, Object> values) {
    this.tool = tool;
    this.values = values;
  }

  static ToolArguments of(String tool, Map<String, Object> values, Set<String> accepted) {
    Map<String, Object> v = values == null ? Map.of() : values;
    Set<String> unknown = new TreeSet<>(v.keySet());
    unknown.removeAll(accepted);
    if (!unknown.isEmpty()) {
      throw new ArgumentException(
          tool + " takes " + (accepted.isEmpty() ? "no arguments" : names(accepted)) + "; " + names(unknown)
              + (unknown.size() == 1 ? " is not one of them" : " are not among them"));
    }
    return new ToolArguments(tool, v);
  }

  /** A required, non-blank string. */
  String text(String name, String what) {
    Object v = values.get(name);
    if (v == null) {
      throw new ArgumentException(tool + " needs `" + name + "`: " + what);
    }
    if (!(v instanceof String s)) {
      throw new ArgumentException("`" + name + "` must be a string, not " + typeOf(v));
    }
    if (s.isBlank()) {
      throw new ArgumentException("`" + name + "` is empty: " + what);
    }
    return s;
  }

  /** The SQL statement, at most {@link #MAX_STATEMENT_CHARS} characters. */
  String statement() {
    String sql = text("sql", "the SQL statement, as a string");
    if (sql.length() > MAX_STATEMENT_CHARS) {
      throw new ArgumentException(
          String.format(
              Locale.ROOT,
              "`sql` is %,d characters; the gateway takes statements of up to %,d characters",
              sql.length(),
              MAX_STATEMENT_CHARS));
    }
    return sql;
  }

  /** The optional {@code params}: strings, numbers, booleans and nulls, in placeholder order. */
  List<Object> parameters() {
    Object v = values.get("params");
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw new ArgumentException("`params` must be an array of values for the statement's placeholders, not " + typeOf(v));
    }
    List<Object> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object p = list.get(i);
      if (p instanceof Map || p instanceof List) {
        throw new ArgumentException("`params[" + i + "]` is " + typeOf(p) + "; a parameter is a string, a number, a boolean or null");
      }
      out.add(p);
    }
    return out;
  }

  private static String names(Set<String> names) {
    List<String> quoted = names.stream().sorted().map(n -> "`" + n + "`").toList();
    if (quoted.size() == 1) {
      return quoted.get(0);
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
  }

  static String typeOf(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Number) {
      return "a number";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v instanceof List) {
      return "an array";
    }
    return v instanceof Map ? "an object" : "a " + v.getClass().getSimpleName();
  }
}
