package dev.airlock.gateway.db;

import dev.airlock.gateway.sql.OneStatement;
import dev.airlock.gateway.sql.Refused;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tables a statement reads and writes, as PostgreSQL's planner resolved them: {@code EXPLAIN
 * (VERBOSE, FORMAT JSON)} runs nothing, and its plan names every relation with its schema, after
 * the search path, aliases, quoting, CTEs and views were resolved. Policy is checked against these
 * names, not against the text.
 */
public final class PlanTargets {
  private PlanTargets() {}

  /**
   * One relation in the plan.
   *
   * @param operation Insert, Update, Delete or Merge for the tables the statement writes; empty for
   *     the tables it reads
   */
  public record Relation(String schema, String name, String operation) {
    public String qualified() {
      return schema + "." + name;
    }

    public boolean written() {
      return !operation.isEmpty();
    }
  }

  public static List<Relation> of(Connection c, OneStatement statement, List<Object> values)
      throws SQLException, Refused {
    return of(c, statement.sql(), values);
  }

  /** The relations of a statement the driver runs as {@code sql} with {@code values}. */
  public static List<Relation> of(Connection c, String sql, List<Object> values)
      throws SQLException, Refused {
    String plan;
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN (VERBOSE, FORMAT JSON) " + sql)) {
      Parameters.bind(ps, values);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new Refused("unparsed", "PostgreSQL gave no plan for the statement");
        }
        plan = rs.getString(1);
      }
    }
    Set<Relation> out = new LinkedHashSet<>();
    for (JsonNode root : JsonMapper.shared().readTree(plan)) {
      walk(root.path("Plan"), out);
    }
    return new ArrayList<>(out);
  }

  private static void walk(JsonNode node, Set<Relation> out) {
    if (!node.isObject()) {
      return;
    }
    JsonNode relation = node.get("Relation Name");
    if (relation != null && relation.isString()) {
      String schema = node.path("Schema").isString() ? node.path("Schema").asString() : "";
      boolean modifies =
          node.path("Node Type").isString()
              && node.path("Node Type").asString().equals("ModifyTable");
      String operation =
          modifies && node.path("Operation").isString() ? node.path("Operation").asString() : "";
      out.add(new Relation(schema, relation.asString(), operation.toLowerCase(Locale.ROOT)));
      if (modifies
          && node.path("Conflict Resolution").isString()
          && node.path("Conflict Resolution").asString().equals("UPDATE")) {
        out.add(
            new Relation(
                schema, relation.asString(), "update")); // INSERT ... ON CONFLICT DO UPDATE
      }
    }
    for (JsonNode child : node.path("Plans")) {
      walk(child, out);
    }
  }
}
