package dev.airlock.db.report;

import static dev.airlock.core.report.HtmlText.esc;

import dev.airlock.db.catalog.Change;
import dev.airlock.db.verify.BrokenDependent;
import dev.airlock.db.verify.DataLoss;
import dev.airlock.db.verify.Finding;
import dev.airlock.db.verify.RollbackPlan;
import dev.airlock.db.verify.StatementResult;
import dev.airlock.db.verify.VerifyReport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The verify report as one self-contained HTML page: the verdict and counts first, then a card per
 * table with its columns (dropped ones struck through in red, retyped ones old → new), the data at
 * risk, every broken dependent linked to the column or table whose change breaks it and to the
 * statement that makes that change, the statements with their status, time, rows and locks, and
 * the rollback plan. Inline CSS, no script, nothing fetched: it opens from a file or a CI artifact.
 */
final class HtmlReport {
  private final VerifyReport r;
  private final TableCards tables;
  private final Html.Anchors anchors = new Html.Anchors();
  private final StringBuilder out = new StringBuilder(32 * 1024);

  private HtmlReport(VerifyReport r) {
    this.r = r;
    this.tables = TableCards.of(r);
    for (TableCards.Card c : tables.cards()) {
      anchors.id("table", c.name());
      c.formerName().ifPresent(f -> anchors.alias("table", f, c.name()));
      for (TableCards.Column col : c.columns()) {
        anchors.id("col", col.key());
      }
    }
    for (int i = 0; i < r.broken().size(); i++) {
      anchors.id("dep", String.valueOf(i + 1));
    }
  }

  static String render(VerifyReport r) {
    return new HtmlReport(r).page();
  }

