package dev.airlock.gateway.policy;

import dev.airlock.core.finding.Finding;
import dev.airlock.core.policy.GatewayPolicy.Access;
import dev.airlock.core.policy.GatewayPolicy.Group;
import dev.airlock.core.policy.GatewayPolicy.Kind;
import dev.airlock.core.policy.GatewayPolicy.Rules;
import dev.airlock.core.policy.GatewayPolicy.Verb;
import dev.airlock.gateway.db.Catalog;
import dev.airlock.gateway.db.PlanTargets.Relation;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one identity's rules in one environment to a statement: its kind, the tables the planner
 * says it reads and writes, what Airlock's rules found, and the rows it touched. Each step answers
 * allow, ask or deny with a reason; the strictest answer stands.
 */
public final class Judge {
  private static final Set<Kind> ROW_BOUNDED = Set.of(Kind.UPDATE, Kind.DELETE, Kind.MERGE);

  private final Rules rules;

  public Judge(Rules rules) {
    this.rules = rules;
  }

  public Rules rules() {
    return rules;
  }

  /** Refuses a kind the environment denies, and the kinds no policy may allow. */
  public Optional<WriteDecision> kind(Kind kind, String head) {
    if (!rules.denies(kind)) {
      return Optional.empty();
    }
    String reason =
        switch (kind) {
          case TRANSACTION ->
              "`"
                  + head
                  + "` is transaction control; the gateway runs every call in its own transaction";
          case SESSION ->
              "`"
                  + head
                  + "` would change the gateway's own session (roles, settings, prepared statements); never accepted";
          case UNKNOWN ->
              "the gateway cannot tell what a statement starting with `"
                  + head
                  + "` does, so it does not run it";
          default ->
              "`"
                  + head
                  + "` is a "
                  + kind.id()
                  + " statement ("
                  + kind.group().id()
                  + "), which the policy denies to `"
                  + rules.identity()
                  + "` in environment `"
                  + rules.environment()
                  + "` (airlock.yaml gateway deny)";
        };
    return Optional.of(
        WriteDecision.deny(
            kind.group() == Group.NEVER ? "gateway.never" : "gateway.denied-kind", reason));
  }

  /** The tables a write reads and writes, against the identity's grants. */
  public WriteDecision tables(List<Relation> relations) {
    WriteDecision d = WriteDecision.allow("every table is granted");
    List<Relation> written = relations.stream().filter(Relation::written).toList();
    for (Relation r : relations) {
      if (Catalog.HIDDEN_SCHEMAS.contains(r.schema())) {
        return protectedSchema(r);
      }
      boolean target =
          written.stream()
              .anyMatch(w -> w.schema().equals(r.schema()) && w.name().equals(r.name()));
      if (!r.written() && !target) {
        d = d.max(verb(Verb.SELECT, r));
      }
    }
    for (Relation w : written) {
      for (Verb v : verbs(w.operation())) {
        d = d.max(verb(v, w));
      }
    }
    if (written.isEmpty()) {
      return WriteDecision.deny(
          "gateway.no-write", "the plan writes no table; run reads with query");
    }
    return d;
  }

  /** The tables a read reads, against the identity's SELECT grants. */
  public WriteDecision reads(List<Relation> relations) {
    WriteDecision d = WriteDecision.allow("every table is granted");
    for (Relation r : relations) {
      if (Catalog.HIDDEN_SCHEMAS.contains(r.schema())) {
        return protectedSchema(r);
      }
      d = d.max(verb(Verb.SELECT, r));
    }
    return d;
  }

  /** A finding of high or critical severity sends the write to a person, whatever the grants. */
  public WriteDecision findings(List<Finding> findings) {
    return findings.stream()
        .filter(f -> f.severity().atLeast(dev.airlock.core.rule.Severity.HIGH))
        .max(Comparator.comparing(Finding::severity))
        .map(f -> WriteDecision.ask(f.rule().id(), f.fullMessage()))
        .orElse(WriteDecision.allow("no rule found anything serious"));
  }

  /**
   * A write that updates or deletes anywhere (an UPDATE, a DELETE, a MERGE, an upsert, a DELETE in
   * a WITH that feeds an INSERT) may touch at most max-rows rows without approval.
   */
  public WriteDecision rows(Kind kind, List<Relation> relations, long rows) {
    boolean bounded =
        ROW_BOUNDED.contains(kind)
            || relations.stream().anyMatch(r -> r.written() && !r.operation().equals("insert"));
    if (bounded && rows > rules.maxRows()) {
      return WriteDecision.ask(
          "gateway.max-rows",
          "touches "
              + rows
              + " row"
              + (rows == 1 ? "" : "s")
              + ", more than max-rows "
              + rules.maxRows()
              + " in environment `"
              + rules.environment()
              + "`");
    }
    return WriteDecision.allow("within max-rows");
  }

  /** Statements other than INSERT, UPDATE, DELETE and MERGE that the policy does not deny. */
  public WriteDecision notDml(Kind kind, String head) {
    return WriteDecision.ask(
        "gateway.needs-approval",
        "`"
            + head
            + "` is a "
            + kind.id()
            + " statement; the gateway does not dry-run it, and a person approves it first");
  }

  private WriteDecision verb(Verb verb, Relation r) {
    Access a = rules.access(verb, r.schema(), r.name());
    String table = "`" + r.qualified() + "`";
    return switch (a) {
      case ALLOW -> WriteDecision.allow(verb.id() + " on " + table + " is granted");
      case ASK ->
          WriteDecision.ask(
              "gateway.needs-approval",
              "the policy asks a person before every write by `"
                  + rules.identity()
                  + "` ("
                  + verb.id()
                  + " on "
                  + table
                  + "; airlock.yaml grants no tables)");
      case DENY ->
          WriteDecision.deny(
              "gateway.table-not-granted",
              "`"
                  + rules.identity()
                  + "` may not "
                  + verb.id()
                  + (verb == Verb.SELECT ? " from " : verb == Verb.INSERT ? " into " : " ")
                  + table
                  + " (not in airlock.yaml "
                  + rules.grantKey(verb)
                  + ")");
    };
  }

  private static WriteDecision protectedSchema(Relation r) {
    return WriteDecision.deny(
        "gateway.protected-schema",
        "`"
            + r.qualified()
            + "` is in a schema the gateway keeps to itself (its approvals and audit log, or the system catalog)");
  }

  private static List<Verb> verbs(String operation) {
    return switch (operation.toLowerCase(Locale.ROOT)) {
      case "insert" -> List.of(Verb.INSERT);
      case "update" -> List.of(Verb.UPDATE);
      case "delete" -> List.of(Verb.DELETE);
      default -> List.of(Verb.INSERT, Verb.UPDATE, Verb.DELETE); // MERGE may do all three
    };
  }
}
