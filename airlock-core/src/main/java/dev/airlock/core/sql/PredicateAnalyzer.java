package dev.airlock.core.sql;

import dev.airlock.core.operation.Predicate;
import dev.airlock.core.operation.Predicate.TextMatch;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a WHERE condition with a small recursive-descent parser (OR, AND, NOT, comparisons,
 * LIKE and regex matches, IS, IN, BETWEEN) and answers two questions rules care about: does it
 * hold for every row, and does it pick rows by a text pattern. Anything it cannot parse marks the
 * predicate as not understood; pattern matches are still found by a token scan.
 */
final class PredicateAnalyzer {
  private static final List<String> PATTERN_FUNCTIONS =
      List.of(
          "position", "strpos", "instr", "locate", "charindex", "contains", "regexp_like", "starts_with",
          "regexp_instr", "regexp_count");

  private final Cursor c;
  private final List<TextMatch> matches = new ArrayList<>();
  private boolean failed;

  private PredicateAnalyzer(Cursor c) {
    this.c = c;
  }

  static Predicate analyze(List<Token> tokens, int from, int to) {
    Cursor cursor = new Cursor(tokens, from, to);
    PredicateAnalyzer a = new PredicateAnalyzer(cursor);
    Truth truth;
    try {
      truth = a.or();
      if (!cursor.atEnd()) {
        a.failed = true;
      }
    } catch (RuntimeException e) {
      truth = Truth.unknown();
      a.failed = true;
    }
    if (a.failed) {
      a.matches.clear();
      a.scanForPatterns(tokens, from, to);
    }
    Optional<String> always = truth.value == Boolean.TRUE ? Optional.of(truth.reason) : Optional.empty();
    return new Predicate(cursor.text(from, to), always, a.matches, !a.failed);
  }

  /** Three-valued truth of a condition when it does not depend on the row. */
  private record Truth(Boolean value, String reason, Term term) {
    static Truth unknown() {
      return new Truth(null, null, null);
    }

    static Truth of(boolean v, String reason) {
      return new Truth(v, reason, null);
    }
  }

  /** An operand: a literal, a column reference, or some other expression, with its text. */
  private record Term(String text, Kind kind, String literal) {
    enum Kind {
      NUMBER,
      STRING,
      BOOLEAN,
      NULL,
      COLUMN,
      OTHER
    }
  }

  private Truth or() {
    int start = c.pos;
    Truth left = and();
    List<Truth> parts = new ArrayList<>(List.of(left));
    while (c.accept("OR")) {
      parts.add(and());
    }
    if (parts.size() == 1) {
      return left;
    }
    for (Truth t : parts) {
      if (t.value == Boolean.TRUE) {
        return Truth.of(true, t.reason);
      }
    }
    String covering = nullCoverage(parts);
    if (covering != null) {
      return Truth.of(true, "`" + c.text(start, c.pos) + "` holds for " + covering);
    }
    boolean allFalse = parts.stream().allMatch(t -> t.value == Boolean.FALSE);
    return allFalse ? Truth.of(false, null) : Truth.unknown();
  }

  /** {@code x IS NULL OR x IS NOT NULL}: true for every row. */
  private static String nullCoverage(List<Truth> parts) {
    for (Truth a : parts) {
      for (Truth b : parts) {
        if (a.term != null && b.term != null && a.reason != null && b.reason != null
            && a.term.text.equalsIgnoreCase(b.term.text)
            && a.reason.equals("IS NULL") && b.reason.equals("IS NOT NULL")) {
          return "every value of `" + a.term.text + "`";
        }
      }
    }
    return null;
  }

  private Truth and() {
    Truth left = not();
    List<Truth> parts = new ArrayList<>(List.of(left));
    while (c.accept("AND")) {
      parts.add(not());
    }
    if (parts.size() == 1) {
      return left;
    }
    if (parts.stream().anyMatch(t -> t.value == Boolean.FALSE)) {
      return Truth.of(false, null);
    }
    if (parts.stream().allMatch(t -> t.value == Boolean.TRUE)) {
      return Truth.of(true, parts.get(0).reason);
    }
    return Truth.unknown();
  }

