package dev.airlock.cli;

import dev.airlock.core.report.Ago;
import dev.airlock.gateway.console.Preview;
import dev.airlock.gateway.store.ApprovalRequest;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Approval requests as a terminal shows them: one line each in a list, everything in show. */
final class ApprovalText {
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final int STATEMENT_WIDTH = 70;

  private ApprovalText() {}

  static void list(PrintWriter out, List<ApprovalRequest> requests, Instant now) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "STATUS", "ASKED", "IDENTITY", "ENV", "ROWS", "RULES", "STATEMENT"});
    for (ApprovalRequest r : requests) {
      Preview p = Preview.parse(r.previewJson());
      rows.add(
          new String[] {
            r.id(), status(r.status()), Ago.since(r.created(), now), r.identity(), r.environment(),
            String.format(Locale.ROOT, "%,d", p.totalRows().orElse(r.maxRows())), String.join(",", r.ruleIds()), oneLine(r.statement())
          });
    }
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean last = i == row.length - 1;
        // the row count is a number: right-aligned
        String cell = i == 5 ? " ".repeat(width[i] - row[i].length()) + row[i] : row[i];
        sb.append(last ? cell : cell + " ".repeat(width[i] - cell.length() + 2));
      }
      out.println(sb.toString().stripTrailing());
    }
  }

  static void show(PrintWriter out, ApprovalRequest r, Instant now) {
    long approvals = r.votes().stream().filter(ApprovalRequest.Vote::approve).count();
    out.println(r.id() + "  " + status(r.status()) + "  (" + approvals + " of " + r.approvalsRequired()
        + (r.approvalsRequired() == 1 ? " approval)" : " approvals)"));
    field(out, "asked by", r.identity() + " on " + r.environment() + ", " + Ago.since(r.created(), now) + " (" + UTC.format(r.created()) + ")");
    field(out, "reason", r.reason().isBlank() ? "(none given)" : r.reason());
    field(out, "approvers", r.approvers().isEmpty() ? "anyone but " + r.identity() : String.join(", ", r.approvers()));
    field(out, "rows", "at most " + String.format(Locale.ROOT, "%,d", r.maxRows()) + " (more rolls the execution back)");
    field(out, "hash", r.statementHash());
    r.outcome().ifPresent(o -> field(out, "outcome", o));
    out.println();
    out.println("statement");
    r.statement().lines().forEach(l -> out.println("  " + l));
    for (int i = 0; i < r.parameters().size(); i++) {
      out.println("  $" + (i + 1) + " = '" + r.parameters().get(i).replace("'", "''") + "'");
    }
    out.println();
    preview(out, Preview.parse(r.previewJson()));
    if (!r.votes().isEmpty()) {
      out.println();
      out.println("votes");
      for (ApprovalRequest.Vote v : r.votes()) {
        out.println("  " + v.approver() + (v.approve() ? " approved" : " denied") + " at " + UTC.format(v.at()) + ": " + v.reason());
      }
    }
  }

  private static void preview(PrintWriter out, Preview p) {
    out.println("preview (a dry run, rolled back)");
    if (p.unreadable().isPresent()) {
      out.println("  (not JSON) " + p.unreadable().get());
      return;
    }
    p.policy().ifPresent(d -> field(out, "  policy", d));
    p.notRun().ifPresent(w -> field(out, "  not run", w));
    for (Preview.TableRows t : p.rowsPerTable()) {
      field(out, "  rows", t.table() + ": " + String.format(Locale.ROOT, "%,d", t.rows()) + (t.change().isEmpty() ? "" : " (" + t.change() + ")"));
    }
    for (Preview.RuleHit hit : p.rules()) {
      field(out, "  rule", (hit.severity().isEmpty() ? "" : hit.severity() + " ") + hit.id() + (hit.message().isEmpty() ? "" : ": " + hit.message()));
    }
    for (String lock : p.locks()) {
      field(out, "  lock", lock);
    }
    for (Preview.Sample s : p.samples()) {
      out.println("  sample of " + (s.table().isEmpty() ? "the rows" : s.table()) + " (" + (s.truncated() ? "first " : "") + s.rows().size()
          + (s.rows().size() == 1 ? " row" : " rows") + ")");
      List<List<String>> grid = new ArrayList<>();
      grid.add(s.columns());
      grid.addAll(s.rows());
      int[] width = new int[s.columns().size()];
      for (List<String> row : grid) {
        for (int i = 0; i < Math.min(row.size(), width.length); i++) {
          width[i] = Math.max(width[i], Math.min(40, row.get(i).length()));
        }
      }
      for (List<String> row : grid) {
        StringBuilder sb = new StringBuilder("    ");
        for (int i = 0; i < Math.min(row.size(), width.length); i++) {
          String cell = clip(oneLine(row.get(i)), 40);
          sb.append(cell).append(" ".repeat(width[i] - cell.length() + 2));
        }
        out.println(sb.toString().stripTrailing());
      }
    }
    p.other().forEach((k, v) -> field(out, "  " + k, v.toString()));
  }

  private static void field(PrintWriter out, String name, String value) {
    out.println(name + " ".repeat(Math.max(1, 12 - name.length())) + value);
  }

  static String status(ApprovalRequest.Status s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static String oneLine(String s) {
    return clip(s.replaceAll("\\s+", " ").trim(), STATEMENT_WIDTH);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
