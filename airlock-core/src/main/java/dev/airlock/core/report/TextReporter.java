package dev.airlock.core.report;

import dev.airlock.core.check.CheckResult;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.rule.Severity;
import java.util.List;
import java.util.Locale;

/**
 * The human report. The summary block comes first — every open irreversible operation on one
 * line, worst first — so a buried DROP is the first thing a reviewer reads; then each finding
 * with a code frame, rustc style. Colours only when asked (the CLI asks on a TTY).
 */
final class TextReporter implements Reporter {
  private static final int MAX_FRAME_LINES = 8;
  private final boolean colour;

  TextReporter(boolean colour) {
    this.colour = colour;
  }

  @Override
  public String render(CheckResult result) {
    StringBuilder sb = new StringBuilder();
    List<Finding> open = result.open();
    List<Finding> acknowledged = result.acknowledged();
    long files = result.filesWithOpenFindings();
    sb.append(bold(open.size() + " irreversible operation" + (open.size() == 1 ? "" : "s") + " in " + files + " file" + (files == 1 ? "" : "s")))
        .append(" (checked " + result.files().size() + " file" + (result.files().size() == 1 ? "" : "s") + ", " + result.statements() + " statement" + (result.statements() == 1 ? "" : "s"))
        .append(acknowledged.isEmpty() ? "" : ", " + acknowledged.size() + " acknowledged")
        .append(")\n");
    int locWidth = open.stream().mapToInt(f -> location(f).length()).max().orElse(0);
    for (Finding f : open) {
      sb.append("  ")
          .append(paint(f.severity(), pad(f.severity().id().toUpperCase(Locale.ROOT), 8)))
          .append(' ')
          .append(pad(location(f), locWidth))
          .append("  ")
          .append(f.rule().id())
          .append(": ")
          .append(headline(f))
          .append('\n');
    }
    for (Finding f : open) {
      sb.append('\n');
      frame(sb, f);
    }
    if (!acknowledged.isEmpty()) {
      sb.append('\n').append(bold("Acknowledged (suppressed with a reason):")).append('\n');
      for (Finding f : acknowledged) {
        sb.append("  ")
            .append(location(f))
            .append("  ")
            .append(f.rule().id())
            .append(": ")
            .append(headline(f))
            .append("\n    reason: ")
            .append(f.suppression().orElseThrow().reason())
            .append('\n');
      }
    }
    boolean warned = false;
    for (FileReport file : result.files()) {
      for (String w : file.warnings()) {
        if (!warned) {
          sb.append('\n');
          warned = true;
        }
        sb.append(paint(Severity.MEDIUM, "warning")).append(": ").append(file.path()).append(": ").append(w).append('\n');
      }
    }
    return sb.toString();
  }

  private static String location(Finding f) {
    return f.path() + ":" + f.span().startLine() + ":" + f.span().startColumn();
  }

  /** The message, cut to one line for the summary. */
  private static String headline(Finding f) {
    String m = f.fullMessage();
    return m.length() > 160 ? m.substring(0, 157) + "..." : m;
  }

  private void frame(StringBuilder sb, Finding f) {
    sb.append(paint(f.severity(), f.severity().id() + "[" + f.rule().id() + "]"))
        .append(": ")
        .append(bold(f.fullMessage()))
        .append('\n');
    String[] lines = f.statement().split("\r\n|\r|\n", -1);
    int first = f.span().startLine();
    int last = first + lines.length - 1;
    int width = String.valueOf(last).length();
    String gutter = " ".repeat(width);
    sb.append(gutter).append("--> ").append(location(f)).append('\n');
    sb.append(gutter).append(" |\n");
    int shown = Math.min(lines.length, MAX_FRAME_LINES);
    for (int i = 0; i < shown; i++) {
      String number = pad(String.valueOf(first + i), width);
      String indent = i == 0 ? " ".repeat(f.span().startColumn() - 1) : "";
      sb.append(number).append(" | ").append(indent).append(lines[i]).append('\n');
      if (i == 0) {
        sb.append(gutter)
            .append(" | ")
            .append(indent)
            .append(paint(f.severity(), "^".repeat(Math.max(1, lines[0].strip().length()))))
            .append('\n');
      }
    }
    if (lines.length > shown) {
      sb.append(gutter).append(" | ... ").append(lines.length - shown).append(" more lines\n");
    }
    f.generatedSql()
        .ifPresent(
            sql -> {
              sb.append(gutter).append(" = generated SQL:\n");
              sql.lines().forEach(l -> sb.append(gutter).append("     ").append(l).append('\n'));
            });
    sb.append(gutter).append(" = why: ").append(f.rule().why()).append('\n');
    sb.append(gutter).append(" = help: ").append(f.rule().saferWay()).append('\n');
    sb.append(gutter).append(" = docs: ").append(f.rule().docUri()).append('\n');
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private String bold(String s) {
    return colour ? "\u001b[1m" + s + "\u001b[0m" : s;
  }

  private String paint(Severity severity, String s) {
    if (!colour) {
      return s;
    }
    String code =
        switch (severity) {
          case CRITICAL -> "1;31";
          case HIGH -> "31";
          case MEDIUM -> "33";
          case LOW -> "36";
        };
    return "\u001b[" + code + "m" + s + "\u001b[0m";
  }
}
