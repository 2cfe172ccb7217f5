package dev.airlock.core.source;

/**
 * An exact region of a source text. Lines and columns are 1-based; {@code endColumn} is the
 * column just after the last character (as in SARIF), columns count UTF-16 code units.
 */
public record Span(
    int startOffset, int endOffset, int startLine, int startColumn, int endLine, int endColumn) {

  public Span {
    if (startOffset < 0 || endOffset < startOffset) {
      throw new IllegalArgumentException("bad offsets " + startOffset + ".." + endOffset);
    }
    if (startLine < 1 || startColumn < 1 || endLine < startLine) {
      throw new IllegalArgumentException("bad lines " + startLine + ":" + startColumn);
    }
  }

  /** The smallest span that covers both. */
  public Span union(Span other) {
    Span first = startOffset <= other.startOffset ? this : other;
    Span last = endOffset >= other.endOffset ? this : other;
    return new Span(
        first.startOffset,
        last.endOffset,
        first.startLine,
        first.startColumn,
        last.endLine,
        last.endColumn);
  }

  @Override
  public String toString() {
    return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
  }
}
