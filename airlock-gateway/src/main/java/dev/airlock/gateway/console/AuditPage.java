package dev.airlock.gateway.console;

import dev.airlock.core.report.HtmlText;
import dev.airlock.gateway.store.AuditEntry;
import dev.airlock.gateway.store.AuditFilter;
import dev.airlock.gateway.store.AuditVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The audit log, newest first, with filters and whether the hash chain is intact. */
final class AuditPage {
  static final int SHOWN = 300;
  private static final Set<String> GOOD = Set.of("allow", "allowed", "approved", "executed", "ok");
  private static final Set<String> BAD = Set.of("deny", "denied", "refused", "error", "failed", "rolled back");
  private static final Set<String> WAITING = Set.of("ask", "pending");

  private AuditPage() {}

  /**
   * @param all recent entries of every kind, for the filter choices
   * @param shown the entries that match the filter, oldest first
   */
  static String render(AuditVerification chain, AuditFilter filter, List<AuditEntry> all, List<AuditEntry> shown) {
    Html h = new Html();
    h.raw("<div class=\"page-head split\"><div><h1>Audit log</h1><p class=\"lede\">Every gateway call and every vote, ")
        .raw("each entry chained to the one before by its hash.</p></div>");
    if (chain.intact()) {
      h.raw("<div class=\"chain ok\" id=\"chain\"><b>Chain intact</b><span>").text(Html.count(chain.entries()))
          .raw(chain.entries() == 1 ? " entry" : " entries").raw(" verified</span></div>");
    } else {
      h.raw("<div class=\"chain broken\" id=\"chain\"><b>Chain broken at entry ").text(chain.brokenAt().orElseThrow()).raw("</b><span>")
          .text(chain.problem().orElse("")).raw("</span></div>");
    }
    h.raw("</div>\n<form class=\"filters\" method=\"get\" action=\"/audit\">");
    select(h, "identity", "Identity", values(all, e -> e.event().identity()), filter.identity());
    select(h, "tool", "Tool", values(all, e -> e.event().tool()), filter.tool());
    select(h, "decision", "Decision", values(all, e -> e.event().decision()), filter.decision());
    h.raw("<button class=\"btn small\">Filter</button>");
    if (filter.identity().isPresent() || filter.tool().isPresent() || filter.decision().isPresent()) {
      h.raw("<a class=\"clear\" href=\"/audit\">Clear</a>");
    }
    h.raw("</form>\n");
    if (shown.isEmpty()) {
      h.raw("<div class=\"empty card\"><p>No entries").raw(all.isEmpty() ? " yet." : " match these filters.").raw("</p></div>\n");
      return h.toString();
    }
    h.raw("<table class=\"audit\" id=\"audit\"><thead><tr><th class=\"num\">#</th><th>Time (UTC)</th><th>Identity</th><th>Tool</th>")
        .raw("<th>Decision</th><th>Statement</th><th class=\"num\">Rows</th><th>Approver</th><th>Detail</th></tr></thead><tbody>\n");
    List<AuditEntry> newestFirst = new ArrayList<>(shown);
    java.util.Collections.reverse(newestFirst);
    for (AuditEntry e : newestFirst) {
      var ev = e.event();
      boolean broken = chain.brokenAt().map(b -> b == e.sequence()).orElse(false);
      h.raw("<tr").raw(broken ? " class=\"broken\"" : "").raw("><td class=\"num seq\" title=\"hash ").text(e.hash()).raw("\">")
          .text(e.sequence()).raw("</td><td class=\"time\">").text(Html.utc(e.time()).replace(" UTC", "")).raw("</td>")
          .raw("<td class=\"who\">").text(ev.identity()).raw("</td><td>").text(ev.tool()).raw("</td>")
          .raw("<td><span class=\"decision ").raw(tone(ev.decision())).raw("\">").text(ev.decision()).raw("</span>")
          .raw(ev.ruleId().map(r -> "<div class=\"dim rule-of\">" + HtmlText.esc(r) + "</div>").orElse("")).raw("</td>")
          .raw("<td>").raw(ev.statement().map(s -> "<code class=\"sql clip\">" + Html.sql(s) + "</code>").orElse("")).raw("</td>")
          .raw("<td class=\"num\">").text(ev.rows().map(Html::count).orElse("")).raw("</td>")
          .raw("<td>").text(ev.approver().orElse("")).raw("</td><td class=\"detail\">");
      ev.requestId().ifPresent(id -> h.raw("<a href=\"/requests/").text(id).raw("\">").text(id).raw("</a> "));
      h.text(ev.detail()).raw("</td></tr>\n");
    }
    h.raw("</tbody></table>\n");
    if (shown.size() >= SHOWN) {
      h.raw("<p class=\"fine\">The newest ").text(SHOWN).raw(" entries; <code>airlock audit export</code> writes them all.</p>\n");
    }
    return h.toString();
  }

  private static Set<String> values(List<AuditEntry> all, Function<AuditEntry, String> field) {
    Set<String> out = new TreeSet<>();
    all.forEach(e -> out.add(field.apply(e)));
    return out;
  }

  private static void select(Html h, String name, String label, Set<String> values, Optional<String> chosen) {
    Set<String> options = new TreeSet<>(values);
    chosen.ifPresent(options::add);
    h.raw("<label>").text(label).raw(" <select name=\"").raw(name).raw("\"><option value=\"\">all</option>");
    for (String v : options) {
      h.raw("<option").raw(chosen.map(v::equals).orElse(false) ? " selected" : "").raw(" value=\"").text(v).raw("\">").text(v).raw("</option>");
    }
    h.raw("</select></label>");
  }

  static String tone(String decision) {
    String d = decision.toLowerCase(Locale.ROOT);
    return GOOD.contains(d) ? "good" : BAD.contains(d) ? "bad" : WAITING.contains(d) ? "wait" : "plain";
  }
}
