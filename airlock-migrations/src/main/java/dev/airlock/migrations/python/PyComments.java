package dev.airlock.migrations.python;

import dev.airlock.core.operation.Allowance;
import dev.airlock.core.source.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * The comments that belong to a node: the run of whole-line comments directly above its first line
 * (a blank line ends the run) and a comment at the end of its last line. Only real comment tokens
 * count, never a {@code #} inside a string.
 */
public final class PyComments {
  private PyComments() {}

  public static List<PyNode> around(PyNode node) {
    PythonSource py = node.source();
    List<PyNode> comments = py.comments();
    String text = py.text();
    List<PyNode> out = new ArrayList<>();
    // comments directly above, nearest last
    int lineStart = lineStart(text, node.start());
    List<PyNode> above = new ArrayList<>();
    int cursor = lineStart;
    while (cursor > 0) {
      int prevEnd = cursor - 1; // the line terminator of the previous line
      if (prevEnd > 0 && text.charAt(prevEnd) == '\n' && text.charAt(prevEnd - 1) == '\r') {
        prevEnd--;
      }
      int prevStart = lineStart(text, prevEnd);
      String line = text.substring(prevStart, prevEnd);
      int first = prevStart + (line.length() - line.stripLeading().length());
      PyNode comment = commentAt(comments, first);
      if (line.isBlank() || comment == null) {
        break;
      }
      above.add(0, comment);
      cursor = prevStart;
    }
    out.addAll(above);
    // a comment on the line where the node ends, after it
    int lineEnd = node.end();
    while (lineEnd < text.length()
        && text.charAt(lineEnd) != '\n'
        && text.charAt(lineEnd) != '\r') {
      lineEnd++;
    }
    for (PyNode c : comments) {
      if (c.start() >= node.end() && c.start() < lineEnd) {
        out.add(c);
      }
    }
    return out;
  }

  /** The {@code airlock:allow} comments around a node. */
  public static List<Allowance> allowances(PyNode node, SourceText source) {
    List<Allowance> out = new ArrayList<>();
    for (PyNode c : around(node)) {
      out.addAll(Allowance.parse(c.text(), source.span(c.start(), c.end())));
    }
    return out;
  }

  private static PyNode commentAt(List<PyNode> comments, int offset) {
    int lo = 0;
    int hi = comments.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int s = comments.get(mid).start();
      if (s == offset) {
        return comments.get(mid);
      } else if (s < offset) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }

  private static int lineStart(String text, int offset) {
    int i = Math.min(offset, text.length());
    while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
      i--;
    }
    return i;
  }
}
