package dev.airlock.migrations.liquibase;

import dev.airlock.core.operation.Allowance;
import dev.airlock.core.source.SourceText;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML or JSON changelog with SnakeYAML's node API ({@code compose}), which keeps the start
 * and end mark of every node, so each change gets its exact span. Anchors and aliases resolve to
 * the anchored node (its span is the anchor's), and merge keys ({@code <<: *defaults}) are
 * applied, explicit keys winning. JSON is read as YAML after its tabs become spaces (JSON has no
 * raw tab inside a string, and YAML refuses tabs as indentation).
 */
final class YamlChangelog {
  private static final int MAX_DEPTH = 64;

  private final SourceText source;
  private final String text;
  private final Offsets offsets;
  private final int[] lineStarts;

  private YamlChangelog(SourceText source) {
    this.source = source;
    this.text = source.text();
    this.offsets = new Offsets(text);
    this.lineStarts = Offsets.lineStarts(text);
  }

  static ChangeNode read(SourceText source, boolean json) throws ChangelogException {
    return new YamlChangelog(source).read(json);
  }

  private ChangeNode read(boolean json) throws ChangelogException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(10_000);
    options.setCodePointLimit(64 * 1024 * 1024);
    String input = json ? text.replace('\t', ' ') : text;
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(input));
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int at = m == null ? 0 : offsets.ofCodePoint(m.getIndex());
      String problem = e.getProblem() == null ? "malformed" : e.getProblem();
      throw new ChangelogException(
          "malformed " + (json ? "JSON" : "YAML") + " at line " + source.lineOf(at) + ": " + problem, at);
    } catch (YAMLException e) {
      throw new ChangelogException("malformed " + (json ? "JSON" : "YAML") + ": " + e.getMessage(), 0);
    }
    if (!(root instanceof MappingNode map)) {
      throw new ChangelogException("no databaseChangeLog mapping at the top", 0);
    }
    for (NodeTuple t : entries(map, 0)) {
      if (scalar(t.getKeyNode()).equals("databaseChangeLog")) {
        List<ChangeNode> items = new ArrayList<>();
        Node v = t.getValueNode();
        if (v instanceof SequenceNode seq) {
          for (Node item : seq.getValue()) {
            items.add(item(item, "databaseChangeLog", 1));
          }
        } else if (!(v instanceof ScalarNode s && s.getValue().isEmpty())) {
          throw new ChangelogException("databaseChangeLog is not a list", start(v));
        }
        return new ChangeNode("databaseChangeLog", Map.of(), items, "", start(map), end(map), List.of());
      }
    }
    throw new ChangelogException("no databaseChangeLog key at the top", 0);
  }

  /** A list item: a one-key mapping ({@code - dropTable: {...}}) or a bare scalar. */
  private ChangeNode item(Node item, String listName, int depth) throws ChangelogException {
    int start = start(item);
    int end = end(item);
    if (item instanceof MappingNode m) {
      List<NodeTuple> entries = entries(m, depth);
      if (entries.size() == 1) {
        NodeTuple only = entries.get(0);
        return convert(scalar(only.getKeyNode()), only.getValueNode(), start, end, depth + 1)
            .withAllowances(commentsAbove(start));
      }
      return convert(listName + "Item", item, start, end, depth + 1).withAllowances(commentsAbove(start));
    }
    return convert("text", item, start, end, depth + 1);
  }

  private ChangeNode convert(String name, Node value, int start, int end, int depth) throws ChangelogException {
    if (depth > MAX_DEPTH) {
      throw new ChangelogException("nested too deep (a recursive alias?)", start);
    }
    if (value instanceof ScalarNode s) {
      return new ChangeNode(name, Map.of(), List.of(), s.getValue(), start, end, List.of());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    List<ChangeNode> children = new ArrayList<>();
    if (value instanceof MappingNode m) {
      for (NodeTuple t : entries(m, depth)) {
        String key = scalar(t.getKeyNode());
        Node v = t.getValueNode();
        int ks = start(t.getKeyNode());
        if (v instanceof ScalarNode s) {
          attributes.put(key, s.getValue());
        } else if (v instanceof MappingNode) {
          children.add(convert(key, v, ks, end(v), depth + 1).withAllowances(commentsAbove(ks)));
        } else if (v instanceof SequenceNode seq) {
          List<ChangeNode> items = new ArrayList<>();
          for (Node item : seq.getValue()) {
            items.add(item(item, key, depth + 1));
          }
          if (name.equals("changeSet") && key.equals("changes")) {
            children.addAll(items); // as in XML, the changes are the changeset's own children
          } else {
            children.add(new ChangeNode(key, Map.of(), items, "", ks, end(v), commentsAbove(ks)));
          }
        }
      }
    } else if (value instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        children.add(item(item, name, depth + 1));
      }
    }
    return new ChangeNode(name, attributes, children, "", start, end, List.of());
  }

  /** The entries of a mapping with merge keys applied; explicit keys override merged ones. */
  private List<NodeTuple> entries(MappingNode m, int depth) throws ChangelogException {
    if (depth > MAX_DEPTH) {
      throw new ChangelogException("nested too deep (a recursive alias?)", start(m));
    }
    Map<String, NodeTuple> merged = new LinkedHashMap<>();
    Map<String, NodeTuple> explicit = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (Tag.MERGE.equals(t.getKeyNode().getTag())) {
        List<Node> sources = t.getValueNode() instanceof SequenceNode s ? s.getValue() : List.of(t.getValueNode());
        for (Node src : sources) {
          if (src instanceof MappingNode sm) {
            for (NodeTuple e : entries(sm, depth + 1)) {
              merged.putIfAbsent(scalar(e.getKeyNode()), e);
            }
          }
        }
      } else {
        explicit.put(scalar(t.getKeyNode()), t);
      }
    }
    merged.putAll(explicit);
    return new ArrayList<>(merged.values());
  }

  private static String scalar(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : "";
  }

  private int start(Node n) {
    return offsets.ofCodePoint(n.getStartMark().getIndex());
  }

  /** A node's end, without the blank and comment lines SnakeYAML counts into a block node. */
  private int end(Node n) {
    int end = offsets.ofCodePoint(n.getEndMark().getIndex());
    int start = start(n);
    while (true) {
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      int lineStart = end;
      while (lineStart > start && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
        lineStart--;
      }
      if (lineStart > start && text.substring(lineStart, end).strip().startsWith("#")) {
        end = lineStart;
      } else {
        return Math.max(end, start);
      }
    }
  }

  /** The airlock:allow comments on the comment lines directly above an offset's line. */
  private List<Allowance> commentsAbove(int offset) {
    List<Allowance> out = new ArrayList<>();
    for (int line = source.lineOf(offset) - 1; line >= 1; line--) {
      String l = source.line(line);
      String stripped = l.strip();
      if (stripped.startsWith("#")) {
        int c = lineStarts[line - 1] + l.indexOf('#');
        out.addAll(0, Allowance.parse(stripped.substring(1), source.span(c, lineStarts[line - 1] + l.length())));
      } else if (!stripped.isEmpty()) {
        break;
      }
    }
    return out;
  }
}
