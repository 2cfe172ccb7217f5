package dev.airlock.core.shell;

import dev.airlock.core.shell.Ast.Arith;
import dev.airlock.core.shell.Ast.AndOr;
import dev.airlock.core.shell.Ast.Bad;
import dev.airlock.core.shell.Ast.Compound;
import dev.airlock.core.shell.Ast.FunctionDef;
import dev.airlock.core.shell.Ast.Heredoc;
import dev.airlock.core.shell.Ast.Lit;
import dev.airlock.core.shell.Ast.Node;
import dev.airlock.core.shell.Ast.Part;
import dev.airlock.core.shell.Ast.Pipeline;
import dev.airlock.core.shell.Ast.Redirect;
import dev.airlock.core.shell.Ast.Script;
import dev.airlock.core.shell.Ast.Simple;
import dev.airlock.core.shell.Ast.Sub;
import dev.airlock.core.shell.Ast.Var;
import dev.airlock.core.shell.Ast.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A hand-written recursive-descent parser for POSIX sh and bash: lists, pipelines, and-or lists,
 * subshells, groups, if/while/until/for/select/case, functions, [[ ]] and (( )), words with every
 * kind of quoting and expansion, redirections and here-documents. It never throws: a command it
 * cannot read becomes a {@link Bad} node, and parsing resumes on the next line.
 */
final class Parser {
  private static final int MAX_DEPTH = 200;
  private static final Set<String> THEN = Set.of("then");
  private static final Set<String> AFTER_THEN = Set.of("elif", "else", "fi");
  private static final Set<String> FI = Set.of("fi");
  private static final Set<String> DO = Set.of("do");
  private static final Set<String> DONE = Set.of("done");
  private static final Set<String> CLOSE_BRACE = Set.of("}");
  private static final Set<String> ESAC = Set.of("esac");
  private static final Set<String> NONE = Set.of();

  /** Internal: unwinds to the nearest complete command, which becomes a {@link Bad} node. */
  private static final class Fail extends RuntimeException {
    Fail(String message) {
      super(message, null, false, false);
    }
  }

  private final String s;
  private final int n;
  private int pos;
  private int depth;
  private final List<Heredoc> pending = new ArrayList<>();

  private Parser(String s, int depth) {
    this.s = s;
    this.n = s.length();
    this.depth = depth;
  }

  /** Parses a whole script. Total: never throws. */
  static Script parse(String text) {
    return parse(text, 0);
  }

  static Script parse(String text, int depth) {
    Parser p = new Parser(text, depth);
    try {
      return p.top();
    } catch (RuntimeException | StackOverflowError e) {
      return new Script(List.of(new Bad("parser error: " + e.getClass().getSimpleName(), 0, text.length())), 0, text.length());
    }
  }

  private Script top() {
    List<Node> items = new ArrayList<>();
    while (true) {
      skipSeparators();
      if (pos >= n) {
        break;
      }
      int start = pos;
      try {
        if (depth > MAX_DEPTH) {
          throw new Fail("nested too deeply");
        }
        char c = s.charAt(pos);
        if (c == ')' || startsWith(";;")) {
          throw new Fail("unexpected `" + (c == ')' ? ")" : ";;") + "`");
        }
        String kw = peekBare();
        if (kw != null && isStrayKeyword(kw)) {
          throw new Fail("unexpected `" + kw + "`");
        }
        items.add(andOr());
        separator(true);
      } catch (Fail | StackOverflowError e) {
        String reason = e instanceof Fail ? e.getMessage() : "nested too deeply";
        int end = Math.max(pos, start + 1);
        int nl = s.indexOf('\n', Math.min(end, n));
        end = nl < 0 ? n : nl;
        if (end <= start) {
          end = Math.min(n, start + 1);
        }
        items.add(new Bad(reason, start, end));
        pos = end;
        pending.clear();
      }
    }
    return new Script(items, 0, n);
  }

  private static boolean isStrayKeyword(String kw) {
    return switch (kw) {
      case "then", "elif", "else", "fi", "do", "done", "esac", "}", "in" -> true;
      default -> false;
    };
  }

  /** After a command in a list: {@code ;}, {@code &}, a new line, a comment, or a closer. */
  private void separator(boolean topLevel) {
    skipBlanks();
    if (pos >= n) {
      return;
    }
    char c = s.charAt(pos);
    if (c == ';' && !startsWith(";;") && !startsWith(";&")) {
      pos++;
    } else if (c == '&' && !startsWith("&&")) {
      pos++;
    } else if (c == '\n') {
      newline();
    } else if (c == '#') {
      skipComment();
    } else if (topLevel) {
      throw new Fail("unexpected `" + c + "`");
    }
  }

