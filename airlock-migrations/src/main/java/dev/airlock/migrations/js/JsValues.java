package dev.airlock.migrations.js;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.treesitter.TSNode;

/**
 * The values a migration spells out in its source: string literals (quotes, escapes, template
 * literals whose {@code ${}} resolve to constants, {@code +} concatenation), arrays, object
 * literals and the {@code const} names bound to them earlier in the file.
 */
final class JsValues {
  /** A string's value, or why it has none until run time. */
  record Str(String value, String dynamic) {
    static Str of(String v) {
      return new Str(v, null);
    }

    static Str dynamic(String why) {
      return new Str(null, why);
    }
  }

  private final JsSource src;
  private final Map<String, List<TSNode>> declarations = new HashMap<>();

  JsValues(JsSource src) {
    this.src = src;
    collect(src.root);
  }

  private void collect(TSNode node) {
    String type = node.getType();
    if (type.equals("variable_declarator")) {
      TSNode name = JsSource.field(node, "name");
      TSNode value = JsSource.field(node, "value");
      if (name != null && value != null && name.getType().equals("identifier")) {
        declarations.computeIfAbsent(src.text(name), k -> new ArrayList<>()).add(value);
      }
    } else if (type.equals("public_field_definition") || type.equals("field_definition")) {
      TSNode name = JsSource.field(node, "name");
      if (name == null) {
        name = JsSource.field(node, "property");
      }
      TSNode value = JsSource.field(node, "value");
      if (name != null && value != null) {
        declarations.computeIfAbsent("this." + src.text(name), k -> new ArrayList<>()).add(value);
      }
    }
    int n = node.getNamedChildCount();
    for (int i = 0; i < n; i++) {
      collect(node.getNamedChild(i));
    }
  }

  /** The value an identifier (or {@code this.field}) was bound to: the last binding before it. */
  TSNode resolve(TSNode ref, Map<String, TSNode> bindings) {
    String name = src.text(ref);
    if (bindings.containsKey(name)) {
      return bindings.get(name);
    }
    List<TSNode> candidates = declarations.get(name);
    if (candidates == null) {
      return null;
    }
    TSNode before = null;
    TSNode first = null;
    for (TSNode v : candidates) {
      if (v.getStartByte() <= ref.getStartByte() && v.getEndByte() >= ref.getEndByte()) {
        continue; // const x = f(x): not its own value
      }
      if (first == null) {
        first = v;
      }
      if (v.getStartByte() < ref.getStartByte()) {
        before = v;
      }
    }
    return before != null ? before : first;
  }

  Str string(TSNode node, Map<String, TSNode> bindings) {
    return string(node, bindings, 0);
  }

  private Str string(TSNode node, Map<String, TSNode> bindings, int depth) {
    TSNode n = JsSource.unwrap(node);
    if (n == null || depth > 8) {
      return Str.dynamic("a value this frontend cannot follow");
    }
    switch (n.getType()) {
      case "string" -> {
        StringBuilder sb = new StringBuilder();
        for (TSNode c : JsSource.named(n)) {
          sb.append(c.getType().equals("escape_sequence") ? unescape(src.text(c)) : src.text(c));
        }
        return Str.of(sb.toString());
      }
      case "template_string" -> {
        StringBuilder sb = new StringBuilder();
        int pos = n.getStartByte() + 1;
        for (TSNode c : JsSource.named(n)) {
          if (c.getStartByte() > pos) {
            sb.append(src.text(pos, c.getStartByte())); // raw text tree-sitter leaves unnamed
          }
          switch (c.getType()) {
            case "escape_sequence" -> sb.append(unescape(src.text(c)));
            case "template_substitution" -> {
              List<TSNode> inner = JsSource.named(c);
              Str s =
                  inner.isEmpty()
                      ? Str.dynamic("an empty ${}")
                      : string(inner.get(0), bindings, depth + 1);
              if (s.value() == null) {
                return Str.dynamic("a template literal with `" + src.text(c) + "`");
              }
              sb.append(s.value());
            }
            default -> sb.append(src.text(c));
          }
          pos = c.getEndByte();
        }
        if (n.getEndByte() - 1 > pos) {
          sb.append(src.text(pos, n.getEndByte() - 1));
        }
        return Str.of(sb.toString());
      }
      case "binary_expression" -> {
        TSNode op = n.getChildByFieldName("operator");
        TSNode left = JsSource.field(n, "left");
        TSNode right = JsSource.field(n, "right");
        if (op == null
            || op.isNull()
            || !src.text(op).equals("+")
            || left == null
            || right == null) {
          return Str.dynamic("an expression (`" + firstLine(src.text(n)) + "`)");
        }
        Str l = string(left, bindings, depth + 1);
        if (l.value() == null) {
          return l;
        }
        Str r = string(right, bindings, depth + 1);
        return r.value() == null ? r : Str.of(l.value() + r.value());
      }
      case "number" -> {
        return Str.of(src.text(n));
      }
      case "identifier", "member_expression" -> {
        TSNode value =
            n.getType().equals("identifier") || src.text(n).startsWith("this.")
                ? resolve(n, bindings)
                : null;
        if (value == null) {
          return Str.dynamic("`" + firstLine(src.text(n)) + "`, known only at run time");
        }
        return string(value, bindings, depth + 1);
      }
      case "call_expression" -> {
        // [...].join("\n") and "...".trim() keep a literal literal
        TSNode fn = JsSource.field(n, "function");
        if (fn != null && fn.getType().equals("member_expression")) {
          String method = src.text(JsSource.field(fn, "property"));
          TSNode object = JsSource.field(fn, "object");
          List<TSNode> args = JsSource.named(JsSource.field(n, "arguments"));
          if (method.equals("join") && object != null) {
            List<TSNode> parts = elements(object, bindings);
            if (parts != null) {
              String sep = ",";
              if (!args.isEmpty()) {
                Str s = string(args.get(0), bindings, depth + 1);
                if (s.value() == null) {
                  return s;
                }
                sep = s.value();
              }
              List<String> values = new ArrayList<>();
              for (TSNode p : parts) {
                Str s = string(p, bindings, depth + 1);
                if (s.value() == null) {
                  return s;
                }
                values.add(s.value());
              }
              return Str.of(String.join(sep, values));
            }
          }
          if ((method.equals("trim") || method.equals("toString")) && object != null) {
            return string(object, bindings, depth + 1);
          }
        }
        return Str.dynamic("a call (`" + firstLine(src.text(n)) + "`)");
      }
      default -> {
        return Str.dynamic("`" + firstLine(src.text(n)) + "`, known only at run time");
      }
    }
  }

