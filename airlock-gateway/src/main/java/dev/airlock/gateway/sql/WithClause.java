package dev.airlock.gateway.sql;

import dev.airlock.core.sql.Token;
import dev.airlock.core.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The structure of {@code WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (body) [SEARCH
 * ... | CYCLE ...], ... main}: where each body and the main statement start. A WITH this cannot
 * read is refused.
 *
 * @param ctes the common table expressions in order
 * @param main the index of the main statement's first token
 */
record WithClause(List<Cte> ctes, int main) {

  /**
   * One common table expression.
   *
   * @param nameAt the index of its name (followed by a column list when {@code columns})
   * @param bodyFrom the first token inside its parentheses
   * @param bodyTo the index of its closing parenthesis
   */
  record Cte(int nameAt, boolean columns, int bodyFrom, int bodyTo) {}

  /** Reads the WITH that starts at {@code from}. */
  static WithClause read(List<Token> t, int from, int to) throws Refused {
    int i = from + 1;
    if (i < to && t.get(i).is("RECURSIVE")) {
      i++;
    }
    List<Cte> ctes = new ArrayList<>();
    while (true) {
      if (i >= to
          || !(t.get(i).kind() == TokenKind.WORD
              || t.get(i).kind() == TokenKind.QUOTED_IDENTIFIER)) {
        throw unreadable(t, i, to);
      }
      int nameAt = i++;
      boolean columns = i < to && t.get(i).kind() == TokenKind.LEFT_PAREN;
      if (columns) {
        i = Tokens.matching(t, i, to) + 1;
      }
      if (i >= to || !t.get(i).is("AS")) {
        throw unreadable(t, i, to);
      }
      i++;
      if (i < to && t.get(i).is("NOT")) {
        i++;
      }
      if (i < to && t.get(i).is("MATERIALIZED")) {
        i++;
      }
      if (i >= to || t.get(i).kind() != TokenKind.LEFT_PAREN) {
        throw unreadable(t, i, to);
      }
      int close = Tokens.matching(t, i, to);
      ctes.add(new Cte(nameAt, columns, i + 1, close));
      i = searchOrCycle(t, close + 1, to);
      if (i < to && t.get(i).kind() == TokenKind.COMMA) {
        i++;
        continue;
      }
      break;
    }
    if (i >= to) {
      throw new Refused("unparsed", "WITH without a statement after its common table expressions");
    }
    return new WithClause(ctes, i);
  }

  /** Skips {@code SEARCH ... SET col} and {@code CYCLE ... SET col [TO v DEFAULT v] USING col}. */
  private static int searchOrCycle(List<Token> t, int i, int to) throws Refused {
    while (i < to && t.get(i).isAny("SEARCH", "CYCLE")) {
      boolean cycle = t.get(i).is("CYCLE");
      int set = Tokens.topLevel(t, i, to, "SET");
      if (set < 0 || set + 1 >= to) {
        throw unreadable(t, i, to);
      }
      i = set + 2;
      if (cycle && i < to && t.get(i).is("TO")) {
        i += 4;
      }
      if (cycle) {
        if (i + 1 >= to || !t.get(i).is("USING")) {
          throw unreadable(t, i, to);
        }
        i += 2;
      }
    }
    return i;
  }

  private static Refused unreadable(List<Token> t, int i, int to) {
    String at = i < to ? "`" + t.get(i).text() + "`" : "the end";
    return new Refused("unparsed", "cannot read the WITH clause at " + at);
  }
}
