package dev.airlock.migrations.python;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One node of a Python syntax tree, copied out of tree-sitter once so that walking it costs no
 * native calls. Offsets are Java char offsets into the file's text (tree-sitter counts UTF-8 bytes;
 * {@link PythonSource} converts).
 */
public final class PyNode {
  private final PythonSource source;
  private final String type;
  private final String field;
  private final boolean named;
  private final int start;
  private final int end;
  private final List<PyNode> children = new ArrayList<>();
  private PyNode parent;

  PyNode(PythonSource source, String type, String field, boolean named, int start, int end) {
    this.source = source;
    this.type = type;
    this.field = field;
    this.named = named;
    this.start = start;
    this.end = end;
  }

  void add(PyNode child) {
    child.parent = this;
    children.add(child);
  }

  /** The grammar's node type: "call", "string", "identifier", ... */
  public String type() {
    return type;
  }

  public boolean is(String t) {
    return type.equals(t);
  }

  /** The field this node fills in its parent ("function", "arguments"), or null. */
  public String field() {
    return field;
  }

  public boolean isNamed() {
    return named;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  public PythonSource source() {
    return source;
  }

  public String text() {
    return source.text().substring(start, end);
  }

  public Optional<PyNode> parent() {
    return Optional.ofNullable(parent);
  }

  public List<PyNode> children() {
    return Collections.unmodifiableList(children);
  }

  /** Named children, comments excluded. */
  public List<PyNode> named() {
    List<PyNode> out = new ArrayList<>();
    for (PyNode c : children) {
      if (c.named && !c.is("comment")) {
        out.add(c);
      }
    }
    return out;
  }

  /** The child in a grammar field, e.g. {@code child("function")} of a call. */
  public Optional<PyNode> child(String fieldName) {
    for (PyNode c : children) {
      if (fieldName.equals(c.field)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Every node of this subtree, depth first, this one included. */
  public void walk(Consumer<PyNode> visitor) {
    visitor.accept(this);
    for (PyNode c : children) {
      c.walk(visitor);
    }
  }

  /** The nearest enclosing node of a type. */
  public Optional<PyNode> ancestor(String ancestorType) {
    for (PyNode p = parent; p != null; p = p.parent) {
      if (p.is(ancestorType)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Strips parentheses around an expression. */
  public PyNode unwrap() {
    PyNode n = this;
    while (n.is("parenthesized_expression") && n.named().size() == 1) {
      n = n.named().get(0);
    }
    return n;
  }

  @Override
  public String toString() {
    return type + "@" + start + ".." + end;
  }
}