  private Truth not() {
    if (c.accept("NOT")) {
      int start = c.pos;
      Truth inner = not();
      if (inner.value == null) {
        return Truth.unknown();
      }
      return Truth.of(!inner.value, "`NOT " + c.text(start, c.pos) + "` is always " + !inner.value);
    }
    return predicate();
  }

  private Truth predicate() {
    int start = c.pos;
    if (c.accept("EXISTS")) {
      skipParensScanning();
      return Truth.unknown();
    }
    if (isConditionGroup()) {
      c.next();
      Truth inner = or();
      if (!c.acceptKind(TokenKind.RIGHT_PAREN)) {
        throw new IllegalStateException("unclosed group");
      }
      return inner;
    }
    Term left = additive();
    Token t = c.peek();
    if (t == null || t.isAny("AND", "OR", "THEN") || t.kind() == TokenKind.RIGHT_PAREN) {
      return truthOfTerm(left);
    }
    boolean negated = c.accept("NOT");
    if (c.isAny("LIKE", "ILIKE", "RLIKE", "REGEXP", "GLOB") || c.is("SIMILAR")) {
      String op = c.next().text().toUpperCase(Locale.ROOT);
      if (op.equals("SIMILAR")) {
        c.accept("TO");
        op = "SIMILAR TO";
      }
      Term pattern = additive();
      int escape = '\\';
      if (c.accept("ESCAPE")) {
        Term e = term();
        escape = e.kind == Term.Kind.STRING && e.literal.length() == 1 ? e.literal.charAt(0) : -1;
      }
      int to = c.pos;
      return match(left, (negated ? "NOT " : "") + op, pattern, escape, c.text(start, to));
    }
    if (c.accept("IS")) {
      boolean isNot = c.accept("NOT");
      if (c.accept("NULL")) {
        if (isLiteral(left)) {
          boolean v = (left.kind == Term.Kind.NULL) != isNot;
          return Truth.of(v, "`" + c.text(start, c.pos) + "` is always " + v);
        }
        return new Truth(null, isNot ? "IS NOT NULL" : "IS NULL", left);
      }
      if (c.isAny("TRUE", "FALSE") && left.kind == Term.Kind.BOOLEAN) {
        boolean v = left.literal.equalsIgnoreCase(c.next().text()) != isNot;
        return Truth.of(v, "`" + c.text(start, c.pos) + "` is always " + v);
      }
      if (c.accept("DISTINCT", "FROM")) {
        additive();
        return Truth.unknown();
      }
      c.next();
      return Truth.unknown();
    }
    if (c.accept("IN")) {
      if (!skipParensScanning()) {
        throw new IllegalStateException("IN without list");
      }
      return Truth.unknown();
    }
    if (c.accept("BETWEEN")) {
      c.accept("SYMMETRIC");
      additive();
      if (!c.accept("AND")) {
        throw new IllegalStateException("BETWEEN without AND");
      }
      additive();
      return Truth.unknown();
    }
    if (negated) {
      throw new IllegalStateException("dangling NOT");
    }
    if (t.kind() == TokenKind.OPERATOR) {
      String op = c.next().text();
      if (c.isAny("ANY", "ALL", "SOME")) {
        c.next();
        skipParensScanning();
        return Truth.unknown();
      }
      Term right = additive();
      if (op.startsWith("~") || op.startsWith("!~") || op.equals("^@")) {
        return match(left, op, right, c.text(start, c.pos));
      }
      return compare(left, op, right, c.text(start, c.pos));
    }
    throw new IllegalStateException("unexpected " + t.text());
  }

  /**
   * A parenthesised condition that stands on its own, {@code (x IS NULL) OR ...}: read as a
   * condition so that its truth, not just its text, reaches the enclosing AND or OR.
   */
  private boolean isConditionGroup() {
    if (!c.isKind(TokenKind.LEFT_PAREN) || c.peek(1) == null || c.peek(1).isAny("SELECT", "WITH", "VALUES")) {
      return false;
    }
    int open = c.pos;
    c.skipParens();
    Token after = c.peek();
    c.pos = open;
    return after == null || after.isAny("AND", "OR", "THEN") || after.kind() == TokenKind.RIGHT_PAREN;
  }

  private static boolean isLiteral(Term t) {
    return t.kind == Term.Kind.NUMBER || t.kind == Term.Kind.STRING || t.kind == Term.Kind.BOOLEAN || t.kind == Term.Kind.NULL;
  }