  private Script list(Set<String> terminators, boolean closeParen) {
    List<Node> items = new ArrayList<>();
    int start = pos;
    while (true) {
      skipSeparators();
      if (pos >= n) {
        break;
      }
      char c = s.charAt(pos);
      if ((closeParen && c == ')') || startsWith(";;") || startsWith(";&")) {
        break;
      }
      String kw = peekBare();
      if (kw != null && terminators.contains(kw)) {
        break;
      }
      if (kw != null && isStrayKeyword(kw)) {
        throw new Fail("unexpected `" + kw + "`");
      }
      if (c == ')') {
        throw new Fail("unexpected `)`");
      }
      items.add(andOr());
      skipBlanks();
      if (pos < n) {
        char d = s.charAt(pos);
        if (d == ';' && !startsWith(";;") && !startsWith(";&")) {
          pos++;
        } else if (d == '&' && !startsWith("&&")) {
          pos++;
        } else if (d == '\n') {
          newline();
        } else if (d == '#') {
          skipComment();
        } else if (d == ')' || startsWith(";;") || startsWith(";&")) {
          // closer, checked at the top of the loop
        } else {
          String k = peekBare();
          if (k == null || !terminators.contains(k)) {
            throw new Fail("unexpected `" + d + "`");
          }
        }
      }
    }
    return new Script(items, start, pos);
  }

  private Node andOr() {
    int start = pos;
    Node first = pipeline();
    List<Node> pipelines = null;
    List<String> ops = null;
    while (true) {
      skipBlanks();
      if (startsWith("&&") || startsWith("||")) {
        if (pipelines == null) {
          pipelines = new ArrayList<>();
          ops = new ArrayList<>();
          pipelines.add(first);
        }
        ops.add(s.substring(pos, pos + 2));
        pos += 2;
        skipLinebreaks();
        pipelines.add(pipeline());
      } else {
        break;
      }
    }
    return pipelines == null ? first : new AndOr(pipelines, ops, start, pos);
  }

  private Node pipeline() {
    skipBlanks();
    int start = pos;
    boolean negated = false;
    while (true) {
      String kw = peekBare();
      if ("!".equals(kw)) {
        negated = !negated;
        pos++;
        skipBlanks();
      } else if ("time".equals(kw)) {
        pos += 4;
        skipBlanks();
        if ("-p".equals(peekBare())) {
          pos += 2;
          skipBlanks();
        }
      } else if ("coproc".equals(kw)) {
        pos += 6;
        skipBlanks();
      } else {
        break;
      }
    }
    Node first = command();
    List<Node> commands = null;
    while (true) {
      skipBlanks();
      if (pos < n && s.charAt(pos) == '|' && !startsWith("||")) {
        pos += startsWith("|&") ? 2 : 1;
        skipLinebreaks();
        if (commands == null) {
          commands = new ArrayList<>();
          commands.add(first);
        }
        commands.add(command());
      } else {
        break;
      }
    }
    if (commands == null && !negated) {
      return first;
    }
    return new Pipeline(commands == null ? List.of(first) : commands, negated, start, pos);
  }

  private Node command() {
    skipBlanks();
    if (++depth > MAX_DEPTH) {
      throw new Fail("nested too deeply");
    }
    try {
      if (pos >= n) {
        throw new Fail("a command is missing at the end");
      }
      int start = pos;
      char c = s.charAt(pos);
      if (startsWith("((")) {
        int end = scanArith(pos + 2);
        pos = end;
        return withRedirects("((", List.of(), List.of(), null, start);
      }
      if (c == '(') {
        pos++;
        Script body = list(NONE, true);
        expect(")");
        return withRedirects("(", List.of(body), List.of(), null, start);
      }
      String kw = peekBare();
      if (kw != null) {
        switch (kw) {
          case "{" -> {
            pos++;
            Script body = list(CLOSE_BRACE, false);
            expectWord("}");
            return withRedirects("{", List.of(body), List.of(), null, start);
          }
          case "if" -> {
            return ifCommand(start);
          }
          case "while", "until" -> {
            pos += kw.length();
            Script cond = list(DO, false);
            expectWord("do");
            Script body = list(DONE, false);
            expectWord("done");
            return withRedirects(kw, List.of(cond, body), List.of(), null, start);
          }
          case "for", "select" -> {
            return forCommand(kw, start);
          }
          case "case" -> {
            return caseCommand(start);
          }
          case "function" -> {
            pos += 8;
            skipBlanks();
            Word name = readWord();
            if (name == null || name.literal() == null) {
              throw new Fail("function without a name");
            }
            skipBlanks();
            if (startsWith("()")) {
              pos += 2;
            } else if (startsWith("(")) {
              pos++;
              skipBlanks();
              expect(")");
            }
            skipLinebreaks();
            Node body = command();
            return new FunctionDef(name.literal(), body, start, pos);
          }
          case "[[" -> {
            return testCommand(start);
          }
          default -> {
            if (isStrayKeyword(kw)) {
              throw new Fail("unexpected `" + kw + "`");
            }
          }
        }
      }
      return simple(start);
    } finally {
      depth--;
    }
  }

