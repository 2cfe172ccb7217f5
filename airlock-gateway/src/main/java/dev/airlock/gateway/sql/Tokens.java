package dev.airlock.gateway.sql;

import dev.airlock.core.sql.Token;
import dev.airlock.core.sql.TokenKind;
import java.util.List;

/** Small helpers over a statement's code tokens. */
final class Tokens {
  private Tokens() {}

  /**
   * The index of the bracket that closes the one at {@code open} (a parenthesis or square bracket),
   * counting both kinds; refused when it never closes before {@code to}.
   */
  static int matching(List<Token> t, int open, int to) throws Refused {
    int depth = 0;
    for (int i = open; i < to; i++) {
      TokenKind k = t.get(i).kind();
      if (k == TokenKind.LEFT_PAREN || k == TokenKind.LEFT_BRACKET) {
        depth++;
      } else if (k == TokenKind.RIGHT_PAREN || k == TokenKind.RIGHT_BRACKET) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    throw new Refused("unparsed", "a `" + t.get(open).text() + "` that is never closed");
  }

  /** The first index in {@code [from, to)} at depth 0 whose token is one of the keywords, or -1. */
  static int topLevel(List<Token> t, int from, int to, String... keywords) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      Token k = t.get(i);
      if (k.kind() == TokenKind.LEFT_PAREN || k.kind() == TokenKind.LEFT_BRACKET) {
        depth++;
      } else if (k.kind() == TokenKind.RIGHT_PAREN || k.kind() == TokenKind.RIGHT_BRACKET) {
        depth--;
      } else if (depth == 0 && k.isAny(keywords)) {
        return i;
      }
    }
    return -1;
  }
}
