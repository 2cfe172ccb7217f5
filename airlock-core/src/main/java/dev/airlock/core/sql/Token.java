package dev.airlock.core.sql;

/** One lexical token: its kind, its exact offsets in the source, and its text. */
public record Token(TokenKind kind, int start, int end, String text) {

  /** True for a bare word equal to the keyword, ignoring ASCII case. */
  public boolean is(String keyword) {
    return kind == TokenKind.WORD && text.equalsIgnoreCase(keyword);
  }

  public boolean isAny(String... keywords) {
    if (kind != TokenKind.WORD) {
      return false;
    }
    for (String k : keywords) {
      if (text.equalsIgnoreCase(k)) {
        return true;
      }
    }
    return false;
  }

  public boolean isOperator(String op) {
    return kind == TokenKind.OPERATOR && text.equals(op);
  }

  /** The value of a string literal or the name of a (quoted) identifier, unescaped. */
  public String value() {
    return switch (kind) {
      case STRING -> unquoteString(text);
      case DOLLAR_STRING -> text.substring(dollarTagLength(), text.length() - dollarTagLength());
      case QUOTED_IDENTIFIER -> unquoteIdentifier(text);
      default -> text;
    };
  }

  /** Offset in the source where a dollar-quoted or single-quoted string's content begins. */
  public int contentStart() {
    return switch (kind) {
      case DOLLAR_STRING -> start + dollarTagLength();
      case STRING -> start + text.indexOf('\'') + 1;
      default -> start;
    };
  }

  private int dollarTagLength() {
    return text.indexOf('$', 1) + 1;
  }

  private static String unquoteString(String text) {
    int quote = text.indexOf('\'');
    boolean backslash = quote > 0 && Character.toUpperCase(text.charAt(0)) == 'E';
    String body = text.substring(quote + 1, Math.max(quote + 1, text.length() - 1));
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        out.append('\'');
        i++;
      } else if (backslash && c == '\\' && i + 1 < body.length()) {
        char n = body.charAt(++i);
        out.append(
            switch (n) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> n;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String unquoteIdentifier(String text) {
    char open = text.charAt(0);
    char close = open == '[' ? ']' : open;
    String body = text.substring(1, Math.max(1, text.length() - 1));
    return body.replace("" + close + close, "" + close);
  }
}
