package dev.airlock.core.shell;

import java.util.List;

/** The syntax tree of a shell script. Offsets are in the parsed text. */
final class Ast {
  private Ast() {}

  /** A node that runs something. */
  sealed interface Node permits Script, AndOr, Pipeline, Simple, Compound, FunctionDef, Bad {
    int start();

    int end();
  }

  /** A list of commands: a script, a body, a substitution. {@code background} per item. */
  record Script(List<Node> items, int start, int end) implements Node {}

  /** {@code a && b || c}. */
  record AndOr(List<Node> pipelines, List<String> operators, int start, int end) implements Node {}

  /** {@code a | b}; {@code negated} for a leading {@code !}, {@code timed} for {@code time}. */
  record Pipeline(List<Node> commands, boolean negated, int start, int end) implements Node {}

  /** A simple command: assignments, words, redirections. */
  record Simple(List<Word> assignments, List<Word> words, List<Redirect> redirects, int start, int end)
      implements Node {}

  /**
   * A compound command: subshell, group, if, while, until, for, select, case, [[ ]], (( )).
   *
   * @param words the words it iterates over or tests (for / case), for analysis of substitutions
   * @param variable the loop variable of for/select
   */
  record Compound(String kind, List<Script> bodies, List<Word> words, String variable, List<Redirect> redirects, int start, int end)
      implements Node {}

  record FunctionDef(String name, Node body, int start, int end) implements Node {}

  /** What the parser could not read; the rest of the script goes on. */
  record Bad(String reason, int start, int end) implements Node {}

  /** A word: the concatenation of its parts. */
  record Word(List<Part> parts, int start, int end) {
    /** The literal value when every part is a literal, else null. */
    String literal() {
      if (parts.size() == 1 && parts.get(0) instanceof Lit l) {
        return l.text();
      }
      StringBuilder b = new StringBuilder();
      for (Part p : parts) {
        if (!(p instanceof Lit l)) {
          return null;
        }
        b.append(l.text());
      }
      return b.toString();
    }

    /** The literal value if the word is one unquoted literal (a keyword candidate), else null. */
    String bare() {
      return parts.size() == 1 && parts.get(0) instanceof Lit l && !l.quoted() ? l.text() : null;
    }
  }

  sealed interface Part permits Lit, Var, Sub, Arith {}

  /** Literal text; {@code quoted} text is not subject to globs, braces, tilde or splitting. */
  record Lit(String text, boolean quoted) implements Part {}

  /**
   * A parameter expansion: {@code $X}, {@code ${X}}, {@code ${X:-word}}.
   *
   * @param op the operator ("" for none): ":-", "-", ":=", "=", ":?", "?", ":+", "+", "#", "%", ...
   * @param arg the operator's word, or null
   */
  record Var(String name, String op, Word arg, boolean quoted) implements Part {}

  /** {@code $(...)}, back quotes, {@code <(...)}, {@code >(...)}. */
  record Sub(Script body, String kind, String text, boolean quoted) implements Part {}

  record Arith(String text, boolean quoted) implements Part {}

  /**
   * A redirection.
   *
   * @param fd the file descriptor written before the operator, or -1
   * @param op "&gt;", "&gt;&gt;", "&lt;", "&gt;|", "&amp;&gt;", "&amp;&gt;&gt;", "&gt;&amp;", "&lt;&amp;", "&lt;&gt;", "&lt;&lt;", "&lt;&lt;-", "&lt;&lt;&lt;"
   * @param target the file, fd or here-string word; for a heredoc its delimiter
   */
  record Redirect(int fd, String op, Word target, Heredoc heredoc, int start, int end) {}

  /** A here-document's body, filled in when the parser reaches the end of its line. */
  static final class Heredoc {
    final String delimiter;
    final boolean quoted;
    final boolean stripTabs;
    Word body;
    String text = "";
    int bodyStart;

    Heredoc(String delimiter, boolean quoted, boolean stripTabs) {
      this.delimiter = delimiter;
      this.quoted = quoted;
      this.stripTabs = stripTabs;
    }
  }
}
