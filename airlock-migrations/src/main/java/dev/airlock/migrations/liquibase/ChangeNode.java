package dev.airlock.migrations.liquibase;

import dev.airlock.core.operation.Allowance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a changelog, whatever its syntax: an XML element, or a YAML/JSON mapping entry.
 * Scalar values are attributes (XML attributes, YAML scalar entries), nested elements are
 * children, character data is {@code text}. Offsets are Java char offsets into the file.
 *
 * @param allowances the airlock:allow comments written directly in front of the element
 */
record ChangeNode(
    String name,
    Map<String, String> attributes,
    List<ChangeNode> children,
    String text,
    int start,
    int end,
    List<Allowance> allowances) {

  ChangeNode {
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    children = List.copyOf(children);
    allowances = List.copyOf(allowances);
  }

  Optional<String> attr(String key) {
    String v = attributes.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  boolean flag(String key, boolean otherwise) {
    return attr(key).map(v -> v.equalsIgnoreCase("true")).orElse(otherwise);
  }

  Optional<ChangeNode> child(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst();
  }

  List<ChangeNode> children(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  /** An attribute, or else the text of a child element of that name ({@code <where>..</where>}). */
  Optional<String> value(String key) {
    Optional<String> a = attr(key);
    if (a.isPresent()) {
      return a;
    }
    return child(key).map(ChangeNode::text).filter(t -> !t.isBlank()).map(String::strip);
  }

  /** The columns of a change, written as {@code <column>} children or a YAML {@code columns:} list. */
  List<ChangeNode> columns() {
    List<ChangeNode> out = new ArrayList<>(children("column"));
    for (ChangeNode list : children("columns")) {
      out.addAll(list.children("column"));
    }
    return out;
  }

  ChangeNode withAllowances(List<Allowance> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Allowance> all = new ArrayList<>(more);
    all.addAll(allowances);
    return new ChangeNode(name, attributes, children, text, start, end, all);
  }

  static ChangeNode of(String name, Map<String, String> attributes) {
    return new ChangeNode(name, attributes, List.of(), "", 0, 0, List.of());
  }
}
