package dev.airlock.migrations.jvm;

import java.util.Arrays;

/**
 * Turns the 1-based line and column that parsers report (JavaParser, SnakeYAML, StAX) into char
 * offsets, with the same line breaks as {@link dev.airlock.core.source.SourceText}: LF, CRLF and a
 * lone CR.
 */
final class Offsets {
  private final String text;
  private final int[] starts;

  Offsets(String text) {
    this.text = text;
    int[] s = new int[16];
    int count = 1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (count == s.length) {
          s = Arrays.copyOf(s, count * 2);
        }
        s[count++] = i + 1;
      }
    }
    this.starts = Arrays.copyOf(s, count);
  }

  int lines() {
    return starts.length;
  }

  /** The offset of a 1-based line and column, clamped to the text. */
  int offset(int line, int column) {
    if (line < 1) {
      return 0;
    }
    if (line > starts.length) {
      return text.length();
    }
    return Math.min(text.length(), starts[line - 1] + Math.max(0, column - 1));
  }

  int lineStart(int line) {
    return offset(line, 1);
  }

  /** The offset just after the last character of a line, before its terminator. */
  int lineEnd(int line) {
    int end = line < starts.length ? starts[line] : text.length();
    while (end > lineStart(line) && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  /** 1-based line of an offset. */
  int lineOf(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  String line(int line) {
    return text.substring(lineStart(line), lineEnd(line));
  }

  /** The span [start, end) shrunk to exclude white space at both ends. */
  int[] trim(int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return new int[] {start, end};
  }
}
