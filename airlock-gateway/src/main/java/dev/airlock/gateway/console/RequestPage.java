package dev.airlock.gateway.console;

import dev.airlock.core.report.Ago;
import dev.airlock.core.report.HtmlText;
import dev.airlock.core.rule.Severity;
import dev.airlock.core.rules.Rules;
import dev.airlock.gateway.store.ApprovalRequest;
import dev.airlock.gateway.store.ApprovalRequest.Status;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One request with everything a reviewer needs to decide: the exact statement and parameters,
 * the dry run's rows per table and sample rows, the rules and locks, who asked and why, and the
 * approve / deny form with its required reason.
 */
final class RequestPage {
  private RequestPage() {}

  /** What the page says after a POST: a confirmation, or a refusal with the reason kept. */
  record Notice(boolean error, String message) {}

  static String render(ApprovalRequest r, Instant now, String approver, String csrf, Optional<Notice> notice, String reasonDraft) {
    Preview p = Preview.parse(r.previewJson());
    Optional<Severity> risk = Risk.of(r, p);
    long approvals = r.votes().stream().filter(ApprovalRequest.Vote::approve).count();
    Html h = new Html();
    h.raw("<a class=\"back\" href=\"/\">&larr; Pending approvals</a>\n")
        .raw("<div class=\"req-head risk-").raw(Risk.css(risk)).raw("\"><div class=\"tags\"><span class=\"sev sev-").raw(Risk.css(risk))
        .raw("\">").text(Risk.label(risk)).raw("</span>").raw(PendingPage.status(r.status()))
        .raw("<span class=\"env env-").text(PendingPage.envClass(r.environment())).raw("\">").text(r.environment()).raw("</span></div>")
        .raw("<h1><span class=\"who\">").text(r.identity()).raw("</span> asks to run a write")
        .raw(p.totalRows().isPresent() ? " that touches <span class=\"n\">" + HtmlText.esc(Html.count(p.totalRows().get())) + "</span>"
            + (p.totalRows().get() == 1 ? " row" : " rows") : "")
        .raw("</h1><p class=\"meta\"><code>").text(r.id()).raw("</code> · asked ").text(Ago.since(r.created(), now))
        .raw(" (").text(Html.utc(r.created())).raw(") · ").text(approvals + " of " + r.approvalsRequired())
        .raw(r.approvalsRequired() == 1 ? " approval" : " approvals").raw("</p></div>\n");
    notice.ifPresent(n -> h.raw("<div class=\"notice ").raw(n.error() ? "bad" : "good").raw("\" role=\"status\">").text(n.message()).raw("</div>\n"));
    h.raw("<div class=\"grid\"><div class=\"main-col\">\n");
    statement(h, r);
    preview(h, r, p);
    h.raw("</div><aside class=\"side-col\">\n");
    decision(h, r, Risk.css(risk), approver, csrf, reasonDraft);
    who(h, r);
    h.raw("</aside></div>\n");
    return h.toString();
  }

  private static void statement(Html h, ApprovalRequest r) {
    h.raw("<section class=\"card\"><h2>Statement</h2><pre class=\"sql\" id=\"statement\">").raw(Html.sql(r.statement())).raw("</pre>");
    if (!r.parameters().isEmpty()) {
      h.raw("<table class=\"params\"><tbody>");
      for (int i = 0; i < r.parameters().size(); i++) {
        h.raw("<tr><th>$").text(i + 1).raw("</th><td><code>").text(r.parameters().get(i)).raw("</code></td></tr>");
      }
      h.raw("</tbody></table>");
    }
    h.raw("<p class=\"fine\">Bound by SHA-256 <code title=\"").text(r.statementHash()).raw("\">").text(r.statementHash().substring(0, 16))
        .raw("…</code>: a changed statement or parameter never runs under this approval.</p></section>\n");
  }

