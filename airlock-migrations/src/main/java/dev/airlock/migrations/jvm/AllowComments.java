package dev.airlock.migrations.jvm;

import dev.airlock.core.operation.Allowance;
import dev.airlock.core.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code airlock:allow} comments directly in front of a setting or command: the run of
 * comment lines just above it (lines that only carry structure, such as a YAML {@code run: |},
 * may stand between) and a comment at the end of its own line.
 */
final class AllowComments {
  /** A comment syntax: line markers and an optional block comment pair. */
  record Syntax(List<String> lineMarkers, String blockOpen, String blockClose) {
    static final Syntax HASH = new Syntax(List.of("#"), null, null);
    static final Syntax PROPERTIES = new Syntax(List.of("#", "!"), null, null);
    static final Syntax XML = new Syntax(List.of(), "<!--", "-->");
    static final Syntax C = new Syntax(List.of("//"), "/*", "*/");
  }

  private AllowComments() {}

  static List<Allowance> before(SourceText source, Offsets offsets, int line, Syntax syntax, Predicate<String> structural) {
    List<Allowance> out = new ArrayList<>();
    boolean inBlock = false;
    for (int l = line - 1; l >= 1; l--) {
      String t = offsets.line(l).strip();
      boolean comment;
      if (inBlock) {
        comment = true;
        if (syntax.blockOpen() != null && t.startsWith(syntax.blockOpen())) {
          inBlock = false;
        }
      } else if (syntax.lineMarkers().stream().anyMatch(t::startsWith)) {
        comment = true;
      } else if (syntax.blockOpen() != null && t.endsWith(syntax.blockClose())) {
        comment = true;
        inBlock = !t.startsWith(syntax.blockOpen());
      } else {
        comment = false;
      }
      if (comment) {
        add(out, source, offsets, l);
      } else if (!t.isEmpty() && structural.test(t)) {
        continue;
      } else {
        break;
      }
    }
    String own = offsets.line(line);
    if (own.contains("airlock:allow")) {
      add(out, source, offsets, line);
    }
    return out;
  }

  private static void add(List<Allowance> out, SourceText source, Offsets offsets, int line) {
    String text = offsets.line(line);
    int at = text.indexOf("airlock:allow");
    if (at < 0) {
      return;
    }
    int start = offsets.lineStart(line) + at;
    out.addAll(Allowance.parse(text.substring(at), source.span(start, offsets.lineEnd(line))));
  }
}