  private Truth truthOfTerm(Term term) {
    if (isPatternFunction(term)) {
      matches.add(new TextMatch(term.text, "IS", "TRUE"));
      return Truth.unknown();
    }
    if (term.kind == Term.Kind.BOOLEAN) {
      boolean v = term.literal.equals("TRUE");
      return Truth.of(v, "`" + term.text + "` is always " + v);
    }
    if (term.kind == Term.Kind.NUMBER) {
      boolean v = new BigDecimal(term.literal).signum() != 0;
      return Truth.of(v, "`" + term.text + "` is always " + v);
    }
    return Truth.unknown();
  }

  private Truth match(Term subject, String op, Term pattern, String text) {
    return match(subject, op, pattern, '\\', text);
  }

  private Truth match(Term subject, String op, Term pattern, int escape, String text) {
    boolean negated = op.startsWith("NOT") || op.startsWith("!");
    if (pattern.kind == Term.Kind.STRING) {
      String p = pattern.literal;
      boolean likeOp = (op.endsWith("LIKE") && !op.endsWith("RLIKE")) || op.endsWith("SIMILAR TO") || op.endsWith("GLOB");
      boolean matchesAll =
          likeOp
              ? !p.isEmpty() && p.chars().allMatch(ch -> ch == '%' || ch == '*')
              : p.isEmpty() || p.equals(".*") || p.equals("^") || p.equals("^.*$") || p.equals(".*$");
      if (matchesAll && !negated) {
        return Truth.of(true, "`" + text + "` matches every non-null value");
      }
      boolean wildcard = !likeOp || hasWildcard(p, escape, wildcards(op));
      if (wildcard) {
        matches.add(new TextMatch(subject.text, op, pattern.text));
      }
    } else if (pattern.kind != Term.Kind.NULL) {
      matches.add(new TextMatch(subject.text, op, pattern.text));
    }
    return Truth.unknown();
  }

