package dev.airlock.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * An exact, total SQL lexer: every character of the input lands in exactly one token or in
 * white space between tokens, and no input makes it throw. A construct that never closes (a
 * string, quoted identifier, dollar quote or block comment) becomes one {@link
 * TokenKind#UNTERMINATED} token that runs to the end of the text.
 */
public final class SqlLexer {
  private final String s;
  private final Dialect dialect;
  private final int n;
  private int pos;

  private SqlLexer(String text, Dialect dialect) {
    this.s = text;
    this.dialect = dialect;
    this.n = text.length();
  }

  public static List<Token> lex(String text, Dialect dialect) {
    return new SqlLexer(text, dialect).run();
  }

  private List<Token> run() {
    List<Token> out = new ArrayList<>(Math.max(16, n / 5));
    while (pos < n) {
      char c = s.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
        continue;
      }
      int start = pos;
      TokenKind kind = next(c);
      out.add(new Token(kind, start, pos, s.substring(start, pos)));
    }
    return out;
  }

  private TokenKind next(char c) {
    char d = pos + 1 < n ? s.charAt(pos + 1) : '\0';
    if (c == '-' && d == '-') {
      return lineComment();
    }
    if (c == '#' && dialect.hashComments()) {
      return lineComment();
    }
    if (c == '/' && d == '*') {
      return blockComment();
    }
    if (c == '\'') {
      return quoted('\'', TokenKind.STRING, dialect.backslashEscapesInStrings());
    }
    if ((c == 'E' || c == 'e') && d == '\'') {
      pos++;
      return quoted('\'', TokenKind.STRING, true);
    }
    if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n') && d == '\'') {
      pos++;
      return quoted('\'', TokenKind.STRING, dialect.backslashEscapesInStrings());
    }
    if ((c == 'U' || c == 'u') && d == '&' && pos + 2 < n && s.charAt(pos + 2) == '\'') {
      pos += 2;
      return quoted('\'', TokenKind.STRING, false);
    }
    if (c == '"') {
      return quoted('"', TokenKind.QUOTED_IDENTIFIER, dialect.backslashEscapesInStrings());
    }
    if (c == '`' && dialect.backtickIdentifiers()) {
      return quoted('`', TokenKind.QUOTED_IDENTIFIER, false);
    }
    if (c == '[' && dialect.bracketIdentifiers()) {
      return bracketIdentifier();
    }
    if (c == '$') {
      return dollar();
    }
    if (isDigit(c) || (c == '.' && isDigit(d))) {
      return number();
    }
    if (isWordStart(c)) {
      pos++;
      while (pos < n && isWordPart(s.charAt(pos))) {
        pos++;
      }
      return TokenKind.WORD;
    }
    pos++;
    switch (c) {
      case '(':
        return TokenKind.LEFT_PAREN;
      case ')':
        return TokenKind.RIGHT_PAREN;
      case '[':
        return TokenKind.LEFT_BRACKET;
      case ']':
        return TokenKind.RIGHT_BRACKET;
      case ',':
        return TokenKind.COMMA;
      case ';':
        return TokenKind.SEMICOLON;
      case '.':
        return TokenKind.DOT;
      case '?':
        return TokenKind.PARAMETER;
      case ':':
        if (pos < n && isWordStart(s.charAt(pos)) && !isCast()) {
          while (pos < n && isWordPart(s.charAt(pos))) {
            pos++;
          }
          return TokenKind.PARAMETER;
        }
        break;
      default:
        break;
    }
    if (isOperatorChar(c)) {
      while (pos < n && isOperatorChar(s.charAt(pos)) && !startsComment(pos) && !startsQuote(s.charAt(pos))) {
        pos++;
      }
    }
    return TokenKind.OPERATOR;
  }

  private boolean isCast() {
    return pos >= 2 && s.charAt(pos - 2) == ':';
  }

  private boolean startsComment(int at) {
    char c = s.charAt(at);
    char d = at + 1 < n ? s.charAt(at + 1) : '\0';
    return (c == '-' && d == '-') || (c == '/' && d == '*') || (c == '#' && dialect.hashComments());
  }

  /** A backtick inside an operator run opens a quoted identifier where the dialect has them. */
  private boolean startsQuote(char c) {
    return c == '`' && dialect.backtickIdentifiers();
  }

  private TokenKind lineComment() {
    while (pos < n && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
      pos++;
    }
    return TokenKind.LINE_COMMENT;
  }

  private TokenKind blockComment() {
    int depth = 0;
    while (pos < n) {
      char c = s.charAt(pos);
      char d = pos + 1 < n ? s.charAt(pos + 1) : '\0';
      if (c == '/' && d == '*' && (depth == 0 || dialect.nestedBlockComments())) {
        depth++;
        pos += 2;
      } else if (c == '*' && d == '/') {
        depth--;
        pos += 2;
        if (depth == 0) {
          return TokenKind.BLOCK_COMMENT;
        }
      } else {
        pos++;
      }
    }
    return TokenKind.UNTERMINATED;
  }

  /** A quoted run where a doubled quote (and, if asked, a backslash) escapes. */
  private TokenKind quoted(char q, TokenKind kind, boolean backslash) {
    pos++;
    while (pos < n) {
      char c = s.charAt(pos);
      if (backslash && c == '\\') {
        pos += 2;
      } else if (c == q) {
        if (pos + 1 < n && s.charAt(pos + 1) == q) {
          pos += 2;
        } else {
          pos++;
          return kind;
        }
      } else {
        pos++;
      }
    }
    pos = n;
    return TokenKind.UNTERMINATED;
  }

  private TokenKind bracketIdentifier() {
    int close = s.indexOf(']', pos);
    if (close < 0) {
      pos = n;
      return TokenKind.UNTERMINATED;
    }
    pos = close + 1;
    return TokenKind.QUOTED_IDENTIFIER;
  }

  private TokenKind dollar() {
    int i = pos + 1;
    if (i < n && isDigit(s.charAt(i))) {
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      pos = i;
      return TokenKind.PARAMETER;
    }
    if (dialect.dollarQuotes()) {
      while (i < n && isWordPart(s.charAt(i)) && s.charAt(i) != '$') {
        i++;
      }
      if (i < n && s.charAt(i) == '$') {
        String tag = s.substring(pos, i + 1);
        int close = s.indexOf(tag, i + 1);
        if (close < 0) {
          pos = n;
          return TokenKind.UNTERMINATED;
        }
        pos = close + tag.length();
        return TokenKind.DOLLAR_STRING;
      }
    }
    pos++;
    return TokenKind.OPERATOR;
  }

  private TokenKind number() {
    while (pos < n && (isDigit(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == '_')) {
      pos++;
    }
    if (pos < n && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      int i = pos + 1;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      if (i < n && isDigit(s.charAt(i))) {
        pos = i;
        while (pos < n && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
    }
    return TokenKind.NUMBER;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || (c > 127 && Character.isLetter(c));
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c) || isDigit(c) || c == '$' || (c > 127 && Character.isLetterOrDigit(c));
  }

  private static boolean isOperatorChar(char c) {
    return "+-*/<>=~!@#%^&|`?:\\".indexOf(c) >= 0;
  }
}
