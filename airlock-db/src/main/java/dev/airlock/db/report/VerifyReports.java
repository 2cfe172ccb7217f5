package dev.airlock.db.report;

import dev.airlock.core.report.Json;
import dev.airlock.db.catalog.Change;
import dev.airlock.db.verify.BrokenDependent;
import dev.airlock.db.verify.DataLoss;
import dev.airlock.db.verify.Finding;
import dev.airlock.db.verify.RollbackPlan;
import dev.airlock.db.verify.StatementResult;
import dev.airlock.db.verify.VerifyReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link VerifyReport} as text (summary first), JSON, Markdown or a self-contained HTML
 * page ({@link HtmlReport}). Returns strings.
 */
public final class VerifyReports {
  private VerifyReports() {}

  public static String render(VerifyReport r, String format) {
    return switch (format) {
      case "json" -> json(r);
      case "markdown", "md" -> markdown(r);
      case "html" -> html(r);
      default -> text(r);
    };
  }

  public static String text(VerifyReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("airlock verify: ").append(String.join(", ", r.files())).append(" on ").append(r.database());
    r.environment().ifPresent(e -> sb.append(" [environment: ").append(e).append(']'));
    sb.append("\n(ran in one transaction, then ROLLBACK: nothing was committed)\n\n");
    for (Finding f : r.findings()) {
      sb.append(String.format(Locale.ROOT, "%-9s %s%n", f.severity().label().toUpperCase(Locale.ROOT), f.message()));
    }
    if (r.findings().isEmpty()) {
      sb.append("No findings: every statement ran, nothing was destroyed or broken.\n");
    }
    sb.append('\n').append(summary(r)).append("\n\n");
    sb.append("Statements\n");
    for (StatementResult s : r.statements()) {
      sb.append(String.format(Locale.ROOT, "  %3d  %-16s %s  %s%n", s.index(), status(s), s.location(), s.head()));
      if (s.status() == StatementResult.Status.OK || s.status() == StatementResult.Status.ERROR) {
        sb.append(String.format(Locale.ROOT, "       %s%s%n", ms(s.micros()), s.rows() >= 0 ? String.format(Locale.ROOT, ", %,d rows", s.rows()) : ""));
      }
      if (!s.locks().isEmpty()) {
        sb.append("       locks: ").append(String.join(", ", s.locks().stream().map(Object::toString).toList())).append('\n');
      }
      s.error().ifPresent(e -> e.lines().forEach(l -> sb.append("       ").append(l).append('\n')));
      if (!s.note().isEmpty()) {
        sb.append("       note: ").append(s.note()).append('\n');
      }
    }
    sb.append("\nCatalog changes\n");
    if (r.diff().isEmpty()) {
      sb.append("  (none)\n");
    }
    for (Change c : r.diff().changes()) {
      sb.append("  ").append(sign(c)).append(' ').append(c.describe()).append('\n');
    }
    sb.append("\nData at risk\n");
    if (r.dataLoss().isEmpty()) {
      sb.append("  (none)\n");
    }
    for (DataLoss l : r.dataLoss()) {
      sb.append("  statement ").append(l.statement()).append(' ').append(l.rows() < 0 ? l.action() + " " + l.table() + ": rows not counted" : l.describe()).append('\n');
    }
    sb.append("\nDependents broken\n");
    if (r.broken().isEmpty()) {
      sb.append("  (none)\n");
    }
    for (BrokenDependent b : r.broken()) {
      sb.append("  ").append(b.describe()).append('\n');
    }
    r.plan().ifPresent(p -> sb.append("\nRollback plan\n  ").append(planLine(p)).append('\n'));
    if (!r.prepared().isEmpty()) {
      sb.append("\nPrepared\n");
      r.prepared().forEach(p -> sb.append("  ").append(p).append('\n'));
    }
    return sb.toString();
  }