  private static void preview(Html h, ApprovalRequest r, Preview p) {
    h.raw("<section class=\"card\" id=\"preview\"><h2>What it would do</h2>")
        .raw("<p class=\"lede\">From a dry run in a transaction that was rolled back.</p>");
    if (p.unreadable().isPresent()) {
      h.raw("<p class=\"notice bad\">The preview is not readable JSON; shown as stored.</p><pre class=\"raw\">")
          .text(p.unreadable().get()).raw("</pre></section>\n");
      return;
    }
    p.policy().ifPresent(d -> h.raw("<p class=\"policy\">Policy: ").text(d).raw("</p>"));
    if (p.notRun().isPresent()) {
      h.raw("<p class=\"notice bad\">Not dry-run: ").text(p.notRun().get()).raw(". Nothing below was measured; read the statement.</p>");
    }
    h.raw("<div class=\"stats\">");
    for (Preview.TableRows t : p.rowsPerTable()) {
      h.raw("<div class=\"stat").raw(t.rows() > 0 ? " hot" : "").raw("\"><div class=\"n\">").text(Html.count(t.rows()))
          .raw("</div><div class=\"l\">").text(t.rows() == 1 ? "row of " : "rows of ").raw("<code>").text(t.table()).raw("</code>")
          .raw(t.change().isEmpty() ? "" : "<div class=\"change\">" + HtmlText.esc(t.change()) + "</div>").raw("</div></div>");
    }
    h.raw("<div class=\"stat limit\"><div class=\"n\">").text(Html.count(r.maxRows())).raw("</div><div class=\"l\">")
        .raw("rows at most, or it rolls back</div></div></div>\n");
    for (Preview.Sample s : p.samples()) {
      boolean returning = s.what().equalsIgnoreCase("RETURNING");
      h.raw(returning ? "<h3>What RETURNING gave" : "<h3>Rows it touches").raw(s.table().isEmpty() ? "" : " in <code>" + HtmlText.esc(s.table()) + "</code>")
          .raw(" <span class=\"dim\">(").text(s.truncated() ? "first " + s.rows().size() + " of more" : s.rows().size() == 1 ? "1 row" : s.rows().size() + " rows")
          .raw(")</span></h3><div class=\"scroll\"><table class=\"rows\"><thead><tr>");
      for (String c : s.columns()) {
        h.raw("<th>").text(c).raw("</th>");
      }
      h.raw("</tr></thead><tbody>");
      for (List<String> row : s.rows()) {
        h.raw("<tr>");
        for (String cell : row) {
          h.raw(cell.equals("NULL") ? "<td class=\"null\">" : "<td>").text(cell).raw("</td>");
        }
        h.raw("</tr>");
      }
      h.raw("</tbody></table></div>\n");
    }
    if (!p.rules().isEmpty()) {
      h.raw("<h3>Rules</h3><ul class=\"rules\">");
      for (Preview.RuleHit hit : p.rules()) {
        Optional<Severity> sev = Severity.parse(hit.severity()).or(() -> Risk.ofRule(hit.id()));
        h.raw("<li><span class=\"sev sev-").raw(Risk.css(sev)).raw("\">").text(Risk.label(sev)).raw("</span> ");
        Optional<String> doc = Rules.byId(hit.id()).map(reg -> reg.meta().docUri());
        if (doc.isPresent()) {
          h.raw("<a class=\"rule-id\" href=\"").text(doc.get()).raw("\" rel=\"noreferrer\">").text(hit.id()).raw("</a>");
        } else {
          h.raw("<span class=\"rule-id\">").text(hit.id()).raw("</span>");
        }
        h.raw(" <span class=\"msg\">").raw(Html.message(hit.message())).raw("</span></li>");
      }
      h.raw("</ul>\n");
    }
    if (!p.locks().isEmpty()) {
      h.raw("<h3>Locks</h3><ul class=\"locks\">");
      p.locks().forEach(l -> h.raw("<li><code>").text(l).raw("</code></li>"));
      h.raw("</ul>\n");
    }
    if (!p.other().isEmpty()) {
      h.raw("<h3>More from the preview</h3><dl class=\"other\">");
      for (Map.Entry<String, JsonNode> e : p.other().entrySet()) {
        h.raw("<dt>").text(e.getKey()).raw("</dt><dd>");
        generic(h, e.getValue());
        h.raw("</dd>");
      }
      h.raw("</dl>\n");
    }
    h.raw("</section>\n");
  }

  /** Any JSON value, readable: objects as definition lists, arrays as lists, scalars as text. */
  private static void generic(Html h, JsonNode v) {
    if (v.isObject()) {
      h.raw("<dl class=\"nested\">");
      v.properties().forEach(e -> {
        h.raw("<dt>").text(e.getKey()).raw("</dt><dd>");
        generic(h, e.getValue());
        h.raw("</dd>");
      });
      h.raw("</dl>");
    } else if (v.isArray()) {
      h.raw("<ul class=\"nested\">");
      v.forEach(x -> {
        h.raw("<li>");
        generic(h, x);
        h.raw("</li>");
      });
      h.raw("</ul>");
    } else {
      h.text(Preview.text(v));
    }
  }

