package dev.airlock.migrations.liquibase;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.source.Span;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlFrontend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Liquibase formatted SQL changelog ({@code --liquibase formatted sql}). Liquibase itself reads
 * these line by line: a {@code --changeset author:id} line starts a changeset that runs until the
 * next one, {@code --rollback} lines and a {@code /* liquibase rollback *}{@code /} block hold its
 * rollback. Each changeset's body is analysed on its own with the full SQL frontend (so a missing
 * semicolon cannot run one changeset into the next), at its exact place in the file.
 */
final class FormattedSql {
  /** Liquibase's own patterns (FormattedSqlChangeLogParser), case-insensitive. */
  private static final Pattern CHANGESET =
      Pattern.compile("^\\s*--\\s*changeset\\s+(\"[^\"]+\"|[^:\\s]+)\\s*:\\s*(\"[^\"]+\"|\\S+)(.*)$", Pattern.CASE_INSENSITIVE);

  private static final Pattern ROLLBACK = Pattern.compile("^\\s*--\\s*rollback\\b\\s?(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ROLLBACK_BLOCK = Pattern.compile("^\\s*/\\*\\s*liquibase\\s+rollback\\b(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+):(\"[^\"]*\"|\\S+)");

  private final SourceText source;
  private final Dialect target;
  private final int[] lineStarts;

  FormattedSql(SourceText source, Dialect target) {
    this.source = source;
    this.target = target;
    this.lineStarts = Offsets.lineStarts(source.text());
  }

  /** Whether a file is a formatted SQL changelog: its first non-blank line says so. */
  static boolean isFormattedSql(String content) {
    for (String line : content.lines().limit(50).toList()) {
      String s = line.strip();
      if (s.isEmpty()) {
        continue;
      }
      return s.replaceFirst("^\uFEFF", "").toLowerCase(java.util.Locale.ROOT).matches("--\\s*liquibase\\s+formatted\\s+sql.*");
    }
    return false;
  }

  Parsed parse() {
    List<Occurrence> out = new ArrayList<>();
    int statements = 0;
    List<Integer> headers = new ArrayList<>();
    for (int line = 1; line <= source.lineCount(); line++) {
      if (CHANGESET.matcher(source.line(line)).matches()) {
        headers.add(line);
      }
    }
    int firstBody = headers.isEmpty() ? source.lineCount() + 1 : headers.get(0);
    if (firstBody > 1) {
      // text before the first changeset: Liquibase does not run it, but anything there is SQL to see
      statements += region(1, firstBody, target, "before the first changeset", List.of(), out);
    }
    for (int i = 0; i < headers.size(); i++) {
      int header = headers.get(i);
      int next = i + 1 < headers.size() ? headers.get(i + 1) : source.lineCount() + 1;
      Matcher m = CHANGESET.matcher(source.line(header));
      m.matches();
      String author = unquote(m.group(1));
      String id = unquote(m.group(2));
      java.util.Map<String, String> attrs = new java.util.HashMap<>();
      Matcher a = ATTRIBUTE.matcher(m.group(3));
      while (a.find()) {
        attrs.put(a.group(1), unquote(a.group(2)));
      }
      Optional<String> dbms = Optional.ofNullable(attrs.get("dbms"));
      Dialect dialect = ChangelogTranslator.effective(dbms, target);
      String label = "changeset " + author + ":" + id;
      String within =
          label
              + ("true".equalsIgnoreCase(attrs.get("runAlways")) ? " (runAlways: runs on every update)" : "")
              + dbms.map(d -> " (dbms " + d + ")").orElse("");
      List<Occurrence> ops = new ArrayList<>();
      statements += region(header, next, dialect, within, commentsAbove(header), ops, Optional.ofNullable(attrs.get("endDelimiter")));
      out.addAll(ops);
      out.addAll(rollback(header + 1, next).judge(label, ops));
    }
    return new Parsed(out, statements);
  }

  private int region(int fromLine, int toLine, Dialect dialect, String within, List<Allowance> allow, List<Occurrence> out) {
    return region(fromLine, toLine, dialect, within, allow, out, Optional.empty());
  }

  /** Analyses lines {@code [fromLine, toLine)} as SQL; spans are mapped back into the file. */
  private int region(
      int fromLine, int toLine, Dialect dialect, String within, List<Allowance> allow, List<Occurrence> out, Optional<String> endDelimiter) {
    int base = lineStarts[fromLine - 1];
    int end = toLine - 1 < lineStarts.length ? lineStarts[toLine - 1] : source.text().length();
    String body = ChangelogTranslator.delimited(source.text().substring(base, end), endDelimiter);
    Parsed parsed = new SqlFrontend(dialect).parse(new SourceText(source.path(), body));
    int lineBase = fromLine - 1;
    for (Occurrence o : parsed.occurrences()) {
      Span s = o.span();
      Span mapped = new Span(s.startOffset() + base, s.endOffset() + base, s.startLine() + lineBase, s.startColumn(), s.endLine() + lineBase, s.endColumn());
      List<Allowance> all = new ArrayList<>(allow);
      for (Allowance x : o.allowances()) {
        Span as = x.span();
        all.add(new Allowance(x.ruleId(), x.reason(),
            new Span(as.startOffset() + base, as.endOffset() + base, as.startLine() + lineBase, as.startColumn(), as.endLine() + lineBase, as.endColumn()), x.text()));
      }
      String w = o.within().map(inner -> within + ", " + inner).orElse(within);
      out.add(new Occurrence(o.operation(), mapped, o.statement(), o.generatedSql(), Optional.of(w), all));
    }
    return parsed.statements();
  }

  /** The rollback written in a changeset's lines. */
  private Rollback rollback(int fromLine, int toLine) {
    StringBuilder sql = new StringBuilder();
    boolean found = false;
    for (int line = fromLine; line < toLine; line++) {
      String text = source.line(line);
      Matcher r = ROLLBACK.matcher(text);
      Matcher block = ROLLBACK_BLOCK.matcher(text);
      if (r.matches()) {
        found = true;
        sql.append(r.group(1)).append('\n');
      } else if (block.matches()) {
        found = true;
        String l = block.group(1);
        while (true) {
          int close = l.indexOf("*/");
          sql.append(close >= 0 ? l.substring(0, close) : l).append('\n');
          if (close >= 0 || line + 1 >= toLine) {
            break;
          }
          line++;
          l = source.line(line);
        }
      }
    }
    return found ? Rollback.ofSql(sql.toString()) : Rollback.NONE;
  }

  /** airlock:allow in the {@code --} comment lines directly above a changeset line. */
  private List<Allowance> commentsAbove(int header) {
    List<Allowance> out = new ArrayList<>();
    for (int line = header - 1; line >= 1; line--) {
      String l = source.line(line);
      String s = l.strip();
      if (s.startsWith("--") && !CHANGESET.matcher(l).matches() && !ROLLBACK.matcher(l).matches()) {
        int c = lineStarts[line - 1] + l.indexOf("--");
        out.addAll(0, Allowance.parse(s.substring(2), source.span(c, lineStarts[line - 1] + l.length())));
      } else if (!s.isEmpty()) {
        break;
      }
    }
    return out;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }
}
