package dev.airlock.migrations.treesitter;

import java.nio.charset.StandardCharsets;

/** Tree-sitter reports UTF-8 byte offsets; these turn them into Java char offsets. */
public final class Utf8Offsets {
  private Utf8Offsets() {}

  /**
   * The char offset of every byte offset of the text's UTF-8 encoding (one more entry for the end),
   * or null when the text is ASCII and byte offsets are char offsets.
   */
  public static int[] byteToChar(String text) {
    boolean ascii = true;
    for (int i = 0; i < text.length() && ascii; i++) {
      ascii = text.charAt(i) < 0x80;
    }
    if (ascii) {
      return null;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int[] map = new int[bytes.length + 1];
    int b = 0;
    for (int c = 0; c < text.length(); c++) {
      int cp = text.codePointAt(c);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      for (int k = 0; k < len && b < bytes.length; k++) {
        map[b++] = c;
      }
      if (Character.isSupplementaryCodePoint(cp)) {
        c++;
      }
    }
    map[bytes.length] = text.length();
    return map;
  }

  /**
   * The char offset of a byte offset, given a map from {@link #byteToChar} (null: the byte offset
   * itself); offsets past the end map to the end of the text.
   */
  public static int charOffset(int[] byteToChar, int byteOffset) {
    if (byteToChar == null) {
      return byteOffset;
    }
    return byteToChar[Math.min(byteOffset, byteToChar.length - 1)];
  }
}