  private Node withRedirects(String kind, List<Script> bodies, List<Word> words, String variable, int start) {
    List<Redirect> redirects = new ArrayList<>();
    while (true) {
      skipBlanks();
      if (redirectAhead()) {
        redirects.add(redirect());
      } else {
        break;
      }
    }
    return new Compound(kind, bodies, words, variable, redirects, start, pos);
  }

  private Node ifCommand(int start) {
    pos += 2;
    List<Script> bodies = new ArrayList<>();
    bodies.add(list(THEN, false));
    expectWord("then");
    bodies.add(list(AFTER_THEN, false));
    while (true) {
      String kw = peekBare();
      if ("elif".equals(kw)) {
        pos += 4;
        bodies.add(list(THEN, false));
        expectWord("then");
        bodies.add(list(AFTER_THEN, false));
      } else if ("else".equals(kw)) {
        pos += 4;
        bodies.add(list(FI, false));
      } else {
        break;
      }
    }
    expectWord("fi");
    return withRedirects("if", bodies, List.of(), null, start);
  }

  private Node forCommand(String kw, int start) {
    pos += kw.length();
    skipBlanks();
    String variable = null;
    List<Word> words = new ArrayList<>();
    if (startsWith("((")) {
      pos = scanArith(pos + 2);
    } else {
      Word v = readWord();
      if (v == null || v.literal() == null) {
        throw new Fail(kw + " without a variable name");
      }
      variable = v.literal();
      skipLinebreaksKeepSemicolon();
      if ("in".equals(peekBare())) {
        pos += 2;
        while (true) {
          skipBlanks();
          if (pos >= n || s.charAt(pos) == ';' || s.charAt(pos) == '\n') {
            break;
          }
          if (s.charAt(pos) == '#') {
            skipComment();
            break;
          }
          Word w = readWord();
          if (w == null) {
            throw new Fail("unexpected `" + s.charAt(pos) + "` in " + kw);
          }
          words.add(w);
        }
      }
    }
    skipBlanks();
    if (pos < n && s.charAt(pos) == ';') {
      pos++;
    }
    skipLinebreaks();
    Script body;
    if ("{".equals(peekBare())) {
      pos++;
      body = list(CLOSE_BRACE, false);
      expectWord("}");
    } else {
      expectWord("do");
      body = list(DONE, false);
      expectWord("done");
    }
    return withRedirects(kw, List.of(body), words, variable, start);
  }

  private Node caseCommand(int start) {
    pos += 4;
    skipBlanks();
    Word subject = readWord();
    if (subject == null) {
      throw new Fail("case without a word");
    }
    skipLinebreaks();
    expectWord("in");
    List<Script> bodies = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    words.add(subject);
    while (true) {
      skipLinebreaks();
      if (pos >= n) {
        throw new Fail("case without `esac`");
      }
      if ("esac".equals(peekBare())) {
        break;
      }
      if (s.charAt(pos) == '(') {
        pos++;
      }
      while (true) {
        skipBlanks();
        Word pattern = readWord();
        if (pattern == null) {
          throw new Fail("case pattern expected");
        }
        words.add(pattern);
        skipBlanks();
        if (pos < n && s.charAt(pos) == '|') {
          pos++;
          continue;
        }
        break;
      }
      expect(")");
      bodies.add(list(ESAC, false));
      if (startsWith(";;&")) {
        pos += 3;
      } else if (startsWith(";;") || startsWith(";&")) {
        pos += 2;
      }
    }
    expectWord("esac");
    return withRedirects("case", bodies, words, null, start);
  }

