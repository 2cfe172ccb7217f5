package dev.airlock.core.report;

import dev.airlock.core.check.CheckResult;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stable JSON report, schema version 1 (documented in docs/output.md). Fields are only ever
 * added; lines and columns are 1-based, end columns exclusive.
 */
final class JsonReporter implements Reporter {
  private final String toolVersion;

  JsonReporter(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  @Override
  public String render(CheckResult result) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", 1);
    root.put("tool", Json.object("name", "airlock", "version", toolVersion));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("files", result.files().size());
    summary.put("statements", result.statements());
    summary.put("findings", result.open().size());
    summary.put("acknowledged", result.acknowledged().size());
    Map<String, Object> bySeverity = new LinkedHashMap<>();
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      Severity s = Severity.values()[i];
      bySeverity.put(s.id(), result.open().stream().filter(f -> f.severity() == s).count());
    }
    summary.put("bySeverity", bySeverity);
    root.put("summary", summary);
    List<Object> findings = new ArrayList<>();
    for (Finding f : result.findings()) {
      findings.add(finding(f));
    }
    root.put("findings", findings);
    List<Object> warnings = new ArrayList<>();
    for (FileReport file : result.files()) {
      for (String w : file.warnings()) {
        warnings.add(Json.object("path", file.path(), "message", w));
      }
    }
    root.put("warnings", warnings);
    return Json.write(root);
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ruleId", f.rule().id());
    m.put("severity", f.severity().id());
    m.put("category", f.rule().category().id());
    m.put("message", f.fullMessage());
    m.put("path", f.path());
    m.put("line", f.span().startLine());
    m.put("column", f.span().startColumn());
    m.put("endLine", f.span().endLine());
    m.put("endColumn", f.span().endColumn());
    m.put("statement", f.statement());
    m.put("generatedSql", f.generatedSql().orElse(null));
    m.put("within", f.within().orElse(null));
    m.put("help", f.rule().saferWay());
    m.put("docs", f.rule().docUri());
    m.put(
        "suppression",
        f.suppression().map(s -> (Object) Json.object("reason", s.reason(), "line", s.span().startLine())).orElse(null));
    return m;
  }
}