  /**
   * True when a LIKE (or GLOB) pattern has a wildcard that is not escaped: {@code 'x\\%'} matches
   * only the text {@code x%}. Backslash is the default escape of LIKE in PostgreSQL and MySQL.
   */
  private static boolean hasWildcard(String pattern, int escape, String wildcards) {
    boolean glob = wildcards.startsWith("*");
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (!glob && ch == escape) {
        i++;
      } else if (wildcards.indexOf(ch) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The characters that make a pattern of this operator match more than one text. */
  private static String wildcards(String op) {
    if (op.endsWith("GLOB")) {
      return "*?[";
    }
    return op.endsWith("SIMILAR TO") || op.equals("SIMILAR") ? "%_|*+?{}()[]" : "%_";
  }

  private Truth compare(Term left, String op, Term right, String text) {
    if (isPatternFunction(left) || isPatternFunction(right)) {
      Term fn = isPatternFunction(left) ? left : right;
      matches.add(new TextMatch(fn.text, op, isPatternFunction(left) ? right.text : left.text));
      return Truth.unknown();
    }
    boolean literals = compareLiterals(left, right) != null;
    boolean sameText = !literals && left.kind != Term.Kind.NULL && left.text.equalsIgnoreCase(right.text);
    if (sameText && (op.equals("=") || op.equals(">=") || op.equals("<=") || op.equals("=="))) {
      String what = left.kind == Term.Kind.COLUMN ? " for every row where it is not null" : "";
      return Truth.of(true, "`" + text + "` compares a value with itself" + what);
    }
    Integer cmp = compareLiterals(left, right);
    if (cmp == null) {
      return Truth.unknown();
    }
    Boolean v =
        switch (op) {
          case "=", "==" -> cmp == 0;
          case "<>", "!=" -> cmp != 0;
          case "<" -> cmp < 0;
          case ">" -> cmp > 0;
          case "<=" -> cmp <= 0;
          case ">=" -> cmp >= 0;
          default -> null;
        };
    return v == null ? Truth.unknown() : Truth.of(v, "`" + text + "` is always " + v);
  }

  private static boolean isPatternFunction(Term t) {
    if (t.kind != Term.Kind.OTHER) {
      return false;
    }
    String lower = t.text.toLowerCase(Locale.ROOT);
    return PATTERN_FUNCTIONS.stream().anyMatch(f -> lower.startsWith(f + "("));
  }

  private static Integer compareLiterals(Term a, Term b) {
    if (a.kind == Term.Kind.NUMBER && b.kind == Term.Kind.NUMBER) {
      return new BigDecimal(a.literal).compareTo(new BigDecimal(b.literal));
    }
    if (a.kind == Term.Kind.STRING && b.kind == Term.Kind.STRING) {
      return a.literal.compareTo(b.literal);
    }
    return null;
  }

  /** An operand with binary arithmetic, concatenation and casts folded into one term. */
  private Term additive() {
    int start = c.pos;
    Term first = term();
    int parts = 1;
    while (c.peek() != null
        && c.peek().kind() == TokenKind.OPERATOR
        && isArithmetic(c.peek().text())) {
      String op = c.next().text();
      if (op.equals("::")) {
        typeName();
      } else {
        term();
        parts++;
      }
    }
    if (parts == 1 && c.pos - start <= 3 && first.kind != Term.Kind.OTHER) {
      return first;
    }
    String text = c.text(start, c.pos);
    return new Term(text, Term.Kind.OTHER, text);
  }

  private static boolean isArithmetic(String op) {
    return switch (op) {
      case "+", "-", "*", "/", "%", "||", "::", "^", "&", "|", "<<", ">>", "->", "->>", "#>", "#>>" -> true;
      default -> false;
    };
  }

  private void typeName() {
    c.name();
    c.skipParens();
    while (c.isKind(TokenKind.LEFT_BRACKET)) {
      c.next();
      c.acceptKind(TokenKind.RIGHT_BRACKET);
    }
  }

  private Term term() {
    int start = c.pos;
    Token t = c.next();
    if (t == null) {
      throw new IllegalStateException("missing operand");
    }
    switch (t.kind()) {
      case NUMBER:
        return new Term(t.text(), Term.Kind.NUMBER, t.text().replace("_", ""));
      case STRING:
      case DOLLAR_STRING:
        return new Term(t.text(), Term.Kind.STRING, t.value());
      case PARAMETER:
        return new Term(t.text(), Term.Kind.OTHER, t.text());
      case LEFT_PAREN:
        c.pos--;
        c.skipParens();
        return parenthesised(start);
      case OPERATOR:
        if (t.text().equals("-") || t.text().equals("+")) {
          Term inner = term();
          if (inner.kind == Term.Kind.NUMBER) {
            return new Term(c.text(start, c.pos), Term.Kind.NUMBER, t.text() + inner.literal);
          }
          return new Term(c.text(start, c.pos), Term.Kind.OTHER, null);
        }
        throw new IllegalStateException("unexpected operator " + t.text());
      case WORD:
      case QUOTED_IDENTIFIER:
        return wordTerm(t, start);
      default:
        throw new IllegalStateException("unexpected " + t.text());
    }
  }

  /** {@code (expr)} is judged by what is inside; a subquery is opaque. */
  private Term parenthesised(int start) {
    int innerFrom = start + 1;
    int innerTo = c.pos - 1;
    Token first = c.tokens.get(innerFrom);
    String text = c.text(start, c.pos);
    if (first.isAny("SELECT", "WITH", "VALUES")) {
      scanForPatterns(c.tokens, innerFrom, innerTo);
      return new Term(text, Term.Kind.OTHER, null);
    }
    Cursor inner = new Cursor(c.tokens, innerFrom, innerTo);
    PredicateAnalyzer sub = new PredicateAnalyzer(inner);
    Truth truth = sub.or();
    if (!inner.atEnd() || sub.failed) {
      throw new IllegalStateException("unparsed group");
    }
    matches.addAll(sub.matches);
    if (truth.value != null) {
      return new Term(text, Term.Kind.BOOLEAN, truth.value ? "TRUE" : "FALSE");
    }
    return new Term(text, Term.Kind.OTHER, null);
  }

  private Term wordTerm(Token t, int start) {
    if (t.kind() == TokenKind.WORD) {
      if (t.isAny("TRUE", "FALSE")) {
        return new Term(t.text(), Term.Kind.BOOLEAN, t.text().toUpperCase(Locale.ROOT));
      }
      if (t.is("NULL")) {
        return new Term(t.text(), Term.Kind.NULL, null);
      }
      if (t.is("CASE")) {
        int depth = 1;
        while (depth > 0 && !c.atEnd()) {
          Token n = c.next();
          if (n.is("CASE")) {
            depth++;
          } else if (n.is("END")) {
            depth--;
          }
        }
        return new Term(c.text(start, c.pos), Term.Kind.OTHER, null);
      }
      if (t.isAny("INTERVAL", "DATE", "TIMESTAMP", "TIME") && c.isKind(TokenKind.STRING)) {
        c.next();
        return new Term(c.text(start, c.pos), Term.Kind.OTHER, null);
      }
      if (t.isAny("CURRENT_DATE", "CURRENT_TIMESTAMP", "CURRENT_TIME", "LOCALTIMESTAMP", "CURRENT_USER")) {
        return new Term(t.text(), Term.Kind.OTHER, null);
      }
      if (t.is("ARRAY") && c.isKind(TokenKind.LEFT_BRACKET)) {
        skipBrackets();
        return new Term(c.text(start, c.pos), Term.Kind.OTHER, null);
      }
    }
    c.pos--;
    c.name();
    if (c.isKind(TokenKind.LEFT_PAREN)) {
      c.skipParens();
      if (c.accept("FILTER")) {
        c.skipParens();
      }
      if (c.accept("OVER")) {
        if (!c.skipParens()) {
          c.name();
        }
      }
      return new Term(c.text(start, c.pos), Term.Kind.OTHER, null);
    }
    while (c.isKind(TokenKind.LEFT_BRACKET)) {
      skipBrackets();
    }
    return new Term(c.text(start, c.pos), Term.Kind.COLUMN, null);
  }

  private void skipBrackets() {
    int depth = 0;
    while (!c.atEnd()) {
      Token t = c.next();
      if (t.kind() == TokenKind.LEFT_BRACKET) {
        depth++;
      } else if (t.kind() == TokenKind.RIGHT_BRACKET && --depth == 0) {
        return;
      }
    }
  }

  /**
   * Skips a parenthesised list or subquery, noting the text patterns inside it: rows picked by
   * {@code id IN (SELECT id FROM customers WHERE email LIKE '%test%')} are picked by a pattern.
   */
  private boolean skipParensScanning() {
    int open = c.pos;
    if (!c.skipParens()) {
      return false;
    }
    scanForPatterns(c.tokens, open + 1, c.pos - 1);
    return true;
  }

  /** The (qualified) name that ends just before {@code at}: {@code c.email} in {@code c.email LIKE}. */
  private static String subjectBefore(List<Token> tokens, int from, int at) {
    int k = at - 1;
    while (k - 2 >= from && tokens.get(k - 1).kind() == TokenKind.DOT && Cursor.isNamePart(tokens.get(k - 2))) {
      k -= 2;
    }
    return new Cursor(tokens, from, at).text(k, at);
  }

  /** Fallback for conditions the parser gave up on: find pattern operators by their tokens. */
  private void scanForPatterns(List<Token> tokens, int from, int to) {
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      boolean like = t.isAny("LIKE", "ILIKE", "SIMILAR", "GLOB");
      boolean regex =
          t.isAny("REGEXP", "RLIKE")
              || (t.kind() == TokenKind.OPERATOR && (t.text().startsWith("~") || t.text().startsWith("!~")));
      if (!like && !regex) {
        continue;
      }
      int j = i + 1;
      if (j < to && tokens.get(j).is("TO")) {
        j++;
      }
      Token pattern = j < to ? tokens.get(j) : null;
      if (pattern == null) {
        continue;
      }
      boolean literal = pattern.kind() == TokenKind.STRING || pattern.kind() == TokenKind.DOLLAR_STRING;
      boolean concatenated = j + 1 < to && tokens.get(j + 1).isOperator("||");
      if (like && literal && !concatenated && !hasWildcard(pattern.value(), '\\', wildcards(t.text().toUpperCase(Locale.ROOT)))) {
        continue; // LIKE without wildcards is an equality
      }
      String subject = i > from ? subjectBefore(tokens, from, i) : "?";
      String op = t.text().toUpperCase(Locale.ROOT) + (j > i + 1 ? " TO" : "");
      matches.add(new TextMatch(subject, op, pattern.text()));
    }
  }
}
