package dev.airlock.migrations.python;

import dev.airlock.migrations.treesitter.Utf8Offsets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

/**
 * A Python file parsed with tree-sitter-python. Tree-sitter is error tolerant: a file with a syntax
 * error still yields a tree, and {@link #errors()} lists where it gave up, so a frontend reads what
 * it can and reports the rest.
 */
public final class PythonSource {
  private final String text;
  private final PyNode root;
  private final List<PyNode> errors = new ArrayList<>();
  private final List<PyNode> comments = new ArrayList<>();

  private PythonSource(String text) {
    this.text = text;
    TSParser parser = new TSParser();
    parser.setLanguage(new TreeSitterPython());
    TSTree tree = parser.parseString(null, text);
    int[] charAt = byteToChar(text);
    this.root = copy(tree.getRootNode(), null, charAt);
  }

  /** Parses a whole file. Never throws on bad Python. */
  public static PythonSource parse(String text) {
    return new PythonSource(text);
  }

  public String text() {
    return text;
  }

  public PyNode root() {
    return root;
  }

  /** ERROR and MISSING nodes, in source order. */
  public List<PyNode> errors() {
    return List.copyOf(errors);
  }

  /** Every comment, in source order. */
  public List<PyNode> comments() {
    return List.copyOf(comments);
  }

  private PyNode copy(TSNode n, String field, int[] charAt) {
    int s = Utf8Offsets.charOffset(charAt, n.getStartByte());
    int e = Utf8Offsets.charOffset(charAt, n.getEndByte());
    String type = n.getType();
    PyNode out = new PyNode(this, type, field, n.isNamed(), s, e);
    if (n.isError() || n.isMissing()) {
      errors.add(out);
    } else if (type.equals("comment")) {
      comments.add(out);
    }
    int count = n.getChildCount();
    for (int i = 0; i < count; i++) {
      out.add(copy(n.getChild(i), n.getFieldNameForChild(i), charAt));
    }
    return out;
  }

  /** null when the text is ASCII (bytes are chars); else the char offset of every byte offset. */
  private static int[] byteToChar(String text) {
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
    for (int i = 0; i < text.length(); i++) {
      int cp = text.codePointAt(i);
      int chars = Character.charCount(cp);
      int len =
          Character.isSurrogate((char) cp)
              ? 1
              : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      for (int k = 0; k < len; k++) {
        map[b + k] = i;
      }
      b += len;
      i += chars - 1;
    }
    map[b] = text.length();
    return map;
  }
}