  /**
   * A name: a string, a {@code new Table({ name: "x" })}-like object, or a variable holding one;
   * else empty.
   */
  Optional<String> name(TSNode node, Map<String, TSNode> bindings) {
    TSNode n = JsSource.unwrap(node);
    if (n == null) {
      return Optional.empty();
    }
    Str s = string(n, bindings);
    if (s.value() != null) {
      return Optional.of(s.value());
    }
    TSNode obj = objectOf(n, bindings, 0);
    if (obj != null) {
      TSNode name = property(obj, "name");
      if (name != null) {
        return Optional.ofNullable(string(name, bindings).value());
      }
    }
    return Optional.empty();
  }

  /** The name, or the source text as a stand-in so that a finding still names something. */
  String nameOrText(TSNode node, Map<String, TSNode> bindings) {
    if (node == null) {
      return "?";
    }
    return name(node, bindings).orElse(firstLine(src.text(node)));
  }

  /** The object literal of {@code {...}}, {@code new X({...})} or a variable bound to one. */
  TSNode objectOf(TSNode node, Map<String, TSNode> bindings, int depth) {
    TSNode n = JsSource.unwrap(node);
    if (n == null || depth > 6) {
      return null;
    }
    switch (n.getType()) {
      case "object" -> {
        return n;
      }
      case "new_expression" -> {
        List<TSNode> args = JsSource.named(JsSource.field(n, "arguments"));
        return args.isEmpty() ? null : objectOf(args.get(0), bindings, depth + 1);
      }
      case "identifier" -> {
        TSNode v = resolve(n, bindings);
        return v == null ? null : objectOf(v, bindings, depth + 1);
      }
      default -> {
        return null;
      }
    }
  }

  /** The value of a {@code key: value} (or shorthand) property of an object literal. */
  TSNode property(TSNode object, String key) {
    for (TSNode p : JsSource.named(object)) {
      if (p.getType().equals("pair")) {
        TSNode k = JsSource.field(p, "key");
        if (k != null && key(k).equals(key)) {
          return JsSource.field(p, "value");
        }
      } else if (p.getType().equals("shorthand_property_identifier") && src.text(p).equals(key)) {
        return p;
      }
    }
    return null;
  }

  /** The keys of an object literal, in order. */
  List<String> keys(TSNode object) {
    List<String> out = new ArrayList<>();
    for (TSNode p : JsSource.named(object)) {
      if (p.getType().equals("pair")) {
        TSNode k = JsSource.field(p, "key");
        if (k != null) {
          out.add(key(k));
        }
      } else if (p.getType().equals("shorthand_property_identifier")) {
        out.add(src.text(p));
      }
    }
    return out;
  }

  private String key(TSNode k) {
    if (k.getType().equals("string")) {
      Str s = string(k, Map.of());
      return s.value() == null ? src.text(k) : s.value();
    }
    return src.text(k);
  }

  /** The elements of an array literal (or a variable bound to one); null when it is not one. */
  List<TSNode> elements(TSNode node, Map<String, TSNode> bindings) {
    TSNode n = JsSource.unwrap(node);
    for (int depth = 0; n != null && depth < 6; depth++) {
      if (n.getType().equals("array")) {
        return JsSource.named(n);
      }
      if (!n.getType().equals("identifier")) {
        return null;
      }
      n = JsSource.unwrap(resolve(n, bindings));
    }
    return null;
  }

  /** One name or an array of names ({@code 'a'} or {@code ['a', 'b']}). */
  List<String> names(TSNode node, Map<String, TSNode> bindings) {
    if (node == null) {
      return List.of();
    }
    List<TSNode> elements = elements(node, bindings);
    if (elements == null) {
      return List.of(nameOrText(node, bindings));
    }
    return elements.stream().map(e -> nameOrText(e, bindings)).toList();
  }

  static String unescape(String esc) {
    if (esc.length() < 2) {
      return esc;
    }
    char c = esc.charAt(1);
    return switch (c) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case 'b' -> "\b";
      case 'f' -> "\f";
      case 'v' -> "\u000b";
      case '0' -> esc.length() == 2 ? "\0" : esc.substring(1);
      case '\n', '\r', '\u2028', '\u2029' -> "";
      case 'x' -> hex(esc.substring(2));
      case 'u' -> hex(esc.substring(2).replace("{", "").replace("}", ""));
      default -> esc.substring(1);
    };
  }

  private static String hex(String digits) {
    try {
      return new String(Character.toChars(Integer.parseInt(digits, 16)));
    } catch (IllegalArgumentException e) {
      return digits;
    }
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl).stripTrailing() + " …";
    return line.length() > 120 ? line.substring(0, 117) + "…" : line;
  }
}