  private Node testCommand(int start) {
    pos += 2;
    List<Word> words = new ArrayList<>();
    while (true) {
      skipBlanks();
      if (pos >= n) {
        throw new Fail("`[[` without `]]`");
      }
      if (startsWith("]]") && (pos + 2 >= n || isMeta(s.charAt(pos + 2)))) {
        pos += 2;
        break;
      }
      char c = s.charAt(pos);
      if (c == '\n') {
        newline();
      } else if ("()<>&|!".indexOf(c) >= 0) {
        pos++;
      } else {
        Word w = readWord();
        if (w == null) {
          pos++;
        } else {
          words.add(w);
        }
      }
    }
    return withRedirects("[[", List.of(), words, null, start);
  }

  private Node simple(int start) {
    List<Word> assignments = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    while (true) {
      skipBlanks();
      if (pos >= n) {
        break;
      }
      char c = s.charAt(pos);
      if (c == '#') {
        skipComment();
        break;
      }
      if (c == ';' || c == '&' && !startsWith("&>") || c == '|' || c == ')' || c == '\n') {
        break;
      }
      if (redirectAhead()) {
        redirects.add(redirect());
        continue;
      }
      if (c == '(') {
        if (words.size() == 1 && assignments.isEmpty() && redirects.isEmpty() && words.get(0).literal() != null) {
          pos++;
          skipBlanks();
          expect(")");
          skipLinebreaks();
          Node body = command();
          return new FunctionDef(words.get(0).literal(), body, start, pos);
        }
        throw new Fail("unexpected `(`");
      }
      Word w = readWord();
      if (w == null) {
        throw new Fail("unexpected `" + c + "`");
      }
      if (words.isEmpty() && isAssignment(w)) {
        if (pos < n && s.charAt(pos) == '(' && endsWithEquals(w)) {
          int end = scanBalanced(pos);
          List<Part> parts = new ArrayList<>(w.parts());
          parts.add(new Lit(s.substring(pos, end), true));
          pos = end;
          w = new Word(parts, w.start(), pos);
        }
        assignments.add(w);
      } else {
        words.add(w);
      }
    }
    if (words.isEmpty() && assignments.isEmpty() && redirects.isEmpty()) {
      throw new Fail(pos >= n ? "a command is missing at the end" : "unexpected `" + s.charAt(pos) + "`");
    }
    return new Simple(assignments, words, redirects, start, pos);
  }

  static boolean isAssignment(Word w) {
    if (w.parts().isEmpty() || !(w.parts().get(0) instanceof Lit l) || l.quoted()) {
      return false;
    }
    String t = l.text();
    int eq = t.indexOf('=');
    if (eq <= 0) {
      return false;
    }
    int nameEnd = t.charAt(eq - 1) == '+' ? eq - 1 : eq;
    if (nameEnd <= 0) {
      return false;
    }
    int bracket = t.indexOf('[');
    if (bracket > 0 && bracket < nameEnd && t.charAt(nameEnd - 1) == ']') {
      nameEnd = bracket;
    }
    return isName(t, 0, nameEnd);
  }

  private static boolean endsWithEquals(Word w) {
    return w.parts().size() == 1 && w.parts().get(0) instanceof Lit l && l.text().endsWith("=");
  }

