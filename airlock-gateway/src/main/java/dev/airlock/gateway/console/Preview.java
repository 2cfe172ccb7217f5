package dev.airlock.gateway.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request's preview as the console shows it: rows per table, sample rows, rules, locks, and
 * whatever else the gateway put in, read tolerantly so that a field the console does not know
 * is still shown rather than dropped. {@code airlock approvals show} prints the same reading.
 */
public record Preview(
    Optional<Long> totalRows,
    List<TableRows> rowsPerTable,
    List<Sample> samples,
    List<RuleHit> rules,
    List<String> locks,
    Optional<String> notRun,
    Optional<String> policy,
    Map<String, JsonNode> other,
    Optional<String> unreadable) {

  /** Rows one table would lose or gain; {@code change} is "3 deleted", "1 inserted, 2 updated" or empty. */
  public record TableRows(String table, long rows, String change) {}

  /** @param what what these rows are ("the rows the statement selects, before it ran", "RETURNING") */
  public record Sample(String table, String what, List<String> columns, List<List<String>> rows, boolean truncated) {}

  public record RuleHit(String id, String severity, String message) {}

  private static final Set<String> TOTAL = Set.of("totalRows", "total_rows", "rows", "rowCount", "row_count");
  private static final Set<String> PER_TABLE = Set.of("rowsPerTable", "rows_per_table", "tables", "affected");
  private static final Set<String> SAMPLES = Set.of("samples", "sampleRows", "sample_rows", "sample");
  private static final Set<String> RULES = Set.of("rules", "findings");
  private static final Set<String> LOCKS = Set.of("locks");
  /** Shown elsewhere on the page (the statement card) or implied by it (the dry run rolled back). */
  private static final Set<String> SHOWN_ELSEWHERE = Set.of("statement", "rolledBack", "statementRows");

  public static Preview parse(String json) {
    JsonNode root;
    try {
      root = JsonMapper.shared().readTree(json == null ? "" : json);
    } catch (JacksonException e) {
      return unreadable(json);
    }
    if (root == null || !root.isObject()) {
      return unreadable(json);
    }
    Optional<Long> total = Optional.empty();
    List<TableRows> perTable = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    List<RuleHit> rules = new ArrayList<>();
    List<String> locks = new ArrayList<>();
    Optional<String> notRun = Optional.empty();
    Optional<String> policy = Optional.empty();
    Map<String, JsonNode> other = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      String k = field.getKey();
      JsonNode v = field.getValue();
      if (TOTAL.contains(k) && v.isIntegralNumber()) {
        total = Optional.of(v.asLong());
      } else if (PER_TABLE.contains(k) && (v.isObject() || v.isArray())) {
        perTable.addAll(tableRows(v));
      } else if (SAMPLES.contains(k) && v.isArray()) {
        v.forEach(s -> sample(s).ifPresent(samples::add));
      } else if (RULES.contains(k) && v.isArray()) {
        v.forEach(r -> rules.add(rule(r)));
      } else if (LOCKS.contains(k) && v.isArray()) {
        v.forEach(l -> locks.add(lock(l)));
      } else if (k.equals("previewed") && v.isBoolean() && !v.asBoolean()) {
        notRun = Optional.of(first(root, "why").orElse("the gateway did not dry-run this statement"));
      } else if (k.equals("decision") && v.isObject()) {
        policy = Optional.of(policy(v));
      } else if (k.equals("why") || SHOWN_ELSEWHERE.contains(k)) {
        continue;
      } else {
        other.put(k, v);
      }
    }
    if (total.isEmpty() && !perTable.isEmpty()) {
      total = Optional.of(perTable.stream().mapToLong(TableRows::rows).sum());
    }
    return new Preview(total, perTable, samples, rules, locks, notRun, policy, other, Optional.empty());
  }

  private static Preview unreadable(String json) {
    return new Preview(
        Optional.empty(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), Map.of(), Optional.ofNullable(json));
  }

  /** The policy's verdict: "ask (writes-need-approval): every write on production needs a human". */
  private static String policy(JsonNode d) {
    String verdict = first(d, "decision", "verdict").orElse("?");
    String rule = first(d, "rule").map(r -> " (" + r + ")").orElse("");
    String reason = first(d, "reason").map(r -> ": " + r).orElse("");
    return verdict + rule + reason;
  }

  private static List<TableRows> tableRows(JsonNode v) {
    List<TableRows> out = new ArrayList<>();
    if (v.isObject()) {
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        out.add(new TableRows(e.getKey(), e.getValue().asLong(0), ""));
      }
    } else {
      for (JsonNode t : v) {
        String table = first(t, "table", "name", "relation").orElse("?");
        long rows = t.has("rows") ? t.get("rows").asLong(0) : t.path("count").asLong(0);
        List<String> change = new ArrayList<>();
        for (String kind : List.of("inserted", "updated", "deleted")) {
          long n = t.path(kind).asLong(0);
          if (n > 0) {
            change.add(n + " " + kind);
          }
        }
        out.add(new TableRows(table, rows, String.join(", ", change)));
      }
    }
    return out;
  }

  private static Optional<Sample> sample(JsonNode s) {
    if (!s.isObject()) {
      return Optional.empty();
    }
    String table = first(s, "table", "name", "relation").orElse("");
    String what = first(s, "what", "description").orElse("");
    boolean truncated = s.path("truncated").asBoolean(false);
    JsonNode rows = s.path("rows");
    List<String> columns = new ArrayList<>();
    s.path("columns").forEach(c -> columns.add(text(c)));
    List<List<String>> cells = new ArrayList<>();
    if (columns.isEmpty()) {
      // rows as objects: the columns are the union of their keys, in first-seen order
      Set<String> keys = new LinkedHashSet<>();
      rows.forEach(r -> r.propertyNames().forEach(keys::add));
      columns.addAll(keys);
      rows.forEach(r -> cells.add(columns.stream().map(c -> r.has(c) ? text(r.get(c)) : "").toList()));
    } else {
      rows.forEach(r -> {
        List<String> row = new ArrayList<>();
        r.forEach(c -> row.add(text(c)));
        cells.add(row);
      });
    }
    return Optional.of(new Sample(table, what, columns, cells, truncated));
  }

  private static RuleHit rule(JsonNode r) {
    if (!r.isObject()) {
      return new RuleHit(text(r), "", "");
    }
    return new RuleHit(
        first(r, "id", "rule", "ruleId").orElse("?"),
        first(r, "severity", "level").orElse(""),
        first(r, "message", "summary", "detail").orElse(""));
  }

  private static String lock(JsonNode l) {
    if (!l.isObject()) {
      return text(l);
    }
    Optional<String> mode = first(l, "mode", "lock", "lockMode");
    Optional<String> on = first(l, "relation", "table", "object", "on");
    if (mode.isPresent() && on.isPresent()) {
      return mode.get() + " on " + on.get();
    }
    List<String> parts = new ArrayList<>();
    l.properties().forEach(e -> parts.add(e.getKey() + "=" + text(e.getValue())));
    return String.join(", ", parts);
  }

  private static Optional<String> first(JsonNode n, String... names) {
    for (String name : names) {
      JsonNode v = n.get(name);
      if (v != null && !v.isNull() && !v.isContainer()) {
        return Optional.of(text(v));
      }
    }
    return Optional.empty();
  }

  /** A cell's text: strings as they are, null as NULL, anything else as JSON. */
  static String text(JsonNode v) {
    if (v == null || v.isNull()) {
      return "NULL";
    }
    return v.isString() ? v.asString() : v.toString();
  }
}