  private String page() {
    String title = "airlock verify: " + String.join(", ", r.files());
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"airlock verify\">\n")
        .append("<title>").append(esc(title)).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
    header();
    summary();
    cards();
    broken();
    statements();
    others();
    rollback();
    prepared();
    out.append("</main>\n</body>\n</html>\n");
    return out.toString();
  }

  private void header() {
    out.append("<header>\n<p class=\"tool\">airlock verify</p>\n<h1>");
    join(r.files().stream().map(f -> "<code>" + esc(f) + "</code>").toList(), ", ");
    out.append("</h1>\n<p class=\"meta\">on ").append(esc(r.database()));
    r.environment().ifPresent(e -> out.append(" · environment <b>").append(esc(e)).append("</b>"));
    out.append(" · <span class=\"rolled-back\">ran in one transaction, then ROLLBACK: nothing was committed</span></p>\n</header>\n");
  }

  // ---------------------------------------------------------------- summary

  private void summary() {
    Verdict v = Verdict.of(r);
    out.append("<section id=\"summary\" class=\"verdict ").append(v.css).append("\">\n")
        .append("<p class=\"verdict-title\">").append(esc(v.title)).append("</p>\n")
        .append("<p class=\"verdict-text\">").append(esc(VerifyReports.summary(r))).append("</p>\n");
    out.append("<div class=\"tiles\">\n");
    tile("critical", count(Finding.Severity.CRITICAL), "critical");
    tile("high", count(Finding.Severity.HIGH), "high");
    tile("medium", count(Finding.Severity.MEDIUM), "medium");
    long rows = 0;
    long values = 0;
    for (DataLoss l : r.dataLoss()) {
      // a type change destroys only the values that do not survive it; the others are rewritten
      boolean retype = l.action().equals("ALTER COLUMN TYPE");
      rows += retype ? Math.max(l.changed(), 0) : Math.max(l.rows(), 0);
      values += retype ? Math.max(l.changed(), 0) : Math.max(l.values(), 0);
    }
    tileNumber("rows-at-risk", rows, "rows at risk");
    tileNumber("values-at-risk", values, "values destroyed");
    tileNumber("dependents-broken", r.broken().size(), "dependents broken");
    tileNumber("failed", r.count(StatementResult.Status.ERROR), "of " + r.statements().size() + (r.statements().size() == 1 ? " statement fails" : " statements fail"));
    out.append("</div>\n");
    if (!r.findings().isEmpty()) {
      out.append("<ol class=\"findings\">\n");
      for (Finding f : r.findings()) {
        out.append("<li><span class=\"sev ").append(f.severity().label()).append("\">").append(f.severity().label()).append("</span> ");
        out.append(esc(f.message()));
        if (f.statement() > 0) {
          out.append(" <a class=\"stmt-link\" href=\"#stmt-").append(f.statement()).append("\">statement ").append(f.statement()).append(" ↓</a>");
        }
        out.append("</li>\n");
      }
      out.append("</ol>\n");
    }
    out.append("</section>\n");
  }

  private long count(Finding.Severity s) {
    return r.findings().stream().filter(f -> f.severity() == s).count();
  }

  private void tile(String css, long n, String what) {
    out.append("<div class=\"tile sev-").append(css).append(n > 0 ? " hot" : "").append("\" id=\"tile-").append(css).append("\"><span class=\"n\">")
        .append(n).append("</span><span class=\"what\">").append(what).append("</span></div>\n");
  }

  private void tileNumber(String id, long n, String what) {
    out.append("<div class=\"tile").append(n > 0 ? " hot" : "").append("\" id=\"tile-").append(id).append("\"><span class=\"n\">")
        .append(num(n)).append("</span><span class=\"what\">").append(what).append("</span></div>\n");
  }

  /** The headline: the worst thing that happens, in words. */
  private record Verdict(String css, String title) {
    static Verdict of(VerifyReport r) {
      if (r.hasErrors()) {
        return new Verdict("fails", "Fails: the migration does not apply as written");
      }
      Optional<Finding.Severity> worst = r.findings().stream().map(Finding::severity).min(Enum::compareTo);
      return switch (worst.orElse(Finding.Severity.INFO)) {
        case CRITICAL -> new Verdict("critical", "Unsafe: it breaks objects that still use what it changes");
        case HIGH -> new Verdict("high", "Destructive: it destroys data; review before running");
        case MEDIUM -> new Verdict("medium", "Review before running");
        case INFO -> new Verdict("safe", "Safe: nothing destroyed or broken");
      };
    }
  }

  // ---------------------------------------------------------------- tables

  private void cards() {
    out.append("<section id=\"tables\">\n<h2>Tables <span class=\"legend\"><span class=\"dropped\">− dropped</span> <span class=\"changed\">~ renamed or retyped</span>")
        .append(" <span class=\"overwritten\">~ values overwritten</span> <span class=\"added\">+ added</span></span></h2>\n");
    if (tables.cards().isEmpty()) {
      out.append("<p class=\"none\">No table is changed, and no row destroyed.</p>\n");
    }
    out.append("<div class=\"cards\">\n");
    for (TableCards.Card c : tables.cards()) {
      card(c);
    }
    out.append("</div>\n</section>\n");
  }

  private void card(TableCards.Card c) {
    String state = c.dropped() ? "dropped" : c.added() ? "added" : c.atRisk() ? "at-risk" : "changed";
    out.append("<article class=\"card ").append(state).append("\" id=\"").append(anchors.id("table", c.name())).append("\">\n<h3><code>")
        .append(esc(c.name())).append("</code>");
    if (c.dropped()) {
      out.append(" <span class=\"tag red\">table dropped</span>");
    } else if (c.added()) {
      out.append(" <span class=\"tag green\">new table</span>");
    }
    out.append("</h3>\n");
    c.formerName().ifPresent(f -> out.append("<p class=\"renamed\">renamed from <code class=\"old\">").append(esc(f)).append("</code></p>\n"));
    out.append("<table class=\"columns\">\n");
    for (TableCards.Column col : c.columns()) {
      column(c, col);
    }
    out.append("</table>\n");
    if (!c.parts().isEmpty()) {
      out.append("<ul class=\"parts\">\n");
      for (Change p : c.parts()) {
        out.append("<li class=\"").append(p.type().name().toLowerCase(Locale.ROOT)).append("\"><span class=\"sign\">").append(esc(VerifyReports.sign(p)))
            .append("</span> ").append(esc(p.describe())).append("</li>\n");
      }
      out.append("</ul>\n");
    }
    for (DataLoss l : c.losses()) {
      out.append("<div class=\"loss").append(TableCards.destroys(l) ? " destroys" : "").append("\">");
      lossNumbers(l);
      out.append("<span class=\"loss-what\">").append(esc(lossAction(l))).append(" · ").append(stmtLink(l.statement())).append("</span></div>\n");
    }
    if (!c.broken().isEmpty()) {
      out.append("<p class=\"breaks\">breaks ");
      for (BrokenDependent b : c.broken()) {
        out.append("<a class=\"chip ").append(b.severity().label()).append("\" href=\"#").append(depId(b)).append("\"><span class=\"kind\">").append(esc(b.kind()))
            .append("</span> ").append(esc(b.name())).append("</a> ");
      }
      out.append("</p>\n");
    }
    out.append("</article>\n");
  }

  private void column(TableCards.Card c, TableCards.Column col) {
    String state = col.dropped() || c.dropped() ? "dropped" : col.added() ? "added" : col.changed() ? "changed" : col.losses().isEmpty() ? "kept" : "overwritten";
    out.append("<tr class=\"col ").append(state).append("\" id=\"").append(anchors.id("col", col.key())).append("\">");
    out.append("<td class=\"sign\">").append(switch (state) {
      case "dropped" -> "−";
      case "added" -> "+";
      case "changed", "overwritten" -> "~";
      default -> "";
    }).append("</td>");
    out.append("<td class=\"name\">");
    col.formerName().ifPresent(f -> out.append("<span class=\"old\">").append(esc(f)).append("</span> → "));
    out.append("<span class=\"col-name\">").append(esc(col.name())).append("</span></td>");
    out.append("<td class=\"type\">");
    col.formerType().ifPresent(t -> out.append("<span class=\"old\">").append(esc(t)).append("</span> → "));
    out.append("<span class=\"col-type\">").append(esc(col.type())).append("</span></td>");
    out.append("<td class=\"why\">");
    for (DataLoss l : col.losses()) {
      out.append("<span class=\"tag red\">").append(esc(columnLoss(l))).append("</span> ");
    }
    if (!col.broken().isEmpty()) {
      out.append("<a class=\"tag red\" href=\"#").append(depId(col.broken().get(0))).append("\">breaks ")
          .append(col.broken().size()).append(col.broken().size() == 1 ? " dependent" : " dependents").append("</a>");
    }
    out.append("</td></tr>\n");
  }

  private String depId(BrokenDependent b) {
    return anchors.id("dep", String.valueOf(r.broken().indexOf(b) + 1));
  }

  private static String columnLoss(DataLoss l) {
    return switch (l.action()) {
      case "DROP COLUMN" -> l.values() < 0 ? "values not counted" : num(l.values()) + " values destroyed";
      case "ALTER COLUMN TYPE" -> l.changed() < 0 ? "rewritten" : num(l.changed()) + " values change";
      case "UPDATE" -> l.rows() < 0 ? "overwritten" : num(l.rows()) + " rows overwritten";
      default -> l.action();
    };
  }

  private void lossNumbers(DataLoss l) {
    if (l.rows() < 0) {
      out.append("<span class=\"big\">?</span> <span class=\"unit\">rows not counted</span> ");
      return;
    }
    if (l.action().equals("ALTER COLUMN TYPE")) {
      if (l.changed() >= 0) {
        out.append("<span class=\"big\">").append(num(l.changed())).append("</span> <span class=\"unit\">values change</span> ");
      }
      out.append("<span class=\"unit\">of ").append(num(Math.max(l.values(), 0))).append(" non-null values in ").append(num(l.rows())).append(" rows</span> ");
      return;
    }
    out.append("<span class=\"big\">").append(num(l.rows())).append("</span> <span class=\"unit\">rows</span> ");
    if (l.values() >= 0) {
      out.append("<span class=\"big\">").append(num(l.values())).append("</span> <span class=\"unit\">non-null values ")
          .append(l.action().equals("UPDATE") ? "overwritten" : "destroyed").append("</span> ");
    }
  }

  private static String lossAction(DataLoss l) {
    String cols = String.join(", ", l.columns());
    return switch (l.action()) {
      case "DROP COLUMN" -> "DROP COLUMN " + cols + " destroys them";
      case "DROP TABLE" -> "DROP TABLE destroys every row";
      case "TRUNCATE" -> "TRUNCATE destroys every row";
      case "DELETE" -> "DELETE" + (l.where().isEmpty() ? "" : " WHERE " + l.where()) + " destroys them";
      case "UPDATE" -> "UPDATE overwrites " + cols + (l.where().isEmpty() ? "" : " WHERE " + l.where());
      case "ALTER COLUMN TYPE" -> "ALTER COLUMN " + cols + " TYPE rewrites them";
      default -> l.action();
    };
  }

  // ---------------------------------------------------------------- dependents

  private void broken() {
    out.append("<section id=\"broken\">\n<h2>Dependents broken</h2>\n");
    if (r.broken().isEmpty()) {
      out.append("<p class=\"none\">None: nothing that depends on what the migration changes breaks.</p>\n</section>\n");
      return;
    }
    out.append("<ul class=\"deps\">\n");
    for (int i = 0; i < r.broken().size(); i++) {
      BrokenDependent b = r.broken().get(i);
      String cause = anchors.find("col", b.target()).or(() -> anchors.find("table", b.target())).orElse("stmt-" + b.statement());
      out.append("<li class=\"dep ").append(b.severity().label()).append("\" id=\"").append(anchors.id("dep", String.valueOf(i + 1))).append("\"><span class=\"kind\">").append(esc(b.kind()))
          .append("</span> <code class=\"dep-name\">").append(esc(b.name())).append("</code>")
          .append(b.blocking() ? " <span class=\"tag amber\">makes the statement fail</span>" : "")
          .append("<p class=\"how\">").append(esc(b.how())).append("</p>")
          .append("<p class=\"cause\">caused by <a class=\"cause-link\" href=\"#").append(cause).append("\">").append(esc(b.cause())).append("</a> in ")
          .append(stmtLink(b.statement())).append("</p></li>\n");
    }
    out.append("</ul>\n</section>\n");
  }

  // ---------------------------------------------------------------- statements

  private void statements() {
    out.append("<section id=\"statements\">\n<h2>Statements</h2>\n<table class=\"stmts\">\n")
        .append("<thead><tr><th class=\"idx\">#</th><th>statement</th><th class=\"st\">status</th><th class=\"num time\">time</th><th class=\"num rows\">rows</th><th class=\"locks\">locks taken</th></tr></thead>\n<tbody>\n");
    for (StatementResult s : r.statements()) {
      String status = VerifyReports.status(s);
      out.append("<tr id=\"stmt-").append(s.index()).append("\" class=\"").append(s.status().name().toLowerCase(Locale.ROOT).replace('_', '-')).append("\">")
          .append("<td class=\"idx\">").append(s.index()).append("</td><td><div class=\"where\">").append(esc(s.location())).append("</div>");
      String sql = s.sql().strip();
      if (sql.equals(s.head())) {
        out.append("<code class=\"sql\">").append(esc(sql)).append("</code>");
      } else {
        out.append("<details><summary><code class=\"sql\">").append(esc(s.head())).append("</code></summary><pre class=\"sql\">").append(esc(sql)).append("</pre></details>");
      }
      s.error().ifPresent(e -> out.append("<pre class=\"error\">").append(esc(e)).append("</pre>"));
      if (!s.note().isEmpty()) {
        out.append("<p class=\"note\">").append(esc(s.note())).append("</p>");
      }
      boolean ran = s.status() == StatementResult.Status.OK || s.status() == StatementResult.Status.ERROR;
      out.append("</td><td><span class=\"status ").append(status.toLowerCase(Locale.ROOT).replace(' ', '-')).append("\">").append(esc(status)).append("</span></td>")
          .append("<td class=\"num\">").append(ran ? esc(VerifyReports.ms(s.micros())) : "").append("</td>")
          .append("<td class=\"num\">").append(s.rows() >= 0 ? num(s.rows()) : "").append("</td><td>");
      for (StatementResult.Lock l : s.locks()) {
        out.append("<span class=\"lock").append(l.mode().equals("ACCESS EXCLUSIVE") ? " exclusive" : "").append("\">").append(esc(l.mode()))
            .append(" <code>").append(esc(l.relation())).append("</code></span> ");
      }
      out.append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  // ---------------------------------------------------------------- the rest

  private void others() {
    if (tables.others().isEmpty()) {
      return;
    }
    out.append("<section id=\"other-changes\">\n<h2>Other catalog changes</h2>\n<ul class=\"parts\">\n");
    for (Change c : tables.others()) {
      out.append("<li class=\"").append(c.type().name().toLowerCase(Locale.ROOT)).append("\"><span class=\"sign\">").append(esc(VerifyReports.sign(c)))
          .append("</span> ").append(esc(c.describe())).append("</li>\n");
    }
    out.append("</ul>\n</section>\n");
  }

  private void rollback() {
    out.append("<section id=\"rollback\">\n<h2>Rollback plan</h2>\n");
    if (r.plan().isEmpty()) {
      out.append("<p class=\"none\">Not asked for: <code>--rollback-out FILE</code> writes one and tests it.</p>\n</section>\n");
      return;
    }
    RollbackPlan p = r.plan().get();
    boolean good = p.tested() && p.restoresCatalog() && p.restoresRows();
    out.append("<p class=\"plan ").append(good ? "good" : "bad").append("\">").append(esc(VerifyReports.planLine(p))).append("</p>\n")
        .append("<pre class=\"sql plan-script\">").append(esc(p.script())).append("</pre>\n</section>\n");
  }

  private void prepared() {
    if (r.prepared().isEmpty()) {
      return;
    }
    out.append("<footer>\n<p>Loaded before the migration:</p>\n<ul>\n");
    for (String p : r.prepared()) {
      out.append("<li>").append(esc(p)).append("</li>\n");
    }
    out.append("</ul>\n</footer>\n");
  }

  private String stmtLink(int statement) {
    StatementResult s = statement > 0 && statement <= r.statements().size() ? r.statements().get(statement - 1) : null;
    return "<a class=\"stmt-link\" href=\"#stmt-" + statement + "\">statement " + statement + (s == null ? "" : " (" + esc(s.location()) + ")") + "</a>";
  }

  private void join(List<String> html, String sep) {
    for (int i = 0; i < html.size(); i++) {
      out.append(i == 0 ? "" : sep).append(html.get(i));
    }
  }

  private static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static final String CSS =
      """
      :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --card: #fff;
              --red: #c0262d; --red-bg: #fdecec; --amber: #9a5b00; --amber-bg: #fff4dc;
              --green: #1a7f37; --green-bg: #e8f6ec; --blue: #0969da; --mark: #fff2b3; }
      * { box-sizing: border-box; }
      body { margin: 0; background: var(--bg); color: var(--ink);
             font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
      main { max-width: 1120px; margin: 0 auto; padding: 28px 24px 48px; }
      code, pre, .where, .col-type, .old { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 13px; }
      a { color: var(--blue); text-decoration: none; }
      a:hover { text-decoration: underline; }
      h1 { font-size: 22px; margin: 0 0 4px; font-weight: 600; }
      h1 code { font-size: 20px; }
      h2 { font-size: 17px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
      h3 { font-size: 16px; margin: 0 0 10px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      h3 code { font-size: 16px; font-weight: 700; }
      header .tool { margin: 0 0 2px; color: var(--muted); font-size: 13px; letter-spacing: .06em; text-transform: uppercase; }
      .meta { margin: 0; color: var(--muted); }
      .rolled-back { color: var(--green); }
      :target { scroll-margin-top: 16px; }
      .verdict { margin-top: 20px; padding: 18px 20px; border-radius: 10px; border: 1px solid var(--line); border-left-width: 8px; background: var(--card); }
      .verdict.fails, .verdict.critical { border-left-color: var(--red); }
      .verdict.high { border-left-color: #e0671f; }
      .verdict.medium { border-left-color: #d4a72c; }
      .verdict.safe { border-left-color: var(--green); }
      .verdict-title { font-size: 20px; font-weight: 650; margin: 0 0 4px; }
      .verdict.fails .verdict-title, .verdict.critical .verdict-title { color: var(--red); }
      .verdict.safe .verdict-title { color: var(--green); }
      .verdict-text { margin: 0 0 14px; color: var(--muted); }
      .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 10px; }
      .tile { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; background: var(--bg); }
      .tile .n { display: block; font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
      .tile .what { color: var(--muted); font-size: 13px; line-height: 1.3; display: block; }
      .tile.hot { background: var(--red-bg); border-color: #f3b8b8; }
      .tile.hot .n { color: var(--red); }
      .tile.sev-high.hot, .tile.sev-medium.hot { background: var(--amber-bg); border-color: #f0d090; }
      .tile.sev-high.hot .n, .tile.sev-medium.hot .n { color: var(--amber); }
      .findings { margin: 16px 0 0; padding: 0; list-style: none; }
      .findings li { padding: 6px 0; border-top: 1px solid #eaeef2; }
      .sev { display: inline-block; min-width: 64px; text-align: center; font-size: 11px; font-weight: 700; text-transform: uppercase;
             letter-spacing: .04em; padding: 1px 6px; border-radius: 4px; margin-right: 6px; color: #fff; background: #6e7781; }
      .sev.critical { background: var(--red); }
      .sev.high { background: #d15704; }
      .sev.medium { background: #b08800; }
      .stmt-link { white-space: nowrap; font-size: 13px; }
      .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 16px; }
      .legend { float: right; font-size: 12px; font-weight: 400; }
      .legend span { margin-left: 6px; padding: 1px 8px; border-radius: 10px; }
      .legend .dropped { color: var(--red); background: var(--red-bg); text-decoration: line-through; }
      .legend .changed { color: var(--red); background: var(--red-bg); }
      .legend .overwritten { color: var(--amber); background: var(--amber-bg); }
      .legend .added { color: var(--green); background: var(--green-bg); }
      .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
      .card.at-risk, .card.dropped { border-top: 4px solid var(--red); }
      .card.added { border-top: 4px solid var(--green); }
      .card.changed { border-top: 4px solid #d4a72c; }
      .card.dropped .col-name, .card.dropped .col-type { text-decoration: line-through; color: var(--red); }
      .renamed { margin: -6px 0 10px; color: var(--muted); }
      .tag { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; white-space: nowrap; }
      .tag.red { color: var(--red); background: var(--red-bg); }
      .tag.green { color: var(--green); background: var(--green-bg); }
      .tag.amber { color: var(--amber); background: var(--amber-bg); }
      table { border-collapse: collapse; width: 100%; }
      .columns td { padding: 4px 6px; border-top: 1px solid #eef1f4; vertical-align: top; }
      .columns td.sign { width: 18px; color: var(--muted); font-weight: 700; text-align: center; }
      .columns td.name { font-weight: 600; white-space: nowrap; }
      .columns td.type { color: var(--muted); }
      .columns td.why { text-align: right; }
      .col.dropped { background: var(--red-bg); }
      .col.dropped .sign, .col.dropped .col-name, .col.dropped .col-type { color: var(--red); }
      .col.dropped .col-name, .col.dropped .col-type { text-decoration: line-through; }
      .col.changed { background: var(--red-bg); }
      .col.changed .sign, .col.changed .col-name, .col.changed .col-type { color: var(--red); }
      .col.overwritten { background: var(--amber-bg); }
      .col.added { background: var(--green-bg); }
      .col.added .sign, .col.added .col-name { color: var(--green); }
      .old { color: var(--muted); text-decoration: line-through; }
      .col:target, .dep:target, tr:target { outline: 3px solid #e3b341; outline-offset: -3px; background: var(--mark); }
      .parts { list-style: none; margin: 10px 0 0; padding: 0; font-size: 13px; }
      .parts li { padding: 2px 0; color: var(--muted); }
      .parts .sign { display: inline-block; width: 14px; font-weight: 700; }
      .parts li.removed { color: var(--red); }
      .parts li.added { color: var(--green); }
      .loss { margin-top: 12px; padding: 8px 12px; border-radius: 8px; background: var(--bg); }
      .loss.destroys { background: var(--red-bg); }
      .loss .big { font-size: 20px; font-weight: 700; font-variant-numeric: tabular-nums; }
      .loss.destroys .big { color: var(--red); }
      .loss .unit { color: var(--muted); margin-right: 10px; }
      .loss-what { display: block; font-size: 13px; color: var(--muted); }
      .breaks { margin: 10px 0 0; font-size: 13px; color: var(--muted); }
      .chip { display: inline-block; margin: 2px 4px 2px 0; padding: 1px 10px; border-radius: 12px; border: 1px solid #f3b8b8; background: #fff; color: var(--ink); }
      .chip .kind { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: var(--amber); }
      .chip.critical .kind { color: var(--red); }
      .chip.high .kind { color: #b54a00; }
      .deps { list-style: none; padding: 0; margin: 0; display: grid; gap: 10px; }
      .dep { background: var(--card); border: 1px solid var(--line); border-left: 4px solid #d4a72c; border-radius: 8px; padding: 10px 14px; }
      .dep .kind { font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: var(--amber); margin-right: 4px; }
      .dep.critical { border-left-color: var(--red); }
      .dep.critical .kind { color: var(--red); }
      .dep.high { border-left-color: #d15704; }
      .dep.high .kind { color: #b54a00; }
      .dep .how, .dep .cause { margin: 4px 0 0; }
      .dep .cause { color: var(--muted); font-size: 14px; }
      .stmts { background: var(--card); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
      .stmts th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); background: var(--bg); padding: 8px 10px; }
      .stmts td { padding: 8px 10px; border-top: 1px solid #eaeef2; vertical-align: top; }
      .stmts .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
      .stmts { table-layout: fixed; }
      .stmts .idx { color: var(--muted); width: 40px; }
      .stmts th.st { width: 130px; }
      .stmts th.time { width: 80px; }
      .stmts th.rows { width: 70px; }
      .stmts th.locks { width: 290px; }
      .stmts .lock { white-space: normal; }
      .stmts tr.error { background: #fff8f8; }
      .where { color: var(--muted); font-size: 12px; }
      code.sql { white-space: pre-wrap; word-break: break-word; }
      details summary { cursor: pointer; }
      pre { margin: 6px 0 0; padding: 10px 12px; background: var(--bg); border: 1px solid #eaeef2; border-radius: 6px; overflow-x: auto; }
      pre.error { background: var(--red-bg); border-color: #f3b8b8; color: #82071e; white-space: pre-wrap; }
      .note { margin: 6px 0 0; font-size: 13px; color: var(--amber); }
      .status { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; white-space: nowrap; background: var(--green-bg); color: var(--green); }
      .status.error { background: var(--red-bg); color: var(--red); }
      .status.skipped { background: #eef1f4; color: var(--muted); }
      .status.not-dry-runnable { background: var(--amber-bg); color: var(--amber); }
      .lock { display: inline-block; font-size: 12px; padding: 1px 8px; margin: 0 4px 4px 0; border-radius: 10px; background: #eef1f4; white-space: nowrap; }
      .lock.exclusive { background: var(--red-bg); color: var(--red); font-weight: 600; }
      .lock code { font-size: 12px; font-weight: 400; color: var(--ink); }
      .plan.good { color: var(--green); }
      .plan.bad { color: var(--red); font-weight: 600; }
      pre.plan-script { background: #0d1117; color: #e6edf3; border: 0; padding: 14px 16px; line-height: 1.45; white-space: pre-wrap; word-break: break-word; }
      .none { color: var(--muted); }
      footer { margin-top: 36px; color: var(--muted); font-size: 13px; }
      footer ul { margin: 4px 0 0; padding-left: 18px; }
      @media print { body { background: #fff; } .card, .dep, .stmts { break-inside: avoid; } }
      """;
}
