package dev.airlock.migrations.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call expression with its arguments sorted out: {@code
 * migrations.RemoveField(model_name='order', name='legacy_order_id')} has callee {@code
 * migrations.RemoveField}, name {@code RemoveField}, no positional and two keyword arguments.
 *
 * @param node the call node
 * @param callee the called expression as written, white space removed ("migrations.RemoveField")
 * @param positional positional arguments in order
 * @param keywords keyword arguments by name
 * @param splat whether a {@code *args} or {@code **kwargs} hides arguments
 */
public record PyCall(
    PyNode node,
    String callee,
    List<PyNode> positional,
    Map<String, PyNode> keywords,
    boolean splat) {
  public PyCall {
    positional = List.copyOf(positional);
    keywords = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
  }

  /** The call a node is, if it is one (parentheses stripped). */
  public static Optional<PyCall> of(PyNode node) {
    PyNode n = node.unwrap();
    if (!n.is("call")) {
      return Optional.empty();
    }
    PyNode function = n.child("function").orElse(null);
    PyNode args = n.child("arguments").orElse(null);
    if (function == null) {
      return Optional.empty();
    }
    List<PyNode> positional = new ArrayList<>();
    Map<String, PyNode> keywords = new LinkedHashMap<>();
    boolean splat = false;
    if (args != null && args.is("argument_list")) {
      for (PyNode a : args.named()) {
        if (a.is("keyword_argument")) {
          Optional<PyNode> name = a.child("name");
          Optional<PyNode> value = a.child("value");
          if (name.isPresent() && value.isPresent()) {
            keywords.put(name.get().text(), value.get());
          }
        } else if (a.is("list_splat") || a.is("dictionary_splat")) {
          splat = true;
        } else {
          positional.add(a);
        }
      }
    } else if (args != null) {
      positional.add(args); // a generator argument: f(x for x in y)
    }
    return Optional.of(new PyCall(n, dotted(function), positional, keywords, splat));
  }

  /** The last component of the callee: "RemoveField" for "migrations.RemoveField". */
  public String name() {
    int dot = callee.lastIndexOf('.');
    return dot < 0 ? callee : callee.substring(dot + 1);
  }

  /** The callee without its last component: "op" for "op.drop_table", "" for a bare name. */
  public String receiver() {
    int dot = callee.lastIndexOf('.');
    return dot < 0 ? "" : callee.substring(0, dot);
  }

  /**
   * An argument given either by position or by keyword, as Python binds it.
   *
   * @param index its position in the signature, or -1 for keyword-only
   */
  public Optional<PyNode> arg(int index, String keyword) {
    PyNode k = keywords.get(keyword);
    if (k != null) {
      return Optional.of(k);
    }
    if (index >= 0 && index < positional.size()) {
      return Optional.of(positional.get(index));
    }
    return Optional.empty();
  }

  public boolean has(int index, String keyword) {
    return arg(index, keyword).isPresent();
  }

  /** The source text of the call. */
  public String text() {
    return node.text();
  }

  /** An expression as a dotted name ("a.b.c"), white space and comments removed. */
  public static String dotted(PyNode expr) {
    PyNode n = expr.unwrap();
    if (n.is("attribute")) {
      Optional<PyNode> object = n.child("object");
      Optional<PyNode> attribute = n.child("attribute");
      if (object.isPresent() && attribute.isPresent()) {
        return dotted(object.get()) + "." + attribute.get().text();
      }
    }
    if (n.is("call")) {
      return n.child("function").map(PyCall::dotted).orElse("?") + "()";
    }
    return n.text().replaceAll("\\s+", "");
  }
}
