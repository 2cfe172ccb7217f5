package dev.airlock.core.sql;

import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * A piece of SQL text to analyse: a whole file, or a body nested in it (a function, a DO block,
 * the literal of an EXECUTE). {@code base} maps the piece's offsets back to the file; when the
 * piece was unescaped from a quoted string its offsets are not exact and every span falls back
 * to the string's own span.
 */
record Region(
    SourceText source,
    Dialect dialect,
    List<Occurrence> out,
    String text,
    int base,
    boolean exact,
    Span fallback,
    Optional<String> within,
    int depth,
    boolean procedural) {

  static final int MAX_DEPTH = 8;

  /** Classifies every statement of the region; returns how many there were. */
  int analyze() {
    int count = 0;
    for (SqlStatement st : StatementSplitter.split(text, dialect)) {
      if (st.isEmpty()) {
        continue;
      }
      count++;
      new StatementClassifier(this, st).run();
    }
    return count;
  }

  Span span(int from, int to) {
    return exact ? source.span(base + from, base + to) : fallback;
  }

  /** A body nested in this region, at {@code [from, to)} of this region's text. */
  Region nested(String body, int from, boolean bodyExact, Span bodySpan, String inside, boolean proc) {
    boolean isExact = exact && bodyExact;
    Span fb = isExact ? null : (exact ? bodySpan : fallback);
    return new Region(
        source, dialect, out, body, base + from, isExact, fb, Optional.of(within.map(w -> w + ", " + inside).orElse(inside)), depth + 1, proc);
  }
}
