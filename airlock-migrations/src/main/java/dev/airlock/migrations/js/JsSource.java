package dev.airlock.migrations.js;

import dev.airlock.core.source.SourceText;
import dev.airlock.core.source.Span;
import dev.airlock.migrations.treesitter.Utf8Offsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterTypescript;

/**
 * One JavaScript or TypeScript file parsed by tree-sitter (the TypeScript grammar for {@code .ts},
 * {@code .mts} and {@code .cts}, the JavaScript grammar otherwise), with what tree-sitter leaves to
 * the caller: UTF-8 byte offsets turned into Java char offsets, the comments by line, and the
 * syntax errors.
 */
final class JsSource {
  /** A parser per thread and grammar: creating one costs more than parsing a small file. */
  private static final ThreadLocal<TSParser> JS =
      ThreadLocal.withInitial(() -> parser(new TreeSitterJavascript()));

  private static final ThreadLocal<TSParser> TS =
      ThreadLocal.withInitial(() -> parser(new TreeSitterTypescript()));

  final SourceText source;
  final String text;
  final TSNode root;
  private final TSTree tree; // keeps the native tree alive as long as its nodes are used
  private final int[] byteToChar;
  private final TreeMap<Integer, List<TSNode>> commentsByLine = new TreeMap<>();
  private final List<TSNode> errors = new ArrayList<>();

  JsSource(SourceText source) {
    this.source = source;
    this.text = source.text();
    TSParser parser = typeScript(source.path()) ? TS.get() : JS.get();
    // A lone CR ends a line for SourceText; JavaScript agrees, but read it as LF (same length, so
    // every offset stays right) so that line comments end where a reader sees them end.
    this.tree = parser.parseString(null, text.replaceAll("\r(?!\n)", "\n"));
    this.root = tree.getRootNode();
    this.byteToChar = Utf8Offsets.byteToChar(text);
    index(root);
  }

  private static TSParser parser(TSLanguage language) {
    TSParser parser = new TSParser();
    parser.setLanguage(language);
    return parser;
  }

  static boolean typeScript(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.endsWith(".ts") || p.endsWith(".mts") || p.endsWith(".cts");
  }

  private void index(TSNode node) {
    String type = node.getType();
    if (type.equals("comment")) {
      commentsByLine.computeIfAbsent(line(node.getStartByte()), k -> new ArrayList<>()).add(node);
    } else if (type.equals("ERROR") || node.isMissing()) {
      errors.add(node);
    }
    int n = node.getChildCount();
    for (int i = 0; i < n; i++) {
      index(node.getChild(i));
    }
  }

  int charOffset(int byteOffset) {
    // mapped offsets never pass the end; clamp the ASCII case (offset = byte offset) the same way
    return Math.min(Utf8Offsets.charOffset(byteToChar, byteOffset), text.length());
  }

  String text(TSNode node) {
    return text.substring(charOffset(node.getStartByte()), charOffset(node.getEndByte()));
  }

  Span span(TSNode node) {
    return source.span(charOffset(node.getStartByte()), charOffset(node.getEndByte()));
  }

  Span span(int startByte, int endByte) {
    return source.span(charOffset(startByte), charOffset(endByte));
  }

  String text(int startByte, int endByte) {
    return text.substring(charOffset(startByte), charOffset(endByte));
  }

  int line(int byteOffset) {
    return source.lineOf(charOffset(byteOffset));
  }

  List<TSNode> errors() {
    return errors;
  }

  List<TSNode> commentsOn(int line) {
    return commentsByLine.getOrDefault(line, List.of());
  }

  /** True when a line holds nothing but white space before a comment that starts on it. */
  boolean commentOnlyLine(int line) {
    List<TSNode> comments = commentsOn(line);
    if (comments.isEmpty()) {
      return false;
    }
    return source
        .line(line)
        .substring(0, source.columnOf(charOffset(comments.get(0).getStartByte())) - 1)
        .isBlank();
  }

  /** The last line a comment that starts on {@code line} covers (block comments span lines). */
  int commentEndLine(TSNode comment) {
    return line(comment.getEndByte());
  }

  /** All comments, in order of their start lines. */
  Iterable<List<TSNode>> commentLines() {
    return commentsByLine.values();
  }

  static List<TSNode> named(TSNode node) {
    List<TSNode> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    int n = node.getNamedChildCount();
    for (int i = 0; i < n; i++) {
      TSNode c = node.getNamedChild(i);
      if (!c.getType().equals("comment")) {
        out.add(c);
      }
    }
    return out;
  }

  static TSNode field(TSNode node, String name) {
    if (node == null) {
      return null;
    }
    TSNode child = node.getChildByFieldName(name);
    return child == null || child.isNull() ? null : child;
  }

  /**
   * Strips the wrappers that do not change a value: parentheses, await, {@code x!}, {@code as T}.
   */
  static TSNode unwrap(TSNode node) {
    TSNode n = node;
    while (n != null) {
      switch (n.getType()) {
        case "parenthesized_expression",
            "await_expression",
            "non_null_expression",
            "as_expression",
            "satisfies_expression",
            "type_assertion" -> {
          List<TSNode> kids = named(n);
          if (kids.isEmpty()) {
            return n;
          }
          n = n.getType().equals("type_assertion") ? kids.get(kids.size() - 1) : kids.get(0);
        }
        default -> {
          return n;
        }
      }
    }
    return null;
  }
}
