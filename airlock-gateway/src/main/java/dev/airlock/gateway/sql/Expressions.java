package dev.airlock.gateway.sql;

import dev.airlock.core.sql.Token;
import dev.airlock.core.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds every function call, operator and cast in a range of tokens and refuses the ones that could
 * do more than compute a value. A name followed by {@code (} is a call unless PostgreSQL's grammar
 * makes it syntax (a reserved word, {@code a JOIN (b)}, an alias's column list, a type modifier);
 * anything this class cannot place is treated as a call, so an unknown shape is refused rather than
 * let through.
 */
final class Expressions {
  private final List<Token> t;
  private final AllowedFunctions functions;
  private final Set<Integer> notCalls;

  private Expressions(List<Token> tokens, AllowedFunctions functions, Set<Integer> notCalls) {
    this.t = tokens;
    this.functions = functions;
    this.notCalls = notCalls;
  }

  /**
   * Checks tokens {@code [from, to)}; {@code notCalls} holds the indexes of names the caller knows
   * are no calls (a CTE's name before its column list).
   */
  static void check(
      List<Token> tokens, int from, int to, AllowedFunctions functions, Set<Integer> notCalls)
      throws Refused {
    new Expressions(tokens, functions, notCalls).range(from, to);
  }

  private void range(int from, int to) throws Refused {
    int i = from;
    while (i < to) {
      Token k = t.get(i);
      if (k.kind() == TokenKind.OPERATOR) {
        if (k.text().equals("::")) {
          i = type(i + 1, to);
          continue;
        }
        String bad = Operators.disallowed(k.text());
        if (bad != null) {
          throw new Refused(
              "operator-not-allowed",
              "operator `" + bad + "` is not on the gateway's allow-list of built-in operators");
        }
        i++;
      } else if (k.is("CAST") && isParen(i + 1, to)) {
        i = cast(i, to);
      } else if (isName(k)) {
        i = name(i, to);
      } else {
        i++;
      }
    }
  }

  /** A (qualified) name at {@code i}; a call when {@code (} follows. Returns the next index. */
  private int name(int i, int to) throws Refused {
    List<Token> parts = new ArrayList<>();
    parts.add(t.get(i));
    int j = i;
    while (j + 2 < to && t.get(j + 1).kind() == TokenKind.DOT && isName(t.get(j + 2))) {
      j += 2;
      parts.add(t.get(j));
    }
    if (!isParen(j + 1, to)) {
      return j + 1;
    }
    Token prev = i > 0 ? t.get(i - 1) : null;
    if (prev != null && prev.isAny("AS", "INTO")) {
      // an alias's column list or INSERT INTO t (columns): no call, but what is inside is checked
      int close = Tokens.matching(t, j + 1, to);
      range(j + 2, close);
      return close + 1;
    }
    if (notCalls.contains(i) || isSyntax(parts, prev)) {
      return j + 1;
    }
    call(parts, i > 0 && isOperandEnd(t.get(i - 1)));
    return j + 1;
  }

  private void call(List<Token> parts, boolean afterOperand) throws Refused {
    String written = written(parts);
    if (parts.size() > 2) {
      throw new Refused(
          "function-not-allowed",
          "function `" + written + "`: a name in another database is not allowed");
    }
    String name = identifier(parts.get(parts.size() - 1));
    String schema = parts.size() == 2 ? identifier(parts.get(0)) : "";
    if (!functions.allows(schema, name)) {
      throw new Refused(
          "function-not-allowed",
          "function `"
              + written
              + "` is not on the gateway's allow-list of functions without side effects"
              + (afterOperand
                  ? " (an alias with a column list needs AS: `AS " + written + "(...)`)"
                  : ""));
    }
  }

  /** True when a name followed by ( is PostgreSQL syntax rather than a function call. */
  private static boolean isSyntax(List<Token> parts, Token prev) {
    if (parts.size() > 1 || parts.get(0).kind() != TokenKind.WORD) {
      return false;
    }
    String w = parts.get(0).text().toUpperCase(Locale.ROOT);
    if (Keywords.RESERVED.contains(w) || Keywords.COLUMN_NAME_ONLY.contains(w)) {
      return true;
    }
    if (Keywords.INFIX.contains(w)) {
      return isOperandEnd(prev) || (prev != null && prev.is("NOT") && !w.equals("JOIN"));
    }
    if (prev == null) {
      return false;
    }
    return switch (w) {
      case "OVER", "FILTER", "REPEATABLE" -> prev.kind() == TokenKind.RIGHT_PAREN;
      case "BY" -> prev.isAny("ORDER", "GROUP", "PARTITION", "FIRST");
      case "SETS" -> prev.is("GROUPING");
      case "FIRST", "NEXT" -> prev.is("FETCH");
      case "ZONE" -> prev.is("TIME");
      case "MATERIALIZED" -> prev.isAny("AS", "NOT");
      case "CONFLICT" -> prev.is("ON");
      case "SET" -> isOperandEnd(prev);
      case "INSERT" -> prev.is("THEN");
      default -> false; // a TABLESAMPLE method too: only the listed ones
    };
  }

  /** A token that ends an operand: after it, JOIN or LIKE is syntax, not a call. */
  private static boolean isOperandEnd(Token prev) {
    if (prev == null) {
      return false;
    }
    return switch (prev.kind()) {
      case RIGHT_PAREN,
          RIGHT_BRACKET,
          STRING,
          DOLLAR_STRING,
          NUMBER,
          PARAMETER,
          QUOTED_IDENTIFIER ->
          true;
      case WORD -> !Keywords.RESERVED.contains(prev.text().toUpperCase(Locale.ROOT));
      default -> false;
    };
  }

  /** {@code CAST(expression AS type)}: the expression is checked, the type is no call. */
  private int cast(int i, int to) throws Refused {
    int open = i + 1;
    int close = Tokens.matching(t, open, to);
    int as = -1;
    int depth = 0;
    for (int k = open + 1; k < close; k++) {
      TokenKind kind = t.get(k).kind();
      if (kind == TokenKind.LEFT_PAREN || kind == TokenKind.LEFT_BRACKET) {
        depth++;
      } else if (kind == TokenKind.RIGHT_PAREN || kind == TokenKind.RIGHT_BRACKET) {
        depth--;
      } else if (depth == 0 && t.get(k).is("AS")) {
        as = k;
      }
    }
    if (as < 0) {
      throw new Refused("unparsed", "CAST without AS type");
    }
    range(open + 1, as);
    if (type(as + 1, close) != close) {
      throw new Refused(
          "unparsed", "cannot read the type in `CAST(... AS " + t.get(as + 1).text() + " ...)`");
    }
    return close + 1;
  }

  /**
   * Skips the type name of a cast starting at {@code i}: {@code pg_catalog.int4}, {@code double
   * precision}, {@code timestamp(3) with time zone}, {@code numeric(10, 2)[]}. A type's modifiers
   * are expressions and are checked.
   */
  private int type(int i, int to) throws Refused {
    if (i >= to || !isName(t.get(i))) {
      throw new Refused("unparsed", "a cast without a type name");
    }
    String first = t.get(i).text().toLowerCase(Locale.ROOT);
    int j = i;
    while (j + 2 < to && t.get(j + 1).kind() == TokenKind.DOT && isName(t.get(j + 2))) {
      j += 2;
    }
    j++;
    switch (first) {
      case "double" -> j = accept(j, to, "PRECISION");
      case "character", "char", "bit", "national", "nchar" -> {
        j = accept(j, to, "CHARACTER");
        j = accept(j, to, "VARYING");
      }
      case "interval" -> {
        while (j < to && t.get(j).isAny("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "TO")) {
          j++;
        }
      }
      default -> {}
    }
    if (isParen(j, to)) {
      int close = Tokens.matching(t, j, to);
      range(j + 1, close);
      j = close + 1;
    }
    if ((first.equals("time") || first.equals("timestamp"))
        && j + 2 < to
        && t.get(j).isAny("WITH", "WITHOUT")
        && t.get(j + 1).is("TIME")
        && t.get(j + 2).is("ZONE")) {
      j += 3;
    }
    while (j < to && t.get(j).kind() == TokenKind.LEFT_BRACKET) {
      int close = Tokens.matching(t, j, to);
      range(j + 1, close);
      j = close + 1;
    }
    return j;
  }

  private int accept(int j, int to, String word) {
    return j < to && t.get(j).is(word) ? j + 1 : j;
  }

  private boolean isParen(int i, int to) {
    return i < to && t.get(i).kind() == TokenKind.LEFT_PAREN;
  }

  private static boolean isName(Token k) {
    return k.kind() == TokenKind.WORD || k.kind() == TokenKind.QUOTED_IDENTIFIER;
  }

  /** A name as PostgreSQL resolves it: unquoted folded to lower case, quoted exact. */
  static String identifier(Token k) {
    return k.kind() == TokenKind.QUOTED_IDENTIFIER ? k.value() : AllowedFunctions.fold(k.text());
  }

  private static String written(List<Token> parts) {
    StringBuilder sb = new StringBuilder();
    for (Token p : parts) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(p.text());
    }
    return sb.toString();
  }
}
