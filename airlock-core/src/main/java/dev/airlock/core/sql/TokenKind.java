package dev.airlock.core.sql;

/** What a token is. Comments are tokens too, so suppressions and locations stay exact. */
public enum TokenKind {
  WORD,
  QUOTED_IDENTIFIER,
  STRING,
  DOLLAR_STRING,
  NUMBER,
  PARAMETER,
  OPERATOR,
  LEFT_PAREN,
  RIGHT_PAREN,
  LEFT_BRACKET,
  RIGHT_BRACKET,
  COMMA,
  SEMICOLON,
  DOT,
  LINE_COMMENT,
  BLOCK_COMMENT,
  /** A string, quoted identifier or comment that never ends: it runs to the end of the text. */
  UNTERMINATED;

  public boolean isComment() {
    return this == LINE_COMMENT || this == BLOCK_COMMENT;
  }
}