  static String summary(VerifyReport r) {
    Map<Finding.Severity, Integer> n = new LinkedHashMap<>();
    for (Finding f : r.findings()) {
      n.merge(f.severity(), 1, Integer::sum);
    }
    List<String> sev = new ArrayList<>();
    n.forEach((k, v) -> sev.add(v + " " + k.label()));
    return String.format(
        Locale.ROOT,
        "%d statement%s: %d ran, %d failed, %d skipped, %d not dry-runnable; %s; %s in total",
        r.statements().size(),
        r.statements().size() == 1 ? "" : "s",
        r.count(StatementResult.Status.OK),
        r.count(StatementResult.Status.ERROR),
        r.count(StatementResult.Status.SKIPPED),
        r.count(StatementResult.Status.NOT_DRY_RUNNABLE),
        sev.isEmpty() ? "no findings" : String.join(", ", sev),
        ms(r.totalMicros()));
  }

  static String planLine(RollbackPlan p) {
    String s = p.backup().size() + " backup steps (run BEFORE the migration), " + p.restore().size() + " restore steps; ";
    if (!p.tested()) {
      return s + "not tested";
    }
    s += p.restoresCatalog() && p.restoresRows() ? "tested: backup, migration and restore give back the original catalog and row counts" : "tested: it does NOT restore the original (" + String.join("; ", p.residue()) + ")";
    if (!p.manual().isEmpty()) {
      s += "; by hand: " + String.join("; ", p.manual());
    }
    return s;
  }

  static String status(StatementResult s) {
    return switch (s.status()) {
      case OK -> "ok";
      case ERROR -> "ERROR";
      case SKIPPED -> "skipped";
      case NOT_DRY_RUNNABLE -> "not dry-runnable";
    };
  }

  static String sign(Change c) {
    return switch (c.type()) {
      case ADDED -> "+";
      case REMOVED -> "-";
      case CHANGED -> "~";
      case RENAMED -> ">";
    };
  }

  static String ms(long micros) {
    return micros >= 1_000_000 ? String.format(Locale.ROOT, "%.2f s", micros / 1e6) : String.format(Locale.ROOT, "%.1f ms", micros / 1e3);
  }

  public static String json(VerifyReport r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("database", r.database());
    root.put("environment", r.environment().orElse(null));
    root.put("files", r.files());
    root.put("committed", false);
    root.put("summary", summary(r));
    root.put("findings", r.findings().stream().map(f -> Json.object("severity", f.severity().label(), "statement", f.statement(), "message", f.message())).toList());
    root.put(
        "statements",
        r.statements().stream()
            .map(
                s -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("index", s.index());
                  m.put("file", s.file());
                  m.put("line", s.line());
                  m.put("column", s.column());
                  m.put("status", s.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                  m.put("sql", s.sql());
                  m.put("error", s.error().orElse(null));
                  m.put("micros", s.micros());
                  m.put("rows", s.rows() < 0 ? null : s.rows());
                  m.put("locks", s.locks().stream().map(l -> Json.object("relation", l.relation(), "mode", l.mode())).toList());
                  m.put("note", s.note().isEmpty() ? null : s.note());
                  return m;
                })
            .toList());
    root.put(
        "catalogChanges",
        r.diff().changes().stream()
            .map(
                c ->
                    Json.object(
                        "change", c.type().name().toLowerCase(Locale.ROOT),
                        "kind", c.kind(),
                        "name", c.name(),
                        "before", c.before().map(o -> o.definition()).orElse(null),
                        "after", c.after().map(o -> (Object) (c.type() == Change.Type.RENAMED ? o.name() : o.definition())).orElse(null)))
            .toList());
    root.put(
        "dataAtRisk",
        r.dataLoss().stream()
            .map(
                l ->
                    Json.object(
                        "statement", l.statement(), "action", l.action(), "table", l.table(), "columns", l.columns(),
                        "rows", l.rows() < 0 ? null : l.rows(), "nonNullValues", l.values() < 0 ? null : l.values(),
                        "valuesChanged", l.changed() < 0 ? null : l.changed()))
            .toList());
    root.put(
        "brokenDependents",
        r.broken().stream()
            .map(b -> Json.object("statement", b.statement(), "kind", b.kind(), "name", b.name(), "cause", b.cause(), "target", b.target(), "how", b.how(), "blocking", b.blocking()))
            .toList());
    root.put(
        "rollbackPlan",
        r.plan()
            .map(
                p ->
                    (Object)
                        Json.object(
                            "backup", p.backup(), "restore", p.restore(), "manual", p.manual(), "tested", p.tested(),
                            "restoresCatalog", p.restoresCatalog(), "restoresRows", p.restoresRows(), "residue", p.residue()))
            .orElse(null));
    root.put("prepared", r.prepared());
    root.put("totalMicros", r.totalMicros());
    return Json.write(root);
  }

