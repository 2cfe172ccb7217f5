package dev.airlock.core.shell;

import dev.airlock.core.shell.Ast.Arith;
import dev.airlock.core.shell.Ast.Lit;
import dev.airlock.core.shell.Ast.Part;
import dev.airlock.core.shell.Ast.Sub;
import dev.airlock.core.shell.Ast.Var;
import dev.airlock.core.shell.Ast.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word expansion as the shell does it, statically: parameters (from assignments seen earlier, then
 * the environment), tilde, braces, field splitting. Globs are kept as patterns for the path
 * resolver. What cannot be known (command output, positional parameters) is marked unknown.
 */
final class Expander {
  static final int MAX_FIELDS = 256;
  private static final String SPECIAL = "\\*?[]{},~ \t\n";

  /** A variable's state. */
  record Value(String text, State state) {
    enum State {
      KNOWN,
      UNSET,
      UNKNOWN
    }

    static final Value UNSET = new Value("", State.UNSET);

    static Value known(String text) {
      return new Value(text, State.KNOWN);
    }

    static Value unknown(String why) {
      return new Value(why, State.UNKNOWN);
    }
  }

  /**
   * One field after expansion.
   *
   * @param text the value (escapes removed)
   * @param pattern the value with quoted special characters escaped, for globbing
   * @param glob whether it holds an unquoted glob character
   * @param unknown why its value is not known, or null
   * @param emptyVars variables that expanded to nothing inside it
   * @param aborts a {@code ${X:?}} that stops the command because X is unset
   */
  record Arg(String text, String pattern, boolean glob, String unknown, List<String> emptyVars, boolean aborts, String written) {
    boolean known() {
      return unknown == null;
    }
  }

  interface Scope {
    Value lookup(String name);

    String home();
  }

  private final Scope scope;

  Expander(Scope scope) {
    this.scope = scope;
  }

  /** Expands a word into fields. */
  List<Arg> expand(Word word, String written) {
    StringBuilder pat = new StringBuilder();
    State st = new State();
    boolean anyQuoted = false;
    boolean anyUnquotedLiteral = false;
    for (Part p : word.parts()) {
      if (p instanceof Lit l) {
        if (l.quoted()) {
          anyQuoted = true;
          escape(pat, l.text());
        } else {
          anyUnquotedLiteral = true;
          pat.append(l.text());
        }
      } else if (p instanceof Var v) {
        anyQuoted |= v.quoted();
        Value value = param(v, st);
        if (value.state() == Value.State.KNOWN) {
          if (v.quoted()) {
            escape(pat, value.text());
          } else {
            for (int i = 0; i < value.text().length(); i++) {
              char c = value.text().charAt(i);
              if (c == ' ' || c == '\t' || c == '\n') {
                st.split = true;
                pat.append(c);
              } else if (c == '{' || c == '}' || c == ',' || c == '~' || c == '\\') {
                pat.append('\\').append(c);
              } else {
                pat.append(c);
              }
            }
          }
        } else if (value.state() == Value.State.UNKNOWN) {
          st.unknown = st.unknown == null ? value.text() : st.unknown;
          escape(pat, "$" + (v.op().isEmpty() && v.arg() == null ? v.name() : "{" + v.name() + "}"));
        }
      } else if (p instanceof Sub sub) {
        anyQuoted |= sub.quoted();
        if (st.unknown == null) {
          st.unknown = "the output of `" + shorten(sub.text()) + "` is not known before it runs";
        }
        escape(pat, sub.kind().equals("`") ? "`" + sub.text() + "`" : sub.kind() + sub.text() + ")");
      } else if (p instanceof Arith a) {
        anyQuoted |= a.quoted();
        if (st.unknown == null) {
          st.unknown = "arithmetic `" + a.text() + "` is not evaluated";
        }
        escape(pat, a.text());
      }
    }
    String pattern = pat.toString();
    List<String> braced = anyUnquotedLiteral ? Braces.expand(pattern, MAX_FIELDS) : List.of(pattern);
    List<Arg> out = new ArrayList<>(braced.size());
    for (String b : braced) {
      List<String> fields = st.split ? splitUnescaped(b) : List.of(b);
      if (fields.isEmpty() || (fields.size() == 1 && fields.get(0).isEmpty())) {
        if (anyQuoted) {
          out.add(new Arg("", "", false, st.unknown, st.emptyVars, st.aborts, written));
        } else if (st.aborts || st.unknown != null) {
          out.add(new Arg("", "", false, st.unknown, st.emptyVars, st.aborts, written));
        }
        continue;
      }
      for (String f : fields) {
        String t = tilde(f);
        out.add(new Arg(unescape(t), t, Glob.hasMagic(t), st.unknown, st.emptyVars, st.aborts, written));
        if (out.size() >= MAX_FIELDS) {
          return out;
        }
      }
    }
    return out;
  }