  static boolean isName(String t, int from, int to) {
    if (to <= from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > from && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  // ---- redirections and here-documents ----

  private boolean redirectAhead() {
    int i = pos;
    while (i < n && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i >= n) {
      return false;
    }
    char c = s.charAt(i);
    if (c == '<' || c == '>') {
      return !(i + 1 < n && s.charAt(i + 1) == '(' && i == pos);
    }
    return i == pos && c == '&' && i + 1 < n && s.charAt(i + 1) == '>';
  }

  private static final String[] OPS = {"<<<", "<<-", "&>>", "<<", "<>", "<&", ">>", ">|", ">&", "&>", "<", ">"};

  private Redirect redirect() {
    int start = pos;
    int fd = -1;
    int i = pos;
    while (i < n && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i > pos) {
      try {
        fd = Integer.parseInt(s.substring(pos, Math.min(i, pos + 9)));
      } catch (NumberFormatException e) {
        fd = -1;
      }
      pos = i;
    }
    String op = null;
    for (String o : OPS) {
      if (startsWith(o)) {
        op = o;
        break;
      }
    }
    if (op == null) {
      throw new Fail("bad redirection");
    }
    pos += op.length();
    skipBlanks();
    Word target = readWord();
    if (target == null) {
      throw new Fail("redirection `" + op + "` without a target");
    }
    Heredoc heredoc = null;
    if (op.equals("<<") || op.equals("<<-")) {
      String raw = s.substring(target.start(), target.end());
      boolean quoted = raw.indexOf('\'') >= 0 || raw.indexOf('"') >= 0 || raw.indexOf('\\') >= 0;
      String delimiter = unquotedText(target);
      heredoc = new Heredoc(delimiter, quoted, op.equals("<<-"));
      pending.add(heredoc);
    }
    return new Redirect(fd, op, target, heredoc, start, pos);
  }

  private static String unquotedText(Word w) {
    StringBuilder b = new StringBuilder();
    for (Part p : w.parts()) {
      if (p instanceof Lit l) {
        b.append(l.text());
      } else if (p instanceof Var v) {
        b.append('$').append(v.name());
      }
    }
    return b.toString();
  }

  private void newline() {
    pos++;
    if (!pending.isEmpty()) {
      readHeredocs();
    }
  }

  private void readHeredocs() {
    List<Heredoc> docs = new ArrayList<>(pending);
    pending.clear();
    for (Heredoc h : docs) {
      h.bodyStart = pos;
      StringBuilder body = new StringBuilder();
      while (pos < n) {
        int eol = s.indexOf('\n', pos);
        int lineEnd = eol < 0 ? n : eol;
        String line = s.substring(pos, lineEnd);
        if (line.endsWith("\r")) {
          line = line.substring(0, line.length() - 1);
        }
        String check = h.stripTabs ? stripTabs(line) : line;
        pos = eol < 0 ? n : eol + 1;
        if (check.equals(h.delimiter)) {
          break;
        }
        body.append(h.stripTabs ? check : line).append('\n');
      }
      h.text = body.toString();
      if (!h.quoted) {
        h.body = new Parser(h.text, depth + 1).heredocWord();
      }
    }
  }

  private static String stripTabs(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == '\t') {
      i++;
    }
    return line.substring(i);
  }

  /** An unquoted here-document body: like double quotes, but a {@code "} is literal. */
  private Word heredocWord() {
    try {
      List<Part> parts = new ArrayList<>();
      StringBuilder lit = new StringBuilder();
      while (pos < n) {
        char c = s.charAt(pos);
        if (c == '\\' && pos + 1 < n && "$`\\\n".indexOf(s.charAt(pos + 1)) >= 0) {
          if (s.charAt(pos + 1) != '\n') {
            lit.append(s.charAt(pos + 1));
          }
          pos += 2;
        } else if (c == '$') {
          flush(parts, lit, true);
          parts.add(dollar(true));
        } else if (c == '`') {
          flush(parts, lit, true);
          parts.add(backtick(true));
        } else {
          lit.append(c);
          pos++;
        }
      }
      flush(parts, lit, true);
      return new Word(parts, 0, n);
    } catch (Fail | StackOverflowError e) {
      return new Word(List.of(new Lit(s, true)), 0, n);
    }
  }

  // ---- words ----

  private static boolean isMeta(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')' || c == '\r';
  }

  /** A word at the current position, or null if a metacharacter is there. */
  private Word readWord() {
    int start = pos;
    List<Part> parts = new ArrayList<>(2);
    StringBuilder lit = new StringBuilder();
    while (pos < n) {
      char c = s.charAt(pos);
      if ((c == '<' || c == '>') && pos + 1 < n && s.charAt(pos + 1) == '(') {
        flush(parts, lit, false);
        int open = pos;
        pos += 2;
        Script body = list(NONE, true);
        expect(")");
        parts.add(new Sub(body, c + "(", s.substring(open + 2, pos - 1), false));
        continue;
      }
      if (c == '(' && lit.length() > 0 && "@!+*?".indexOf(lit.charAt(lit.length() - 1)) >= 0) {
        int end = scanBalanced(pos);
        lit.append(s, pos, end);
        pos = end;
        continue;
      }
      if (isMeta(c)) {
        break;
      }
      switch (c) {
        case '\\' -> {
          if (pos + 1 < n && s.charAt(pos + 1) == '\n') {
            pos += 2;
          } else if (pos + 1 < n) {
            flush(parts, lit, false);
            parts.add(new Lit(String.valueOf(s.charAt(pos + 1)), true));
            pos += 2;
          } else {
            lit.append('\\');
            pos++;
          }
        }
        case '\'' -> {
          flush(parts, lit, false);
          int end = s.indexOf('\'', pos + 1);
          if (end < 0) {
            pos = n;
            throw new Fail("unterminated single quote");
          }
          parts.add(new Lit(s.substring(pos + 1, end), true));
          pos = end + 1;
        }
        case '"' -> {
          flush(parts, lit, false);
          doubleQuoted(parts);
        }
        case '$' -> {
          flush(parts, lit, false);
          parts.add(dollar(false));
        }
        case '`' -> {
          flush(parts, lit, false);
          parts.add(backtick(false));
        }
        default -> {
          lit.append(c);
          pos++;
        }
      }
    }
    flush(parts, lit, false);
    if (pos == start) {
      return null;
    }
    return new Word(parts, start, pos);
  }

  private static void flush(List<Part> parts, StringBuilder lit, boolean quoted) {
    if (lit.length() > 0) {
      parts.add(new Lit(lit.toString(), quoted));
      lit.setLength(0);
    }
  }

  private void doubleQuoted(List<Part> parts) {
    pos++;
    StringBuilder lit = new StringBuilder();
    boolean any = false;
    while (true) {
      if (pos >= n) {
        throw new Fail("unterminated double quote");
      }
      char c = s.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '\\' && pos + 1 < n && "$`\"\\\n".indexOf(s.charAt(pos + 1)) >= 0) {
        if (s.charAt(pos + 1) != '\n') {
          lit.append(s.charAt(pos + 1));
        }
        pos += 2;
      } else if (c == '$') {
        flush(parts, lit, true);
        parts.add(dollar(true));
        any = true;
      } else if (c == '`') {
        flush(parts, lit, true);
        parts.add(backtick(true));
        any = true;
      } else {
        lit.append(c);
        pos++;
      }
    }
    if (lit.length() > 0 || !any) {
      parts.add(new Lit(lit.toString(), true));
    }
  }

