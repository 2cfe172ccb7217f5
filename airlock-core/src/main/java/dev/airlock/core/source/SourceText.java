package dev.airlock.core.source;

import java.util.Arrays;

/**
 * The text of one file plus the index that turns offsets into lines and columns. LF, CRLF and a
 * lone CR all end a line, so locations are right whatever the file's line endings.
 */
public final class SourceText {
  private final String path;
  private final String text;
  private final int[] lineStarts;

  public SourceText(String path, String text) {
    this.path = path;
    this.text = text;
    this.lineStarts = indexLines(text);
  }

  private static int[] indexLines(String text) {
    int[] starts = new int[16];
    int count = 1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** 1-based line of an offset. */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** 1-based column (UTF-16 code units) of an offset. */
  public int columnOf(int offset) {
    return offset - lineStarts[lineOf(offset) - 1] + 1;
  }

  /** The span of {@code [start, end)}. */
  public Span span(int start, int end) {
    return new Span(start, end, lineOf(start), columnOf(start), lineOf(end), columnOf(end));
  }

  /** The text of a 1-based line without its line terminator. */
  public String line(int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }
}
