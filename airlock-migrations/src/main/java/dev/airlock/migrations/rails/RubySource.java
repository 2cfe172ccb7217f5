package dev.airlock.migrations.rails;

import dev.airlock.core.source.SourceText;
import dev.airlock.core.source.Span;
import dev.airlock.migrations.treesitter.Utf8Offsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterRuby;

/**
 * One Ruby file parsed by tree-sitter-ruby, with what tree-sitter leaves to the caller: UTF-8 byte
 * offsets turned into Java char offsets, each heredoc start paired with its body (tree-sitter
 * puts the body after the statement, not inside the call), and the comments by line.
 */
final class RubySource {
  /** A parser per thread: creating one and loading the grammar costs more than a small file's parse. */
  private static final ThreadLocal<TSParser> PARSER =
      ThreadLocal.withInitial(
          () -> {
            TSParser parser = new TSParser();
            parser.setLanguage(new TreeSitterRuby());
            return parser;
          });

  final SourceText source;
  final String text;
  final TSNode root;
  private final TSTree tree; // keeps the native tree alive as long as its nodes are used
  private final int[] byteToChar;
  private final Map<Integer, TSNode> heredocBodies = new HashMap<>();
  private final TreeMap<Integer, List<TSNode>> commentsByLine = new TreeMap<>();
  private final List<TSNode> errors = new ArrayList<>();

  RubySource(SourceText source) {
    this.source = source;
    this.text = source.text();
    // A lone CR ends a line for SourceText but not for Ruby; read it as LF (same length, so every
    // offset stays right) rather than let the whole file collapse into its first comment.
    this.tree = PARSER.get().parseString(null, text.replaceAll("\r(?!\n)", "\n"));
    this.root = tree.getRootNode();
    this.byteToChar = Utf8Offsets.byteToChar(text);
    List<TSNode> beginnings = new ArrayList<>();
    List<TSNode> bodies = new ArrayList<>();
    index(root, beginnings, bodies);
    for (int i = 0; i < beginnings.size() && i < bodies.size(); i++) {
      heredocBodies.put(beginnings.get(i).getStartByte(), bodies.get(i));
    }
  }

  private void index(TSNode node, List<TSNode> beginnings, List<TSNode> bodies) {
    String type = node.getType();
    switch (type) {
      case "heredoc_beginning" -> beginnings.add(node);
      case "heredoc_body" -> bodies.add(node);
      case "comment" -> commentsByLine.computeIfAbsent(line(node.getStartByte()), k -> new ArrayList<>()).add(node);
      case "ERROR" -> errors.add(node);
      default -> {
        if (node.isMissing()) {
          errors.add(node);
        }
      }
    }
    int n = node.getChildCount();
    for (int i = 0; i < n; i++) {
      index(node.getChild(i), beginnings, bodies);
    }
  }

  int charOffset(int byteOffset) {
    return Utf8Offsets.charOffset(byteToChar, byteOffset);
  }

  String text(TSNode node) {
    return text.substring(charOffset(node.getStartByte()), charOffset(node.getEndByte()));
  }

  String textBytes(int startByte, int endByte) {
    return text.substring(charOffset(startByte), charOffset(endByte));
  }

  Span span(int startByte, int endByte) {
    return source.span(charOffset(startByte), charOffset(endByte));
  }

  Span span(TSNode node) {
    return span(node.getStartByte(), node.getEndByte());
  }

  int line(int startByte) {
    return source.lineOf(charOffset(startByte));
  }

  TSNode heredocBody(TSNode beginning) {
    return heredocBodies.get(beginning.getStartByte());
  }

  List<TSNode> errors() {
    return errors;
  }

  /** The comments that start on a line. */
  List<TSNode> commentsOn(int line) {
    return commentsByLine.getOrDefault(line, List.of());
  }

  /** True when a line holds nothing but white space before a comment that starts on it. */
  boolean commentOnlyLine(int line) {
    List<TSNode> comments = commentsOn(line);
    if (comments.isEmpty()) {
      return false;
    }
    return source.line(line).substring(0, source.columnOf(charOffset(comments.get(0).getStartByte())) - 1).isBlank();
  }

  /**
   * The end of a node including the bodies of heredocs that start inside it: a call {@code
   * execute <<~SQL} ends, for a reviewer, at the heredoc's terminator.
   */
  int endWithHeredocs(TSNode node) {
    int[] end = {node.getEndByte()};
    extend(node, end);
    return end[0];
  }

  private void extend(TSNode node, int[] end) {
    if (node.getType().equals("heredoc_beginning")) {
      TSNode body = heredocBody(node);
      if (body != null) {
        end[0] = Math.max(end[0], body.getEndByte());
      }
    }
    int n = node.getChildCount();
    for (int i = 0; i < n; i++) {
      extend(node.getChild(i), end);
    }
  }

  static List<TSNode> namedChildren(TSNode node) {
    List<TSNode> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    int n = node.getNamedChildCount();
    for (int i = 0; i < n; i++) {
      out.add(node.getNamedChild(i));
    }
    return out;
  }

  static TSNode field(TSNode node, String name) {
    TSNode child = node.getChildByFieldName(name);
    return child == null || child.isNull() ? null : child;
  }
}