  /** One HTML page, CSS inline, no script and no external asset: it opens from a file or a CI artifact. */
  public static String html(VerifyReport r) {
    return HtmlReport.render(r);
  }

  public static String markdown(VerifyReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("## airlock verify: ").append(String.join(", ", r.files().stream().map(VerifyReports::code).toList())).append("\n\n");
    sb.append("Ran on ").append(r.database());
    r.environment().ifPresent(e -> sb.append(" (environment **").append(e).append("**)"));
    sb.append(" in one transaction, then rolled back. ").append(summary(r)).append(".\n\n");
    if (!r.findings().isEmpty()) {
      sb.append("| Severity | Finding |\n|---|---|\n");
      for (Finding f : r.findings()) {
        sb.append("| ").append(f.severity() == Finding.Severity.CRITICAL ? "**critical**" : f.severity().label()).append(" | ").append(cell(f.message())).append(" |\n");
      }
      sb.append('\n');
    }
    sb.append("### Statements\n\n| # | Where | Status | Time | Rows | Locks | Statement |\n|---|---|---|---|---|---|---|\n");
    for (StatementResult s : r.statements()) {
      sb.append("| ").append(s.index()).append(" | ").append(code(s.location())).append(" | ").append(status(s))
          .append(" | ").append(s.status() == StatementResult.Status.OK || s.status() == StatementResult.Status.ERROR ? ms(s.micros()) : "")
          .append(" | ").append(s.rows() >= 0 ? String.valueOf(s.rows()) : "")
          .append(" | ").append(cell(String.join(", ", s.locks().stream().map(Object::toString).toList())))
          .append(" | ").append(code(s.head()))
          .append(s.error().map(e -> "<br>" + cell(e.lines().findFirst().orElse(""))).orElse(""))
          .append(s.note().isEmpty() ? "" : "<br>_" + cell(s.note()) + "_")
          .append(" |\n");
    }
    if (!r.diff().isEmpty()) {
      sb.append("\n### Catalog changes\n\n");
      for (Change c : r.diff().changes()) {
        sb.append("- ").append(cell(c.describe())).append('\n');
      }
    }
    if (!r.dataLoss().isEmpty()) {
      sb.append("\n### Data at risk\n\n");
      for (DataLoss l : r.dataLoss()) {
        sb.append("- statement ").append(l.statement()).append(' ').append(cell(l.rows() < 0 ? l.action() + " " + l.table() + ": rows not counted" : l.describe())).append('\n');
      }
    }
    if (!r.broken().isEmpty()) {
      sb.append("\n### Dependents broken\n\n");
      for (BrokenDependent b : r.broken()) {
        sb.append("- ").append(cell(b.describe())).append('\n');
      }
    }
    r.plan().ifPresent(p -> sb.append("\n### Rollback plan\n\n").append(cell(planLine(p))).append("\n\n```sql\n").append(p.script()).append("```\n"));
    return sb.toString();
  }

  private static String code(String s) {
    return "`" + s.replace("`", "'") + "`";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