  private Part dollar(boolean quoted) {
    int start = pos;
    if (pos + 1 >= n) {
      pos++;
      return new Lit("$", quoted);
    }
    char c = s.charAt(pos + 1);
    if (c == '(') {
      if (pos + 2 < n && s.charAt(pos + 2) == '(') {
        int end = scanArith(pos + 3);
        pos = end;
        return new Arith(s.substring(start, end), quoted);
      }
      pos += 2;
      if (++depth > MAX_DEPTH) {
        throw new Fail("nested too deeply");
      }
      Script body = list(NONE, true);
      depth--;
      expect(")");
      return new Sub(body, "$(", s.substring(start + 2, pos - 1), quoted);
    }
    if (c == '{') {
      return braceParam(quoted);
    }
    if (c == '\'' && !quoted) {
      pos += 2;
      StringBuilder b = new StringBuilder();
      while (true) {
        if (pos >= n) {
          throw new Fail("unterminated $'...' quote");
        }
        char d = s.charAt(pos);
        if (d == '\'') {
          pos++;
          break;
        }
        if (d == '\\' && pos + 1 < n) {
          pos = ansiEscape(b, pos + 1);
        } else {
          b.append(d);
          pos++;
        }
      }
      return new Lit(b.toString(), true);
    }
    if (c == '"' && !quoted) {
      pos++;
      List<Part> parts = new ArrayList<>();
      doubleQuoted(parts);
      return parts.size() == 1 ? parts.get(0) : new Lit(concatLiterals(parts), true);
    }
    if (c == '_' || Character.isLetter(c)) {
      int i = pos + 1;
      while (i < n && (s.charAt(i) == '_' || Character.isLetterOrDigit(s.charAt(i)))) {
        i++;
      }
      String name = s.substring(pos + 1, i);
      pos = i;
      return new Var(name, "", null, quoted);
    }
    if (Character.isDigit(c) || "@*#?$!-".indexOf(c) >= 0) {
      pos += 2;
      return new Var(String.valueOf(c), "", null, quoted);
    }
    pos++;
    return new Lit("$", quoted);
  }

