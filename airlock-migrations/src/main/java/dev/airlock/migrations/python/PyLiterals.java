package dev.airlock.migrations.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Values of Python literal expressions, as far as they can be known without running the code:
 * strings (single, triple-quoted, raw, implicitly concatenated {@code "a" "b"}, joined with {@code
 * +}, passed through {@code dedent} or {@code .strip()}), names bound to such a string earlier in
 * the file, numbers, booleans, None, and lists/tuples of these.
 */
public final class PyLiterals {
  private PyLiterals() {}

  /**
   * The value of a string expression; empty when it is built at run time (f-string, format, ...).
   */
  public static Optional<String> string(PyNode expr) {
    return string(expr, 0);
  }

  private static Optional<String> string(PyNode expr, int depth) {
    if (depth > 20) {
      return Optional.empty();
    }
    PyNode n = expr.unwrap();
    switch (n.type()) {
      case "string":
        return single(n);
      case "concatenated_string":
        {
          StringBuilder sb = new StringBuilder();
          for (PyNode part : n.named()) {
            Optional<String> v = string(part, depth + 1);
            if (v.isEmpty()) {
              return Optional.empty();
            }
            sb.append(v.get());
          }
          return Optional.of(sb.toString());
        }
      case "binary_operator":
        {
          Optional<PyNode> op = operator(n);
          if (op.isEmpty() || !op.get().text().equals("+")) {
            return Optional.empty();
          }
          Optional<String> l = n.child("left").flatMap(x -> string(x, depth + 1));
          Optional<String> r = n.child("right").flatMap(x -> string(x, depth + 1));
          return l.isPresent() && r.isPresent() ? Optional.of(l.get() + r.get()) : Optional.empty();
        }
      case "identifier":
        return resolve(n).flatMap(v -> string(v, depth + 1));
      case "call":
        {
          // dedent("""..."""), textwrap.dedent(...), "...".strip(), inspect.cleandoc(...)
          Optional<PyCall> call = PyCall.of(n);
          if (call.isEmpty()) {
            return Optional.empty();
          }
          PyCall c = call.get();
          String name = c.name();
          if ((name.equals("dedent") || name.equals("cleandoc") || name.equals("str"))
              && c.positional().size() == 1) {
            return string(c.positional().get(0), depth + 1)
                .map(s -> name.equals("str") ? s : dedent(s));
          }
          if ((name.equals("strip") || name.equals("lstrip") || name.equals("rstrip"))
              && c.positional().isEmpty()) {
            PyNode fn = c.node().child("function").orElseThrow();
            return fn.child("object").flatMap(o -> string(o, depth + 1)).map(String::strip);
          }
          return Optional.empty();
        }
      default:
        return Optional.empty();
    }
  }

  private static Optional<PyNode> operator(PyNode binary) {
    return binary.child("operator");
  }

  /**
   * One string token: prefix, body with escapes decoded unless raw; empty for f-strings with
   * fields.
   */
  private static Optional<String> single(PyNode n) {
    String prefix = "";
    StringBuilder body = new StringBuilder();
    for (PyNode c : n.children()) {
      switch (c.type()) {
        case "string_start" -> prefix = c.text().replaceAll("['\"]", "").toLowerCase(Locale.ROOT);
        case "string_content" -> body.append(c.text());
        case "interpolation" -> {
          return Optional.empty();
        }
        default -> {}
      }
    }
    boolean raw = prefix.contains("r");
    return Optional.of(raw ? body.toString() : unescape(body.toString()));
  }

