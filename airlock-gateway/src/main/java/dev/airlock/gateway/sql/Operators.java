package dev.airlock.gateway.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The operators a statement may use: PostgreSQL's built-in comparison, arithmetic, text, array,
 * range, json and full-text operators. An operator is a function underneath, so one nobody listed
 * is refused like an unknown function.
 */
final class Operators {
  private Operators() {}

  private static final Set<String> ALLOWED =
      Set.of(
          "=", "<>", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "^", "|/", "||/", "@",
          "&", "|", "#", "~", "<<", ">>", "||", "~~", "~~*", "!~~", "!~~*", "~*", "!~", "!~*", "^@",
          "->", "->>", "#>", "#>>", "@>", "<@", "?|", "?&", "#-", "@?", "@@", "&&", "-|-", "&<",
          "&>", "<<|", "|>>", "::", ":", "=>");

  /**
   * The operator that is not allowed, if any. The lexer joins a run of operator characters; like
   * PostgreSQL, a run ending in + or - without any of ~ ! @ # % ^ & | ` ? is cut before that sign
   * ({@code =-1} is {@code =} and {@code -1}).
   */
  static String disallowed(String run) {
    for (String op : pieces(run)) {
      if (!ALLOWED.contains(op)) {
        return op;
      }
    }
    return null;
  }

  private static List<String> pieces(String run) {
    List<String> out = new ArrayList<>();
    String rest = run;
    while (!rest.isEmpty()) {
      String op = rest;
      while (op.length() > 1 && (op.endsWith("+") || op.endsWith("-")) && !hasSpecial(op)) {
        op = op.substring(0, op.length() - 1);
      }
      out.add(op);
      rest = rest.substring(op.length());
    }
    return out;
  }

  private static boolean hasSpecial(String op) {
    for (char c : op.toCharArray()) {
      if ("~!@#%^&|`?".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }
}
