package dev.airlock.core.report;

/**
 * Escaping for HTML pages built as strings: the verify report and the approval console put every
 * text they did not write themselves (identifiers, SQL, row values, reasons) through {@link #esc}.
 */
public final class HtmlText {
  private HtmlText() {}

  /** Escapes text for an element's content or a double- or single-quoted attribute value. */
  public static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
