package dev.airlock.gateway.sql;

import dev.airlock.core.sql.Token;
import dev.airlock.core.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a plain UPDATE or DELETE that pick its rows: the target table, its alias, the other
 * tables it joins (USING / FROM) and its WHERE condition, as token ranges. The gateway selects the
 * rows a write will touch with exactly these parts before it runs the write.
 *
 * @param table the target's name as written, e.g. {@code public.customers}
 * @param tableFrom the first token of the target's name
 * @param tableTo just after the target's name
 * @param alias the name rows are qualified by: the alias, or the table's last name part
 * @param joinFrom the first token of the USING / FROM list, or -1
 * @param joinTo just after that list
 * @param whereFrom the first token of the condition, or -1 when there is no WHERE
 * @param whereTo just after the condition
 */
public record DmlShape(
    String table,
    int tableFrom,
    int tableTo,
    Token alias,
    int joinFrom,
    int joinTo,
    int whereFrom,
    int whereTo) {

  /** The shape of a top-level UPDATE or DELETE; empty for anything else or anything unusual. */
  public static Optional<DmlShape> of(OneStatement statement) {
    List<Token> t = statement.code();
    int n = t.size();
    int i;
    boolean delete = t.get(0).is("DELETE");
    if (delete && n > 1 && t.get(1).is("FROM")) {
      i = 2;
    } else if (t.get(0).is("UPDATE")) {
      i = 1;
    } else {
      return Optional.empty();
    }
    if (i < n && t.get(i).is("ONLY")) {
      i++;
    }
    int tableFrom = i;
    List<Token> parts = new ArrayList<>();
    while (i < n && isName(t.get(i))) {
      parts.add(t.get(i++));
      if (i + 1 < n && t.get(i).kind() == TokenKind.DOT && isName(t.get(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    int tableTo = i;
    if (i < n && t.get(i).isOperator("*")) {
      i++;
    }
    Token alias = parts.get(parts.size() - 1);
    if (i < n && t.get(i).is("AS")) {
      i++;
    }
    String stop = delete ? "USING" : "SET";
    if (i < n && isName(t.get(i)) && !t.get(i).isAny(stop, "WHERE", "RETURNING")) {
      alias = t.get(i++);
    }
    int join = -1;
    int joinTo = -1;
    if (delete) {
      if (i < n && t.get(i).is("USING")) {
        join = i + 1;
      }
    } else {
      int set = Tokens.topLevel(t, i, n, "SET");
      if (set != i) {
        return Optional.empty();
      }
      int from = Tokens.topLevel(t, i, n, "FROM");
      join = from < 0 ? -1 : from + 1;
    }
    int where = Tokens.topLevel(t, i, n, "WHERE");
    int returning = Tokens.topLevel(t, i, n, "RETURNING");
    int end = returning < 0 ? n : returning;
    if (join >= 0 && where >= 0 && join > where) {
      join = -1; // `IS DISTINCT FROM` in the condition, not a FROM list
    }
    if (join >= 0) {
      joinTo = where < 0 ? end : where;
    }
    if (where >= 0
        && where + 2 < n
        && t.get(where + 1).is("CURRENT")
        && t.get(where + 2).is("OF")) {
      return Optional.empty(); // WHERE CURRENT OF a cursor: the gateway never has one open
    }
    int whereFrom = where < 0 ? -1 : where + 1;
    int whereTo = where < 0 ? -1 : end;
    StringBuilder name = new StringBuilder();
    for (Token p : parts) {
      name.append(name.length() == 0 ? "" : ".").append(p.text());
    }
    return Optional.of(
        new DmlShape(name.toString(), tableFrom, tableTo, alias, join, joinTo, whereFrom, whereTo));
  }

  /**
   * The names in the condition that may be columns of the target: bare or qualified by its alias.
   */
  public List<String> conditionNames(List<Token> t) {
    List<String> out = new ArrayList<>();
    if (whereFrom < 0) {
      return out;
    }
    for (int i = whereFrom; i < whereTo; i++) {
      Token k = t.get(i);
      boolean qualified = i > whereFrom && t.get(i - 1).kind() == TokenKind.DOT;
      boolean called = i + 1 < whereTo && t.get(i + 1).kind() == TokenKind.LEFT_PAREN;
      boolean qualifier = i + 1 < whereTo && t.get(i + 1).kind() == TokenKind.DOT;
      boolean keyword =
          k.kind() == TokenKind.WORD
              && Keywords.RESERVED.contains(k.text().toUpperCase(java.util.Locale.ROOT));
      boolean byAlias = qualified && i - 2 >= whereFrom && sameName(t.get(i - 2), alias);
      if (isName(k) && !called && !qualifier && !keyword && (!qualified || byAlias)) {
        out.add(Expressions.identifier(k));
      }
    }
    return out;
  }

  private static boolean sameName(Token a, Token b) {
    return Expressions.identifier(a).equals(Expressions.identifier(b));
  }

  private static boolean isName(Token k) {
    return k.kind() == TokenKind.WORD || k.kind() == TokenKind.QUOTED_IDENTIFIER;
  }
}
