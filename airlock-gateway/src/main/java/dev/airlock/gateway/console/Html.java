package dev.airlock.gateway.console;

import static dev.airlock.core.report.HtmlText.esc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Server-side HTML: every text that comes from the store, a request or the preview goes through
 * {@link dev.airlock.core.report.HtmlText#esc}, in element content and attribute values alike, so nothing an agent writes (a
 * statement, a reason, a row value) can become markup.
 */
final class Html {
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final StringBuilder sb = new StringBuilder(4096);

  /** Appends trusted markup written in this package. */
  Html raw(String markup) {
    sb.append(markup);
    return this;
  }

  /** Appends text, escaped. */
  Html text(Object text) {
    sb.append(esc(String.valueOf(text)));
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  private static final java.util.regex.Pattern DESTRUCTIVE =
      java.util.regex.Pattern.compile("\\b(DELETE|DROP|TRUNCATE|UPDATE|ALTER|GRANT|REVOKE)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * A statement, escaped, with the words that destroy or change data marked for colour. The
   * words contain no character that escaping changes, so marking after escaping is safe.
   */
  static String sql(String statement) {
    return DESTRUCTIVE.matcher(esc(statement)).replaceAll("<span class=\"kw\">$1</span>");
  }

  private static final java.util.regex.Pattern BACKTICKS = java.util.regex.Pattern.compile("`([^`]+)`");

  /** A finding's message, escaped, with its `quoted` names set in code. */
  static String message(String text) {
    return BACKTICKS.matcher(esc(text)).replaceAll("<code>$1</code>");
  }

  static String utc(Instant t) {
    return UTC.format(t);
  }

  /** 1234567 -> "1,234,567". */
  static String count(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
