package dev.airlock.gateway.engine;

import dev.airlock.core.finding.Finding;
import dev.airlock.gateway.db.ResultRows;
import dev.airlock.gateway.db.Trial;
import dev.airlock.gateway.policy.RuleFindings;
import dev.airlock.gateway.policy.WriteDecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A write's preview as the agent, the approval request and the console see it: {@code totalRows},
 * {@code rowsPerTable}, {@code samples}, {@code rules}, {@code locks}, and what {@code execute}
 * would do with it.
 */
final class Previews {
  private Previews() {}

  static Map<String, Object> of(
      String statement,
      Optional<String> target,
      Trial.Outcome o,
      List<Finding> findings,
      WriteDecision decision) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statement", statement);
    m.put("rolledBack", true);
    m.put("totalRows", o.totalRows());
    m.put("statementRows", o.updateCount());
    m.put("rowsPerTable", o.tables().stream().map(Trial.TableRows::toMap).toList());
    List<Map<String, Object>> samples = new ArrayList<>();
    o.sample()
        .ifPresent(
            s ->
                samples.add(
                    sample(
                        target.orElse("?"), "the rows the statement selects, before it ran", s)));
    o.returning().ifPresent(r -> samples.add(sample(target.orElse("?"), "RETURNING", r)));
    m.put("samples", samples);
    m.put("rules", RuleFindings.toMaps(findings));
    m.put("locks", o.locks().stream().map(Trial.Lock::toMap).toList());
    m.put("decision", decisionMap(decision));
    return m;
  }

  /** For a statement the gateway does not dry-run (DDL the policy lets a person approve). */
  static Map<String, Object> notRun(
      String statement, List<Finding> findings, WriteDecision decision) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statement", statement);
    m.put("previewed", false);
    m.put("why", "the gateway dry-runs only INSERT, UPDATE, DELETE and MERGE");
    m.put("rules", RuleFindings.toMaps(findings));
    m.put("decision", decisionMap(decision));
    return m;
  }

  static Map<String, Object> decisionMap(WriteDecision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("decision", d.verdict().id());
    m.put("rule", d.rule());
    m.put("reason", d.reason());
    return m;
  }

  private static Map<String, Object> sample(String table, String what, ResultRows rows) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("table", table);
    m.put("what", what);
    m.put("columns", rows.columns());
    m.put("rows", rows.rows());
    m.put("truncated", rows.truncated());
    return m;
  }

  /** "4 rows: public.customers 1 deleted, public.orders 3 deleted". */
  static String rows(Trial.Outcome o) {
    StringBuilder sb =
        new StringBuilder().append(o.totalRows()).append(o.totalRows() == 1 ? " row" : " rows");
    String sep = ": ";
    for (Trial.TableRows t : o.tables()) {
      sb.append(sep).append(t.table());
      if (t.inserted() > 0) {
        sb.append(' ').append(t.inserted()).append(" inserted");
      }
      if (t.updated() > 0) {
        sb.append(' ').append(t.updated()).append(" updated");
      }
      if (t.deleted() > 0) {
        sb.append(' ').append(t.deleted()).append(" deleted");
      }
      sep = ", ";
    }
    return sb.toString();
  }
}
