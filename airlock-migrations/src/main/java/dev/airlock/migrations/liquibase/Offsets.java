package dev.airlock.migrations.liquibase;

/** Converts the positions parsers report into Java char offsets. */
final class Offsets {
  private final String text;
  /** char offset of each code point index, or null when the text has no surrogate pairs. */
  private final int[] charOfCodePoint;

  Offsets(String text) {
    this.text = text;
    int cps = text.codePointCount(0, text.length());
    if (cps == text.length()) {
      charOfCodePoint = null;
    } else {
      charOfCodePoint = new int[cps + 1];
      int c = 0;
      for (int i = 0; i < cps; i++) {
        charOfCodePoint[i] = c;
        c += Character.charCount(text.codePointAt(c));
      }
      charOfCodePoint[cps] = text.length();
    }
  }

  /** SnakeYAML's marks count code points. */
  int ofCodePoint(int index) {
    if (charOfCodePoint == null) {
      return Math.max(0, Math.min(index, text.length()));
    }
    return charOfCodePoint[Math.max(0, Math.min(index, charOfCodePoint.length - 1))];
  }

  /** 1-based line and column (LF, CRLF or CR end a line). */
  static int ofLineColumn(String text, int line, int column) {
    if (line < 1) {
      return 0;
    }
    int offset = 0;
    int n = text.length();
    for (int l = 1; l < line && offset < n; offset++) {
      char c = text.charAt(offset);
      if (c == '\r' && offset + 1 < n && text.charAt(offset + 1) == '\n') {
        offset++;
      }
      if (c == '\n' || c == '\r') {
        l++;
      }
    }
    return Math.min(n, offset + Math.max(0, column - 1));
  }

  /** The offset where each line starts (index 0 is line 1). */
  static int[] lineStarts(String text) {
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
          starts = java.util.Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return java.util.Arrays.copyOf(starts, count);
  }
}