  private static String concatLiterals(List<Part> parts) {
    StringBuilder b = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Lit l) {
        b.append(l.text());
      }
    }
    return b.toString();
  }

  private int ansiEscape(StringBuilder b, int i) {
    char e = s.charAt(i);
    switch (e) {
      case 'n' -> b.append('\n');
      case 't' -> b.append('\t');
      case 'r' -> b.append('\r');
      case 'a' -> b.append('\u0007');
      case 'b' -> b.append('\b');
      case 'e', 'E' -> b.append('\u001b');
      case 'f' -> b.append('\f');
      case 'v' -> b.append('\u000b');
      case 'x' -> {
        int j = i + 1;
        while (j < n && j < i + 3 && Character.digit(s.charAt(j), 16) >= 0) {
          j++;
        }
        if (j > i + 1) {
          b.append((char) Integer.parseInt(s.substring(i + 1, j), 16));
        } else {
          b.append("\\x");
        }
        return j;
      }
      case 'u', 'U' -> {
        int max = e == 'u' ? 4 : 8;
        int j = i + 1;
        while (j < n && j < i + 1 + max && Character.digit(s.charAt(j), 16) >= 0) {
          j++;
        }
        if (j > i + 1) {
          int cp = (int) Long.parseLong(s.substring(i + 1, j), 16);
          if (Character.isValidCodePoint(cp)) {
            b.appendCodePoint(cp);
          }
        }
        return j;
      }
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        int j = i;
        while (j < n && j < i + 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
          j++;
        }
        b.append((char) Integer.parseInt(s.substring(i, j), 8));
        return j;
      }
      default -> b.append(e);
    }
    return i + 1;
  }

  private static final String[] PARAM_OPS = {":-", ":=", ":?", ":+", "-", "=", "?", "+", "##", "#", "%%", "%", "//", "/#", "/%", "/", "^^", "^", ",,", ",", "@", ":"};

  private Part braceParam(boolean quoted) {
    pos += 2;
    int nameStart = pos;
    String prefix = "";
    if (pos < n && (s.charAt(pos) == '#' || s.charAt(pos) == '!') && pos + 1 < n && s.charAt(pos + 1) != '}') {
      prefix = String.valueOf(s.charAt(pos));
      pos++;
      nameStart = pos;
    }
    if (pos < n && (s.charAt(pos) == '_' || Character.isLetter(s.charAt(pos)))) {
      while (pos < n && (s.charAt(pos) == '_' || Character.isLetterOrDigit(s.charAt(pos)))) {
        pos++;
      }
    } else if (pos < n && Character.isDigit(s.charAt(pos))) {
      while (pos < n && Character.isDigit(s.charAt(pos))) {
        pos++;
      }
    } else if (pos < n && "@*#?$!-".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    } else {
      throw new Fail("bad substitution");
    }
    String name = s.substring(nameStart, pos);
    if (pos < n && s.charAt(pos) == '[') {
      pos = scanBracket(pos);
      prefix = prefix.isEmpty() ? "[" : prefix;
    }
    if (pos >= n) {
      throw new Fail("unterminated ${");
    }
    if (s.charAt(pos) == '}') {
      pos++;
      return new Var(name, prefix.isEmpty() ? "" : prefix, null, quoted);
    }
    String op = null;
    for (String o : PARAM_OPS) {
      if (startsWith(o)) {
        op = o;
        break;
      }
    }
    if (op == null) {
      throw new Fail("bad substitution");
    }
    pos += op.length();
    Word arg = paramWord(quoted);
    expect("}");
    return new Var(name, prefix + op, arg, quoted);
  }

  /** The word of {@code ${X:-word}}: up to the matching brace; blanks are part of it. */
  private Word paramWord(boolean quoted) {
    int start = pos;
    List<Part> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int braces = 0;
    while (true) {
      if (pos >= n) {
        throw new Fail("unterminated ${");
      }
      char c = s.charAt(pos);
      if (c == '}' && braces == 0) {
        break;
      }
      switch (c) {
        case '{' -> {
          braces++;
          lit.append(c);
          pos++;
        }
        case '}' -> {
          braces--;
          lit.append(c);
          pos++;
        }
        case '\\' -> {
          if (pos + 1 < n) {
            flush(parts, lit, quoted);
            parts.add(new Lit(String.valueOf(s.charAt(pos + 1)), true));
            pos += 2;
          } else {
            pos++;
          }
        }
        case '\'' -> {
          if (quoted) {
            lit.append(c);
            pos++;
          } else {
            flush(parts, lit, false);
            int end = s.indexOf('\'', pos + 1);
            if (end < 0) {
              throw new Fail("unterminated single quote");
            }
            parts.add(new Lit(s.substring(pos + 1, end), true));
            pos = end + 1;
          }
        }
        case '"' -> {
          flush(parts, lit, quoted);
          doubleQuoted(parts);
        }
        case '$' -> {
          flush(parts, lit, quoted);
          parts.add(dollar(quoted));
        }
        case '`' -> {
          flush(parts, lit, quoted);
          parts.add(backtick(quoted));
        }
        default -> {
          lit.append(c);
          pos++;
        }
      }
    }
    flush(parts, lit, quoted);
    return new Word(parts, start, pos);
  }

  private Part backtick(boolean quoted) {
    int start = pos;
    pos++;
    StringBuilder inner = new StringBuilder();
    while (true) {
      if (pos >= n) {
        throw new Fail("unterminated back quote");
      }
      char c = s.charAt(pos);
      if (c == '`') {
        pos++;
        break;
      }
      if (c == '\\' && pos + 1 < n && "`\\$".indexOf(s.charAt(pos + 1)) >= 0) {
        inner.append(s.charAt(pos + 1));
        pos += 2;
      } else {
        inner.append(c);
        pos++;
      }
    }
    if (depth + 1 > MAX_DEPTH) {
      throw new Fail("nested too deeply");
    }
    String innerText = inner.toString();
    Script body = Parser.parse(innerText, depth + 1);
    return new Sub(body, "`", innerText, quoted);
  }

  // ---- scanning helpers ----

  /** From just after {@code ((} to just after the matching {@code ))}. */
  private int scanArith(int from) {
    int i = from;
    int parens = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '(') {
        parens++;
      } else if (c == ')') {
        if (parens == 0) {
          if (i + 1 < n && s.charAt(i + 1) == ')') {
            return i + 2;
          }
          throw new Fail("unterminated arithmetic `((`");
        }
        parens--;
      }
      i++;
    }
    throw new Fail("unterminated arithmetic `((`");
  }

  /** From an opening parenthesis to just after its match, skipping quotes. */
  private int scanBalanced(int from) {
    int i = from;
    int parens = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '\'' || c == '"') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          throw new Fail("unterminated quote");
        }
        i = end + 1;
        continue;
      }
      if (c == '(') {
        parens++;
      } else if (c == ')') {
        parens--;
        if (parens == 0) {
          return i + 1;
        }
      }
      i++;
    }
    throw new Fail("unterminated `(`");
  }

  private int scanBracket(int from) {
    int i = from;
    int depthB = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '[') {
        depthB++;
      } else if (c == ']') {
        depthB--;
        if (depthB == 0) {
          return i + 1;
        }
      }
      i++;
    }
    throw new Fail("unterminated `[`");
  }

  private boolean startsWith(String t) {
    return s.startsWith(t, pos);
  }

  /** The plain word at the position if it is unquoted and free of expansions, else null. */
  private String peekBare() {
    int i = pos;
    while (i < n) {
      char c = s.charAt(i);
      if (isMeta(c)) {
        break;
      }
      if (c == '\'' || c == '"' || c == '\\' || c == '$' || c == '`') {
        return null;
      }
      i++;
    }
    return i == pos ? null : s.substring(pos, i);
  }

  private void expect(String t) {
    skipBlanks();
    if (!startsWith(t)) {
      throw new Fail(pos >= n ? "missing `" + t + "` at the end" : "expected `" + t + "`");
    }
    pos += t.length();
  }

  private void expectWord(String kw) {
    skipBlanks();
    if (!kw.equals(peekBare())) {
      throw new Fail(pos >= n ? "missing `" + kw + "` at the end" : "expected `" + kw + "`");
    }
    pos += kw.length();
  }

  private void skipBlanks() {
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\\' && pos + 1 < n && s.charAt(pos + 1) == '\n') {
        pos += 2;
      } else {
        break;
      }
    }
  }

  private void skipComment() {
    while (pos < n && s.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void skipLinebreaks() {
    while (true) {
      skipBlanks();
      if (pos < n && s.charAt(pos) == '\n') {
        newline();
      } else if (pos < n && s.charAt(pos) == '#') {
        skipComment();
      } else {
        return;
      }
    }
  }

  private void skipLinebreaksKeepSemicolon() {
    skipLinebreaks();
  }

  private void skipSeparators() {
    while (true) {
      skipLinebreaks();
      if (pos < n && (s.charAt(pos) == ';' && !startsWith(";;") && !startsWith(";&"))) {
        pos++;
      } else {
        return;
      }
    }
  }
}
