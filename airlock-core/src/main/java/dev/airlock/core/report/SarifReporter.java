package dev.airlock.core.report;

import dev.airlock.core.check.CheckResult;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.rule.RuleMeta;
import dev.airlock.core.rule.Severity;
import dev.airlock.core.rules.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0: every rule in the driver with its help and doc link, every finding as a result
 * with a 1-based region, acknowledged findings with an in-source suppression and its reason.
 */
final class SarifReporter implements Reporter {
  private final String toolVersion;

  SarifReporter(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  @Override
  public String render(CheckResult result) {
    List<Rules.Registered> registered = Rules.all();
    List<Object> rules = new ArrayList<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (Rules.Registered r : registered) {
      index.put(r.meta().id(), rules.size());
      rules.add(rule(r.meta()));
    }
    List<Object> results = new ArrayList<>();
    for (Finding f : result.findings()) {
      results.add(result(f, index.get(f.rule().id())));
    }
    List<Object> notifications = new ArrayList<>();
    for (FileReport file : result.files()) {
      for (String w : file.warnings()) {
        notifications.add(
            Json.object(
                "level", "warning",
                "message", Json.object("text", w),
                "locations", List.of(Json.object("physicalLocation", Json.object("artifactLocation", Json.object("uri", uri(file.path())))))));
      }
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "airlock");
    driver.put("version", toolVersion);
    driver.put("semanticVersion", toolVersion.replace("-SNAPSHOT", ""));
    driver.put("informationUri", "https://github.com/airlock-dev/airlock");
    driver.put("rules", rules);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Json.object("driver", driver));
    run.put("invocations", List.of(Json.object("executionSuccessful", true, "toolExecutionNotifications", notifications)));
    run.put("columnKind", "utf16CodeUnits");
    run.put("results", results);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    root.put("runs", List.of(run));
    return Json.write(root);
  }

  private static Map<String, Object> rule(RuleMeta m) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", m.id());
    r.put("name", pascal(m.id()));
    r.put("shortDescription", Json.object("text", m.summary()));
    r.put("fullDescription", Json.object("text", m.why()));
    r.put("help", Json.object("text", m.saferWay(), "markdown", m.saferWay() + " See [" + m.id() + "](" + m.docUri() + ")."));
    r.put("helpUri", m.docUri());
    r.put("defaultConfiguration", Json.object("level", level(m.severity())));
    r.put(
        "properties",
        Json.object("category", m.category().id(), "severity", m.severity().id(), "tags", List.of(m.category().id()), "security-severity", securitySeverity(m.severity())));
    if (!m.oldIds().isEmpty()) {
      r.put("deprecatedIds", m.oldIds());
    }
    return r;
  }

  private static Map<String, Object> result(Finding f, int ruleIndex) {
    Map<String, Object> region = new LinkedHashMap<>();
    region.put("startLine", f.span().startLine());
    region.put("startColumn", f.span().startColumn());
    region.put("endLine", f.span().endLine());
    region.put("endColumn", f.span().endColumn());
    region.put("snippet", Json.object("text", f.statement()));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("ruleId", f.rule().id());
    r.put("ruleIndex", ruleIndex);
    r.put("level", level(f.severity()));
    r.put("message", Json.object("text", f.fullMessage()));
    r.put(
        "locations",
        List.of(Json.object("physicalLocation", Json.object("artifactLocation", Json.object("uri", uri(f.path())), "region", region))));
    f.suppression()
        .ifPresent(s -> r.put("suppressions", List.of(Json.object("kind", "inSource", "status", "accepted", "justification", s.reason()))));
    Map<String, Object> properties = Json.object("severity", f.severity().id(), "category", f.rule().category().id());
    f.generatedSql().ifPresent(sql -> properties.put("generatedSql", sql));
    r.put("properties", properties);
    return r;
  }

  private static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW -> "note";
    };
  }

  /** GitHub code scanning reads this to rank security results. */
  private static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "2.0";
    };
  }

  private static String uri(String path) {
    StringBuilder sb = new StringBuilder();
    for (char c : path.replace('\\', '/').toCharArray()) {
      if (c == ' ' || c == '%' || c == '#' || c == '?') {
        sb.append(String.format("%%%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String pascal(String id) {
    StringBuilder sb = new StringBuilder();
    for (String part : id.split("-")) {
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.toString();
  }
}