  /** The word as one string, fields joined by a space (for assignments, -c strings). */
  Arg expandOne(Word word, String written) {
    List<Arg> fields = expand(word, written);
    if (fields.size() == 1) {
      return fields.get(0);
    }
    StringBuilder text = new StringBuilder();
    String unknown = null;
    List<String> empties = new ArrayList<>();
    boolean aborts = false;
    for (Arg a : fields) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(a.text());
      unknown = unknown == null ? a.unknown() : unknown;
      empties.addAll(a.emptyVars());
      aborts |= a.aborts();
    }
    String t = text.toString();
    return new Arg(t, escapeAll(t), false, unknown, empties, aborts, written);
  }

  private static final class State {
    boolean split;
    String unknown;
    List<String> emptyVars = new ArrayList<>(0);
    boolean aborts;
  }

  private Value param(Var v, State st) {
    Value value = lookup(v.name());
    String op = v.op();
    if (op.isEmpty()) {
      if (value.state() == Value.State.UNSET) {
        st.emptyVars.add(v.name());
      }
      return value;
    }
    boolean unsetOrEmpty = value.state() == Value.State.UNSET || (value.state() == Value.State.KNOWN && value.text().isEmpty());
    boolean unset = value.state() == Value.State.UNSET;
    switch (op) {
      case ":-", "-", ":=", "=" -> {
        boolean use = op.startsWith(":") ? unsetOrEmpty : unset;
        if (value.state() == Value.State.UNKNOWN) {
          return value;
        }
        return use ? argValue(v, st) : value;
      }
      case ":?", "?" -> {
        boolean fails = op.startsWith(":") ? unsetOrEmpty : unset;
        if (fails) {
          st.aborts = true;
          return Value.unknown("`${" + v.name() + op + "}` stops the command when `$" + v.name() + "` is unset");
        }
        return value;
      }
      case ":+", "+" -> {
        boolean use = op.startsWith(":") ? !unsetOrEmpty : !unset;
        if (value.state() == Value.State.UNKNOWN) {
          return value;
        }
        return use ? argValue(v, st) : Value.known("");
      }
      case "#" -> {
        if (v.arg() == null) {
          return value.state() == Value.State.KNOWN ? Value.known(String.valueOf(value.text().length())) : Value.unknown("length of `$" + v.name() + "`");
        }
        return affix(v, value, true);
      }
      case "%" -> {
        return affix(v, value, false);
      }
      case "^^", "^", ",,", "," -> {
        if (value.state() != Value.State.KNOWN) {
          return value;
        }
        String t = value.text();
        return Value.known(op.startsWith("^") ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT));
      }
      default -> {
        return value.state() == Value.State.UNSET && op.equals("")
            ? value
            : Value.unknown("`${" + v.name() + op + "...}` is not evaluated");
      }
    }
  }

  private Value affix(Var v, Value value, boolean prefix) {
    if (value.state() != Value.State.KNOWN) {
      return value;
    }
    String lit = v.arg() == null ? "" : v.arg().literal();
    if (lit == null || Glob.hasMagic(lit)) {
      return Value.unknown("`${" + v.name() + (prefix ? "#" : "%") + "...}` is not evaluated");
    }
    String t = value.text();
    if (prefix && t.startsWith(lit)) {
      return Value.known(t.substring(lit.length()));
    }
    if (!prefix && t.endsWith(lit)) {
      return Value.known(t.substring(0, t.length() - lit.length()));
    }
    return value;
  }

  private Value argValue(Var v, State st) {
    if (v.arg() == null) {
      return Value.known("");
    }
    Arg a = expandOne(v.arg(), "");
    if (!a.known()) {
      return Value.unknown(a.unknown());
    }
    st.emptyVars.addAll(a.emptyVars());
    return Value.known(a.text());
  }

  private Value lookup(String name) {
    if (name.length() == 1 && "@*#?$!-0123456789".indexOf(name.charAt(0)) >= 0 || isDigits(name)) {
      return Value.unknown("`$" + name + "` is set when the script runs");
    }
    return scope.lookup(name);
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private String tilde(String f) {
    if (f.isEmpty() || f.charAt(0) != '~') {
      return f;
    }
    int slash = f.indexOf('/');
    String user = slash < 0 ? f.substring(1) : f.substring(1, slash);
    String rest = slash < 0 ? "" : f.substring(slash);
    if (user.isEmpty()) {
      return escapeAll(scope.home()) + rest;
    }
    if (Parser.isName(user.replace("-", "_").replace(".", "_"), 0, user.length())) {
      return "/home/" + user + rest;
    }
    return f;
  }

  static void escape(StringBuilder b, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
  }

  static String escapeAll(String text) {
    StringBuilder b = new StringBuilder(text.length() + 4);
    escape(b, text);
    return b.toString();
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
      }
      b.append(c);
    }
    return b.toString();
  }

  private static List<String> splitUnescaped(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        cur.append(c).append(s.charAt(++i));
      } else if (c == ' ' || c == '\t' || c == '\n') {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  static String shorten(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() > 60 ? t.substring(0, 57) + "..." : t;
  }

  /** Brace expansion on an escaped pattern: {a,b} and {1..3}, {a..c}, nested, bounded. */
  static final class Braces {
    static List<String> expand(String s, int limit) {
      if (s.indexOf('{') < 0) {
        return List.of(s);
      }
      List<String> out = new ArrayList<>();
      expand(s, out, limit, 0);
      return out.isEmpty() ? List.of(s) : out;
    }

    private static void expand(String s, List<String> out, int limit, int depth) {
      if (out.size() >= limit) {
        return;
      }
      int open = -1;
      int close = -1;
      List<Integer> commas = new ArrayList<>();
      int search = 0;
      while (true) {
        open = find(s, '{', search);
        if (open < 0 || depth > 20) {
          out.add(s);
          return;
        }
        commas.clear();
        close = matching(s, open, commas);
        if (close < 0) {
          out.add(s);
          return;
        }
        String inner = s.substring(open + 1, close);
        if (!commas.isEmpty() || sequence(inner) != null) {
          break;
        }
        search = open + 1;
      }
      String pre = s.substring(0, open);
      String post = s.substring(close + 1);
      List<String> alternatives = new ArrayList<>();
      if (!commas.isEmpty()) {
        int from = open + 1;
        for (int c : commas) {
          alternatives.add(s.substring(from, c));
          from = c + 1;
        }
        alternatives.add(s.substring(from, close));
      } else {
        alternatives.addAll(sequence(s.substring(open + 1, close)));
      }
      for (String alt : alternatives) {
        expand(pre + alt + post, out, limit, depth + 1);
        if (out.size() >= limit) {
          return;
        }
      }
    }

    private static int find(String s, char c, int from) {
      for (int i = from; i < s.length(); i++) {
        char d = s.charAt(i);
        if (d == '\\') {
          i++;
        } else if (d == c) {
          return i;
        }
      }
      return -1;
    }

    private static int matching(String s, int open, List<Integer> commas) {
      int depth = 0;
      for (int i = open; i < s.length(); i++) {
        char d = s.charAt(i);
        if (d == '\\') {
          i++;
        } else if (d == '{') {
          depth++;
        } else if (d == '}') {
          depth--;
          if (depth == 0) {
            return i;
          }
        } else if (d == ',' && depth == 1) {
          commas.add(i);
        }
      }
      return -1;
    }

    private static List<String> sequence(String inner) {
      int dots = inner.indexOf("..");
      if (dots <= 0 || dots + 2 >= inner.length()) {
        return null;
      }
      String a = inner.substring(0, dots);
      String rest = inner.substring(dots + 2);
      String b = rest;
      int step = 1;
      int dots2 = rest.indexOf("..");
      if (dots2 > 0) {
        b = rest.substring(0, dots2);
        try {
          step = Math.abs(Integer.parseInt(rest.substring(dots2 + 2)));
        } catch (NumberFormatException e) {
          return null;
        }
        if (step == 0) {
          step = 1;
        }
      }
      List<String> out = new ArrayList<>();
      try {
        int x = Integer.parseInt(a);
        int y = Integer.parseInt(b);
        int pad = (a.startsWith("0") && a.length() > 1) || (b.startsWith("0") && b.length() > 1) ? Math.max(a.length(), b.length()) : 0;
        for (int i = x; x <= y ? i <= y : i >= y; i += x <= y ? step : -step) {
          String v = String.valueOf(i);
          while (v.length() < pad) {
            v = "0" + v;
          }
          out.add(v);
          if (out.size() >= MAX_FIELDS) {
            break;
          }
        }
        return out;
      } catch (NumberFormatException e) {
        if (a.length() == 1 && b.length() == 1 && Character.isLetter(a.charAt(0)) && Character.isLetter(b.charAt(0))) {
          char x = a.charAt(0);
          char y = b.charAt(0);
          for (int i = x; x <= y ? i <= y : i >= y; i += x <= y ? step : -step) {
            out.add(String.valueOf((char) i));
          }
          return out;
        }
        return null;
      }
    }

    private Braces() {}
  }

  static Map<String, String> none() {
    return Map.of();
  }
}
