package dev.airlock.gateway.console;

import dev.airlock.core.report.Ago;
import dev.airlock.core.report.HtmlText;
import dev.airlock.core.rule.Severity;
import dev.airlock.gateway.store.ApprovalRequest;
import dev.airlock.gateway.store.ApprovalRequest.Status;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The front page: what waits for a decision, worst first in colour, and what was decided lately. */
final class PendingPage {
  private static final int RECENT = 15;

  private PendingPage() {}

  static String render(List<ApprovalRequest> all, Instant now) {
    List<ApprovalRequest> pending = all.stream().filter(r -> r.status() == Status.PENDING).toList();
    List<ApprovalRequest> decided = all.stream().filter(r -> r.status() != Status.PENDING).limit(RECENT).toList();
    Html h = new Html();
    h.raw("<div class=\"page-head\"><h1>Pending approvals</h1><p class=\"lede\">");
    if (pending.isEmpty()) {
      h.raw("Nothing waits for a decision.");
    } else {
      h.text(pending.size() == 1 ? "1 request waits" : pending.size() + " requests wait").raw(" for a decision. Nothing runs until it is approved.");
    }
    h.raw("</p></div>\n");
    if (pending.isEmpty()) {
      h.raw("<div class=\"empty card\"><p><b>All clear.</b> When an agent's write needs a human, it appears here with a preview of ")
          .raw("what it would change.</p><p><a href=\"/\">Reload</a></p></div>\n");
    } else {
      h.raw("<table class=\"queue\" id=\"pending\"><thead><tr><th class=\"stripe\"></th><th>Asked</th><th>Identity</th>")
          .raw("<th>Statement</th><th class=\"num\">Rows</th><th>Rules</th><th>Reason</th><th></th></tr></thead><tbody>\n");
      for (ApprovalRequest r : pending) {
        row(h, r, now);
      }
      h.raw("</tbody></table>\n");
    }
    if (!decided.isEmpty()) {
      h.raw("<h2 class=\"section\">Recently decided</h2>\n<table class=\"queue decided\" id=\"decided\"><thead><tr>")
          .raw("<th>Status</th><th>Asked</th><th>Identity</th><th>Statement</th><th>Decided by</th><th>Outcome</th></tr></thead><tbody>\n");
      for (ApprovalRequest r : decided) {
        h.raw("<tr data-id=\"").text(r.id()).raw("\"><td>").raw(status(r.status())).raw("</td>")
            .raw("<td class=\"age\" title=\"").text(Html.utc(r.created())).raw("\">").text(Ago.since(r.created(), now)).raw("</td>")
            .raw("<td class=\"who\">").text(r.identity()).raw("</td>")
            .raw("<td><a class=\"sql-link\" href=\"/requests/").text(r.id()).raw("\"><code class=\"sql clip\">").raw(Html.sql(r.statement()))
            .raw("</code></a></td><td>");
        for (ApprovalRequest.Vote v : r.votes()) {
          h.raw("<div class=\"vote ").raw(v.approve() ? "yes" : "no").raw("\">").text(v.approver()).raw(": ").text(v.reason()).raw("</div>");
        }
        h.raw("</td><td class=\"outcome\">").text(r.outcome().orElse("")).raw("</td></tr>\n");
      }
      h.raw("</tbody></table>\n");
    }
    return h.toString();
  }

  private static void row(Html h, ApprovalRequest r, Instant now) {
    Preview p = Preview.parse(r.previewJson());
    Optional<Severity> risk = Risk.of(r, p);
    String href = "/requests/" + HtmlText.esc(r.id());
    h.raw("<tr class=\"risk-").raw(Risk.css(risk)).raw("\" data-id=\"").text(r.id()).raw("\">")
        .raw("<td class=\"stripe\"></td>")
        .raw("<td class=\"age\" title=\"").text(Html.utc(r.created())).raw("\">").text(Ago.since(r.created(), now)).raw("</td>")
        .raw("<td class=\"who\"><b>").text(r.identity()).raw("</b><div class=\"env env-").text(envClass(r.environment())).raw("\">")
        .text(r.environment()).raw("</div></td>")
        .raw("<td class=\"stmt\"><a class=\"sql-link\" href=\"").raw(href).raw("\"><code class=\"sql clip\">").raw(Html.sql(r.statement()))
        .raw("</code></a></td>")
        .raw("<td class=\"num\"><b>").text(Html.count(p.totalRows().orElse(r.maxRows()))).raw("</b></td><td>");
    for (String id : r.ruleIds()) {
      h.raw("<span class=\"rule sev-").raw(Risk.css(Risk.ofRule(id))).raw("\">").text(id).raw("</span> ");
    }
    h.raw("</td><td class=\"reason\">").text(r.reason()).raw("</td>")
        .raw("<td><a class=\"btn small\" href=\"").raw(href).raw("\">Review</a></td></tr>\n");
  }

  static String status(Status s) {
    String name = s.name().toLowerCase(Locale.ROOT);
    return "<span class=\"status st-" + name + "\">" + name + "</span>";
  }

  static String envClass(String environment) {
    String e = environment.toLowerCase(Locale.ROOT);
    return e.startsWith("prod") ? "production" : e.startsWith("stag") ? "staging" : "other";
  }
}
