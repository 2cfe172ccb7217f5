package dev.airlock.core.sql;

import java.util.ArrayList;
import java.util.List;

/** A position in a statement's code tokens, with the small lookahead the classifier needs. */
final class Cursor {
  final List<Token> tokens;
  final int end;
  int pos;

  Cursor(List<Token> tokens, int start, int end) {
    this.tokens = tokens;
    this.pos = start;
    this.end = end;
  }

  boolean atEnd() {
    return pos >= end;
  }

  Token peek() {
    return peek(0);
  }

  Token peek(int k) {
    int i = pos + k;
    return i < end ? tokens.get(i) : null;
  }

  Token next() {
    return pos < end ? tokens.get(pos++) : null;
  }

  boolean is(String keyword) {
    Token t = peek();
    return t != null && t.is(keyword);
  }

  boolean isAny(String... keywords) {
    Token t = peek();
    return t != null && t.isAny(keywords);
  }

  boolean isKind(TokenKind kind) {
    Token t = peek();
    return t != null && t.kind() == kind;
  }

  /** Consumes the keywords if they all come next, in order. */
  boolean accept(String... keywords) {
    for (int k = 0; k < keywords.length; k++) {
      Token t = peek(k);
      if (t == null || !t.is(keywords[k])) {
        return false;
      }
    }
    pos += keywords.length;
    return true;
  }

  boolean acceptKind(TokenKind kind) {
    if (isKind(kind)) {
      pos++;
      return true;
    }
    return false;
  }

  /** Reads {@code a.b."c"}: words and quoted identifiers joined by dots; null if none. */
  String name() {
    Token t = peek();
    if (!isNamePart(t)) {
      return null;
    }
    StringBuilder sb = new StringBuilder(identifier(next()));
    while (isKind(TokenKind.DOT) && isNamePart(peek(1))) {
      pos++;
      sb.append('.').append(identifier(next()));
    }
    if (isKind(TokenKind.DOT) && peek(1) != null && peek(1).isOperator("*")) {
      pos += 2;
      sb.append(".*");
    }
    return sb.toString();
  }

  static boolean isNamePart(Token t) {
    return t != null
        && (t.kind() == TokenKind.WORD
            || t.kind() == TokenKind.QUOTED_IDENTIFIER
            || (t.kind() == TokenKind.STRING && t.text().startsWith("'")));
  }

  static String identifier(Token t) {
    return t.kind() == TokenKind.WORD ? t.text() : t.value();
  }

  /** Skips a balanced parenthesised group if one starts here. */
  boolean skipParens() {
    if (!isKind(TokenKind.LEFT_PAREN)) {
      return false;
    }
    int depth = 0;
    while (!atEnd()) {
      Token t = next();
      if (t.kind() == TokenKind.LEFT_PAREN) {
        depth++;
      } else if (t.kind() == TokenKind.RIGHT_PAREN && --depth == 0) {
        return true;
      }
    }
    return true;
  }

  /** Index of the first top-level token at or after pos that is one of the keywords, or end. */
  int findTopLevel(String... keywords) {
    int depth = 0;
    for (int i = pos; i < end; i++) {
      Token t = tokens.get(i);
      if (t.kind() == TokenKind.LEFT_PAREN || t.kind() == TokenKind.LEFT_BRACKET) {
        depth++;
      } else if (t.kind() == TokenKind.RIGHT_PAREN || t.kind() == TokenKind.RIGHT_BRACKET) {
        depth--;
      } else if (depth == 0 && t.isAny(keywords)) {
        return i;
      }
    }
    return end;
  }

  /** Splits {@code [from, to)} at top-level commas into [start, end) index pairs. */
  List<int[]> splitTopLevel(int from, int to) {
    List<int[]> parts = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (t.kind() == TokenKind.LEFT_PAREN || t.kind() == TokenKind.LEFT_BRACKET) {
        depth++;
      } else if (t.kind() == TokenKind.RIGHT_PAREN || t.kind() == TokenKind.RIGHT_BRACKET) {
        depth--;
      } else if (depth == 0 && t.kind() == TokenKind.COMMA) {
        parts.add(new int[] {start, i});
        start = i + 1;
      }
    }
    if (start < to) {
      parts.add(new int[] {start, to});
    }
    return parts;
  }

  /** The source text of tokens {@code [from, to)}, with white space folded to single spaces. */
  String text(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to && i < end; i++) {
      Token t = tokens.get(i);
      if (sb.length() > 0 && needsSpace(tokens.get(i - 1), t)) {
        sb.append(' ');
      }
      sb.append(t.text());
    }
    return sb.toString();
  }

  private static boolean needsSpace(Token prev, Token t) {
    if (t.start() == prev.end()) {
      return false;
    }
    return true;
  }
}