  private static void decision(Html h, ApprovalRequest r, String risk, String approver, String csrf, String reasonDraft) {
    h.raw("<section class=\"card decide\" id=\"decide\"><h2>Your decision</h2>");
    Optional<String> cannot = whyNot(r, approver);
    if (cannot.isPresent()) {
      h.raw("<p class=\"cannot\">").text(cannot.get()).raw("</p>");
      if (!reasonDraft.isBlank()) {
        // the vote lost a race (someone else decided first): keep what the reviewer wrote visible
        h.raw("<p class=\"fine\">Your reason, not recorded: <q>").text(reasonDraft).raw("</q></p>");
      }
      h.raw("</section>\n");
      return;
    }
    String id = HtmlText.esc(r.id());
    h.raw("<form method=\"post\" action=\"/requests/").raw(id).raw("/deny\">")
        .raw("<input type=\"hidden\" name=\"csrf\" value=\"").text(csrf).raw("\">")
        .raw("<label for=\"reason\">Reason <span class=\"dim\">(required, goes to the audit log)</span></label>")
        .raw("<textarea id=\"reason\" name=\"reason\" rows=\"3\" required placeholder=\"What you checked, or why not\">")
        .text(reasonDraft).raw("</textarea><div class=\"actions\">")
        .raw("<button class=\"btn deny\" id=\"deny\" formaction=\"/requests/").raw(id).raw("/deny\">Deny</button>")
        .raw("<button class=\"btn approve risk-").raw(risk).raw("\" id=\"approve\" formaction=\"/requests/").raw(id).raw("/approve\">Approve</button></div>")
        .raw("<p class=\"fine\">You vote as <b>").text(approver).raw("</b>. Approving lets the gateway run this statement once, exactly ")
        .raw("as shown, on <b>").text(r.environment()).raw("</b>, and roll it back if it touches more than ").text(Html.count(r.maxRows()))
        .raw(r.maxRows() == 1 ? " row" : " rows").raw(".</p></form></section>\n");
  }

  /** The store enforces these; the page says them up front instead of offering a button that fails. */
  static Optional<String> whyNot(ApprovalRequest r, String approver) {
    String me = approver.trim().toLowerCase(Locale.ROOT);
    if (r.status() != Status.PENDING) {
      return Optional.of("This request is " + r.status().name().toLowerCase(Locale.ROOT) + "; it takes no more votes.");
    }
    if (r.identity().trim().toLowerCase(Locale.ROOT).equals(me)) {
      return Optional.of("You asked for this request (as " + r.identity() + "), so someone else must decide.");
    }
    if (!r.approvers().isEmpty() && r.approvers().stream().noneMatch(a -> a.trim().toLowerCase(Locale.ROOT).equals(me))) {
      return Optional.of("Only " + String.join(", ", r.approvers()) + " may decide on this request.");
    }
    Optional<ApprovalRequest.Vote> mine = r.votes().stream().filter(v -> v.approver().trim().toLowerCase(Locale.ROOT).equals(me)).findFirst();
    if (mine.isPresent()) {
      return Optional.of("You have voted (" + (mine.get().approve() ? "approve" : "deny") + "); it needs another approver.");
    }
    return Optional.empty();
  }

  private static void who(Html h, ApprovalRequest r) {
    h.raw("<section class=\"card\" id=\"who\"><h2>Who asked and why</h2><dl class=\"facts\">")
        .raw("<dt>Identity</dt><dd><b>").text(r.identity()).raw("</b></dd>")
        .raw("<dt>Environment</dt><dd>").text(r.environment()).raw("</dd>")
        .raw("<dt>Reason</dt><dd><blockquote>").text(r.reason().isBlank() ? "(none given)" : r.reason()).raw("</blockquote></dd>")
        .raw("<dt>Approvers</dt><dd>").text(r.approvers().isEmpty() ? "anyone but " + r.identity() : String.join(", ", r.approvers())).raw("</dd>")
        .raw("<dt>Needs</dt><dd>").text(r.approvalsRequired() + (r.approvalsRequired() == 1 ? " approval" : " distinct approvals"))
        .raw("; one deny stops it</dd>");
    r.outcome().ifPresent(o -> h.raw("<dt>Outcome</dt><dd>").text(o).raw("</dd>"));
    h.raw("</dl>");
    if (!r.votes().isEmpty()) {
      h.raw("<h3>Votes</h3><ul class=\"votes\">");
      for (ApprovalRequest.Vote v : r.votes()) {
        h.raw("<li class=\"vote ").raw(v.approve() ? "yes" : "no").raw("\"><b>").text(v.approver()).raw("</b> ")
            .raw(v.approve() ? "approved" : "denied").raw(" <span class=\"dim\">").text(Html.utc(v.at())).raw("</span><div>")
            .text(v.reason()).raw("</div></li>");
      }
      h.raw("</ul>");
    }
    h.raw("</section>\n");
  }
}