  /** Python's backslash escapes in a non-raw string. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        sb.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case '0' -> sb.append('\0');
        case '\\' -> sb.append('\\');
        case '\'' -> sb.append('\'');
        case '"' -> sb.append('"');
        case '\n' -> {} // line continuation
        case '\r' -> {
          if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case 'x' -> i = hex(s, i, 2, sb);
        case 'u' -> i = hex(s, i, 4, sb);
        case 'U' -> i = hex(s, i, 8, sb);
        default -> sb.append('\\').append(e);
      }
    }
    return sb.toString();
  }

  private static int hex(String s, int at, int digits, StringBuilder sb) {
    if (at + digits < s.length()) {
      try {
        int cp = Integer.parseInt(s.substring(at + 1, at + 1 + digits), 16);
        sb.appendCodePoint(cp);
        return at + digits;
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        // not an escape after all
      }
    }
    sb.append('\\').append(s.charAt(at));
    return at;
  }

  private static String dedent(String s) {
    String[] lines = s.split("\n", -1);
    int indent = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        int k = 0;
        while (k < l.length() && (l.charAt(k) == ' ' || l.charAt(k) == '\t')) {
          k++;
        }
        indent = Math.min(indent, k);
      }
    }
    if (indent == Integer.MAX_VALUE || indent == 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      sb.append(l.length() >= indent ? l.substring(indent) : l.strip());
      if (i + 1 < lines.length) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * The expression a name was last bound to by a plain assignment before this use, in the enclosing
   * function or at module level ({@code SQL = """..."""} then {@code RunSQL(SQL)}).
   */
  public static Optional<PyNode> resolve(PyNode identifier) {
    String name = identifier.text();
    List<PyNode> scopes = new ArrayList<>();
    for (PyNode p = identifier.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
      if (p.is("function_definition") || p.is("class_definition") || p.is("module")) {
        scopes.add(p);
      }
    }
    for (PyNode scope : scopes) {
      PyNode[] found = new PyNode[1];
      PyNode body = scope.is("module") ? scope : scope.child("body").orElse(scope);
      bindings(body, name, identifier.start(), found);
      if (found[0] != null) {
        return Optional.of(found[0]);
      }
    }
    // bound later at module level (a constant defined below the class that uses it)
    PyNode module = scopes.isEmpty() ? null : scopes.get(scopes.size() - 1);
    if (module != null) {
      PyNode[] found = new PyNode[1];
      bindings(module, name, Integer.MAX_VALUE, found);
      return Optional.ofNullable(found[0]);
    }
    return Optional.empty();
  }

  private static void bindings(PyNode block, String name, int before, PyNode[] found) {
    for (PyNode stmt : block.named()) {
      if (stmt.start() >= before) {
        return;
      }
      if (stmt.is("expression_statement")) {
        for (PyNode e : stmt.named()) {
          if (e.is("assignment")) {
            Optional<PyNode> left = e.child("left");
            Optional<PyNode> right = e.child("right");
            if (left.isPresent()
                && right.isPresent()
                && left.get().is("identifier")
                && left.get().text().equals(name)) {
              found[0] = right.get();
            }
          }
        }
      } else if (stmt.is("if_statement") || stmt.is("try_statement") || stmt.is("with_statement")) {
        // bindings in compound statements at the same level
        stmt.child("consequence").ifPresent(b -> bindings(b, name, before, found));
        stmt.child("body").ifPresent(b -> bindings(b, name, before, found));
      }
    }
  }

  /** An integer literal's value. */
  public static Optional<Long> integer(PyNode expr) {
    PyNode n = expr.unwrap();
    if (n.is("integer")) {
      try {
        return Optional.of(Long.decode(n.text().replace("_", "")));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    if (n.is("identifier")) {
      return resolve(n).flatMap(PyLiterals::integer);
    }
    return Optional.empty();
  }

  /** True/False literal. */
  public static Optional<Boolean> bool(PyNode expr) {
    PyNode n = expr.unwrap();
    if (n.is("true")) {
      return Optional.of(true);
    }
    if (n.is("false")) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  public static boolean isNone(PyNode expr) {
    return expr.unwrap().is("none");
  }

  /** The elements of a list, tuple or set display; empty when it is not one. */
  public static Optional<List<PyNode>> elements(PyNode expr) {
    PyNode n = expr.unwrap();
    if (n.is("identifier")) {
      Optional<PyNode> bound = resolve(n);
      return bound.isPresent() && bound.get() != n ? elements(bound.get()) : Optional.empty();
    }
    if (n.is("list") || n.is("tuple") || n.is("set") || n.is("expression_list")) {
      return Optional.of(n.named());
    }
    if (n.is("parenthesized_expression")) {
      return Optional.of(n.named());
    }
    return Optional.empty();
  }
}
