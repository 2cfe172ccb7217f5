package dev.airlock.gateway.sql;

import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlStatement;
import dev.airlock.core.sql.StatementSplitter;
import dev.airlock.core.sql.Token;
import dev.airlock.core.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exactly one PostgreSQL statement as an agent sent it, split and lexed by the core. Anything the
 * lexer cannot close, a second statement, or a psql meta-command is refused here, before any guard
 * looks at it.
 *
 * <p>The text sent to the driver ({@link #sql()}) is rebuilt from the code tokens: comments become
 * a space and {@code $n} placeholders become {@code ?}, so the driver's own parser never sees a
 * comment or quote it might read differently from ours.
 */
public final class OneStatement {
  /** Longer statements are refused: no real query needs a megabyte of text. */
  public static final int MAX_LENGTH = 1_000_000;

  private final String text;
  private final List<Token> code;
  private final String sql;
  private final List<Integer> parameterOrder;

  private OneStatement(String text, List<Token> code, String sql, List<Integer> parameterOrder) {
    this.text = text;
    this.code = List.copyOf(code);
    this.sql = sql;
    this.parameterOrder = List.copyOf(parameterOrder);
  }

  public static OneStatement parse(String text) throws Refused {
    if (text == null || text.isBlank()) {
      throw new Refused("empty-statement", "no statement given");
    }
    if (text.length() > MAX_LENGTH) {
      throw new Refused(
          "statement-too-long",
          String.format(
              Locale.ROOT,
              "the statement is %,d characters; the gateway accepts at most %,d",
              text.length(),
              MAX_LENGTH));
    }
    if (text.indexOf('\0') >= 0) {
      throw new Refused("unparsed", "the statement contains a NUL character");
    }
    List<SqlStatement> pieces = new ArrayList<>();
    for (SqlStatement s : StatementSplitter.split(text, Dialect.POSTGRESQL)) {
      if (s.code().stream().anyMatch(t -> t.kind() != TokenKind.SEMICOLON)) {
        pieces.add(s); // a lone `;` is an empty statement, harmless
      }
    }
    if (pieces.isEmpty()) {
      throw new Refused("empty-statement", "the text holds only comments, no statement");
    }
    if (pieces.size() > 1) {
      throw new Refused(
          "statement-stacking",
          pieces.size()
              + " statements in one call (the second starts with `"
              + head(pieces.get(1))
              + "`); send exactly one statement per call");
    }
    SqlStatement one = pieces.get(0);
    if (one.directive()) {
      throw new Refused("unparsed", "`" + head(one) + "` is a psql meta-command, not SQL");
    }
    List<Token> code = new ArrayList<>(one.code());
    if (one.terminated() && code.get(code.size() - 1).kind() == TokenKind.SEMICOLON) {
      code.remove(code.size() - 1);
    }
    for (Token t : code) {
      if (t.kind() == TokenKind.UNTERMINATED) {
        throw new Refused(
            "unparsed",
            "an unterminated "
                + what(t)
                + " runs to the end of the statement; the gateway does not guess where it ends");
      }
      if (t.kind() == TokenKind.SEMICOLON) {
        // BEGIN ATOMIC ... END keeps semicolons inside one piece for the splitter; the server would
        // split it
        throw new Refused(
            "statement-stacking",
            "a `;` inside the statement starts a second one; send exactly one statement per call");
      }
    }
    if (code.isEmpty()) {
      throw new Refused("empty-statement", "no statement given");
    }
    return rebuild(text, code);
  }

  private static OneStatement rebuild(String text, List<Token> code) throws Refused {
    boolean question = false;
    boolean dollar = false;
    for (Token t : code) {
      if (t.kind() == TokenKind.PARAMETER && t.text().equals("?")) {
        question = true;
      } else if (t.kind() == TokenKind.PARAMETER && t.text().startsWith("$")) {
        dollar = true;
        number(t);
      } else if (t.kind() == TokenKind.PARAMETER) {
        throw new Refused(
            "parameters", "`" + t.text() + "` is not a parameter the gateway knows; write ? or $1");
      }
    }
    if (question && dollar) {
      throw new Refused("parameters", "the statement mixes ? and $n parameters; use one style");
    }
    Segment all = render(text, code, 0, code.size());
    return new OneStatement(text, code, all.sql(), all.parameters());
  }

  /**
   * A piece of the statement as the driver gets it, and which of the agent's parameters its {@code
   * ?} take, in order (0-based).
   */
  public record Segment(String sql, List<Integer> parameters) {}

  /** The driver's text for code tokens {@code [from, to)}: see {@link #sql()}. */
  public Segment segment(int from, int to) {
    return render(text, code, from, to);
  }

  private static Segment render(String text, List<Token> code, int from, int to) {
    StringBuilder sql = new StringBuilder();
    List<Integer> order = new ArrayList<>();
    int questions = 0;
    for (int i = 0; i < from; i++) {
      if (code.get(i).kind() == TokenKind.PARAMETER && code.get(i).text().equals("?")) {
        questions++;
      }
    }
    Token previous = null;
    for (int i = from; i < to; i++) {
      Token t = code.get(i);
      if (previous != null && previous.end() < t.start()) {
        String gap = text.substring(previous.end(), t.start());
        sql.append(gap.indexOf('\n') >= 0 || gap.indexOf('\r') >= 0 ? "\n" : " ");
      }
      if (t.kind() == TokenKind.PARAMETER) {
        order.add(t.text().equals("?") ? questions++ : Integer.parseInt(t.text().substring(1)) - 1);
        sql.append('?');
      } else {
        sql.append(t.text());
      }
      previous = t;
    }
    return new Segment(sql.toString(), order);
  }

  private static void number(Token t) throws Refused {
    try {
      int n = Integer.parseInt(t.text().substring(1));
      if (n >= 1 && n <= 65_535) {
        return;
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal
    }
    throw new Refused(
        "parameters", "`" + t.text() + "` is not a parameter number from $1 to $65535");
  }

  private static String head(SqlStatement s) {
    String h = s.code().get(0).text();
    return h.length() > 40 ? h.substring(0, 40) + "…" : h;
  }

  private static String what(Token t) {
    return switch (t.text().charAt(0)) {
      case '$' -> "dollar-quoted string";
      case '/' -> "block comment";
      case '"' -> "quoted identifier";
      default -> "string";
    };
  }

  /** The statement exactly as the agent sent it. */
  public String text() {
    return text;
  }

  /** The code tokens, comments and the closing semicolon left out. */
  public List<Token> code() {
    return code;
  }

  /** What the driver runs: the code with {@code ?} for every parameter. */
  public String sql() {
    return sql;
  }

  /** How many parameter values the statement takes ($3 alone needs three). */
  public int parameterCount() {
    return parameterOrder.stream().mapToInt(i -> i + 1).max().orElse(0);
  }

  /** The values for the driver's {@code ?} in order ({@code $2 ... $1} reorders them). */
  public List<Object> bind(List<?> parameters) throws Refused {
    return bind(parameters, parameterOrder);
  }

  /** The values for a {@link Segment}'s {@code ?}, from all the statement's parameters. */
  public List<Object> bind(List<?> parameters, Segment segment) throws Refused {
    return bind(parameters, segment.parameters());
  }

  private List<Object> bind(List<?> parameters, List<Integer> order) throws Refused {
    if (parameters.size() != parameterCount()) {
      throw new Refused(
          "parameters",
          "the statement takes "
              + parameterCount()
              + " parameter"
              + (parameterCount() == 1 ? "" : "s")
              + " and "
              + parameters.size()
              + " were given");
    }
    List<Object> out = new ArrayList<>(order.size());
    for (int i : order) {
      out.add(parameters.get(i));
    }
    return out;
  }

  /** The first keyword, upper case: SELECT, DELETE, ... */
  public String head() {
    return code.get(0).text().toUpperCase(Locale.ROOT);
  }
}
