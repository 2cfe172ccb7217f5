package dev.airlock.gateway.policy;

import dev.airlock.core.check.Checker;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.policy.Config;
import dev.airlock.core.rule.Severity;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlFrontend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Airlock's own rules say about a statement: the same frontend and rules as {@code airlock
 * check}, so {@code DELETE ... WHERE email LIKE '%test%'} meets {@code pattern-delete} here too.
 */
public final class RuleFindings {
  private RuleFindings() {}

  public static List<Finding> of(String statement) {
    return new Checker(Config.defaults())
        .check(new SourceText("statement", statement), new SqlFrontend(Dialect.POSTGRESQL))
        .findings();
  }

  /** True when a finding is high or critical: such a write always goes to a person. */
  public static boolean serious(List<Finding> findings) {
    return findings.stream().anyMatch(f -> f.severity().atLeast(Severity.HIGH));
  }

  public static List<Map<String, Object>> toMaps(List<Finding> findings) {
    return findings.stream()
        .map(
            f -> {
              Map<String, Object> m = new LinkedHashMap<String, Object>();
              m.put("id", f.rule().id());
              m.put("severity", f.severity().id());
              m.put("message", f.fullMessage());
              return m;
            })
        .toList();
  }
}
