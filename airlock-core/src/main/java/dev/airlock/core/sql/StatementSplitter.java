package dev.airlock.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL text into statements on its delimiter, exactly: delimiters inside strings,
 * dollar quotes, comments and quoted identifiers never split (the lexer already made those single
 * tokens), nor do semicolons inside {@code BEGIN ATOMIC ... END}, inline trigger and routine
 * bodies, or a rule's parenthesised action list. MySQL's {@code DELIMITER} command changes the
 * delimiter; psql meta-commands end at the end of their line. A line comment on the same line
 * after a delimiter belongs to the statement it ends. Total: never throws, loses nothing.
 */
public final class StatementSplitter {
  private final String text;
  private final Dialect dialect;
  private final List<Token> tokens;
  private final List<SqlStatement> out = new ArrayList<>();

  private String delimiter = ";";
  private int chunkStart;
  private List<Token> code = new ArrayList<>();
  private List<Token> comments = new ArrayList<>();
  private int blockDepth;
  private int parenDepth;

  private StatementSplitter(String text, Dialect dialect) {
    this.text = text;
    this.dialect = dialect;
    this.tokens = new ArrayList<>(SqlLexer.lex(text, dialect));
  }

  public static List<SqlStatement> split(String text, Dialect dialect) {
    return new StatementSplitter(text, dialect).run();
  }

  private List<SqlStatement> run() {
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (t.kind().isComment()) {
        comments.add(t);
        i++;
        continue;
      }
      if (code.isEmpty() && isLineCommand(t)) {
        i = lineCommand(i);
        continue;
      }
      cutAtDelimiter(i);
      t = tokens.get(i);
      if (isDelimiterAt(t)) {
        int end = t.start() + delimiter.length();
        code.add(new Token(t.kind(), t.start(), end, delimiter));
        i++;
        while (i < tokens.size() && tokens.get(i).start() < end) {
          i++;
        }
        if (i < tokens.size() && tokens.get(i).kind() == TokenKind.LINE_COMMENT && onSameLine(end, tokens.get(i).start())) {
          comments.add(tokens.get(i)); // `DROP TABLE t; -- note` : the note is about this statement
          end = tokens.get(i++).end();
        }
        emit(end, true, false);
        continue;
      }
      trackBlocks(i);
      code.add(t);
      i++;
    }
    if (!code.isEmpty() || !comments.isEmpty() || chunkStart < text.length()) {
      emit(text.length(), false, false);
    }
    return out;
  }

  /**
   * A custom delimiter can be glued to a word or operator ({@code END$$}, {@code END//}): the
   * lexer knows nothing of it, so the token is cut in place into the part before, the delimiter,
   * and the part after.
   */
  private void cutAtDelimiter(int i) {
    Token t = tokens.get(i);
    if (delimiter.equals(";") || t.text().length() <= delimiter.length() || !isCuttable(t.kind())) {
      return;
    }
    int k = t.text().indexOf(delimiter);
    if (k < 0) {
      return;
    }
    int at = t.start() + k;
    int after = at + delimiter.length();
    List<Token> pieces = new ArrayList<>();
    if (k > 0) {
      pieces.add(new Token(t.kind(), t.start(), at, text.substring(t.start(), at)));
    }
    pieces.add(new Token(TokenKind.OPERATOR, at, after, delimiter));
    if (after < t.end()) {
      pieces.add(new Token(t.kind(), after, t.end(), text.substring(after, t.end())));
    }
    tokens.remove(i);
    tokens.addAll(i, pieces);
  }

  private static boolean isCuttable(TokenKind kind) {
    return switch (kind) {
      case WORD, OPERATOR, NUMBER, PARAMETER -> true;
      default -> false;
    };
  }

  private boolean isLineCommand(Token t) {
    boolean delimiterCommand = dialect.delimiterCommand() && t.is("DELIMITER");
    boolean psqlMeta =
        dialect != Dialect.MYSQL && t.kind() == TokenKind.OPERATOR && t.text().startsWith("\\");
    return (delimiterCommand || psqlMeta) && startsLine(t.start());
  }

  private boolean onSameLine(int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  private boolean startsLine(int offset) {
    for (int i = offset - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return true;
      }
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /** A command that ends at the end of its line: DELIMITER or a psql backslash command. */
  private int lineCommand(int i) {
    Token first = tokens.get(i);
    int eol = first.end();
    while (eol < text.length() && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
      eol++;
    }
    while (i < tokens.size() && tokens.get(i).start() < eol) {
      Token t = tokens.get(i++);
      if (t.kind().isComment()) {
        comments.add(t);
      } else {
        code.add(t);
      }
      eol = Math.max(eol, t.end());
    }
    if (first.is("DELIMITER")) {
      String next = text.substring(first.end(), eol).strip();
      if (!next.isEmpty()) {
        delimiter = next;
      }
    }
    emit(eol, true, true);
    return i;
  }

  private boolean isDelimiterAt(Token t) {
    if (blockDepth > 0 || parenDepth > 0) {
      return false;
    }
    if (delimiter.equals(";")) {
      return t.kind() == TokenKind.SEMICOLON;
    }
    return text.startsWith(delimiter, t.start());
  }

  /** Keeps semicolons inside compound bodies from ending the statement. */
  private void trackBlocks(int i) {
    Token t = tokens.get(i);
    Token next = nextCode(i + 1);
    if (t.is("BEGIN") && next != null && next.is("ATOMIC")) {
      blockDepth++;
    } else if (t.is("BEGIN") && opensInlineBody(next)) {
      blockDepth++;
    } else if (blockDepth > 0 && t.is("CASE")) {
      blockDepth++;
    } else if (blockDepth > 0 && t.is("END")) {
      if (next == null || !next.isAny("IF", "LOOP", "WHILE", "REPEAT", "FOR")) {
        blockDepth--;
      }
    } else if (t.kind() == TokenKind.LEFT_PAREN && isCreateRule()) {
      parenDepth++;
    } else if (t.kind() == TokenKind.RIGHT_PAREN && parenDepth > 0) {
      parenDepth--;
    }
  }

  private boolean opensInlineBody(Token next) {
    if (!dialect.inlineCompoundBodies() || !delimiter.equals(";") || code.isEmpty()) {
      return false;
    }
    if (blockDepth > 0) {
      return true;
    }
    if (!code.get(0).is("CREATE")) {
      return false;
    }
    if (next != null && next.isAny("TRANSACTION", "WORK", "DEFERRED", "IMMEDIATE", "EXCLUSIVE")) {
      return false;
    }
    for (Token c : code) {
      if (c.isAny("TRIGGER", "PROCEDURE", "FUNCTION", "EVENT")) {
        return true;
      }
    }
    return false;
  }

  private boolean isCreateRule() {
    int k = 1;
    if (code.size() > 2 && code.get(1).is("OR") && code.get(2).is("REPLACE")) {
      k = 3;
    }
    return code.size() > k && code.get(0).is("CREATE") && code.get(k).is("RULE");
  }

  private Token nextCode(int i) {
    while (i < tokens.size()) {
      Token t = tokens.get(i++);
      if (!t.kind().isComment()) {
        return t;
      }
    }
    return null;
  }

  private void emit(int end, boolean terminated, boolean directive) {
    out.add(new SqlStatement(chunkStart, end, code, comments, terminated, directive));
    chunkStart = end;
    code = new ArrayList<>();
    comments = new ArrayList<>();
    blockDepth = 0;
    parenDepth = 0;
  }
}
