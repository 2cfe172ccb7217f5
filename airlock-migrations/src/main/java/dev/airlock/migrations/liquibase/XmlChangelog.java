package dev.airlock.migrations.liquibase;

import dev.airlock.core.operation.Allowance;
import dev.airlock.core.source.SourceText;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML changelog with the JDK's StAX reader into {@link ChangeNode}s. StAX parses (and
 * decodes attributes, entities and CDATA); the exact span of each element comes from {@link Tags},
 * which walks the markup in step with StAX's events, because StAX's own locations are only
 * approximate (with coalescing they run ahead into the following text). DTDs and external
 * entities are refused.
 */
final class XmlChangelog {
  private static final XMLInputFactory FACTORY = factory();

  private XmlChangelog() {}

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  /** An element under construction. */
  private static final class Open {
    final String name;
    final Map<String, String> attributes;
    final int start;
    final List<ChangeNode> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final List<Allowance> allowances;
    /** Allow comments seen since the last sibling element, for the next child. */
    List<Allowance> pending = new ArrayList<>();

    Open(String name, Map<String, String> attributes, int start, List<Allowance> allowances) {
      this.name = name;
      this.attributes = attributes;
      this.start = start;
      this.allowances = allowances;
    }
  }

  static ChangeNode read(SourceText source) throws ChangelogException {
    String text = source.text();
    Deque<Open> stack = new ArrayDeque<>();
    ChangeNode root = null;
    XMLStreamReader r = null;
    Tags tags = new Tags(text);
    try {
      r = FACTORY.createXMLStreamReader(new StringReader(text));
      List<Allowance> topPending = new ArrayList<>();
      while (r.hasNext()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            int start = tags.startTag();
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int i = 0; i < r.getAttributeCount(); i++) {
              attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
            Open parent = stack.peek();
            List<Allowance> allow = parent == null ? topPending : parent.pending;
            // the comments in front of this element are used up; its siblings start afresh
            if (parent == null) {
              topPending = new ArrayList<>();
            } else {
              parent.pending = new ArrayList<>();
            }
            String name = r.getPrefix() == null || r.getPrefix().isEmpty() || isLiquibase(r.getNamespaceURI())
                ? r.getLocalName()
                : r.getPrefix() + ":" + r.getLocalName();
            stack.push(new Open(name, attrs, start, allow));
          }
          case XMLStreamConstants.END_ELEMENT -> {
            Open o = stack.pop();
            int end = Math.max(tags.endTag(), o.start);
            ChangeNode node =
                new ChangeNode(o.name, o.attributes, o.children, o.text.toString(), o.start, end, o.allowances);
            if (stack.isEmpty()) {
              root = node;
            } else {
              stack.peek().children.add(node);
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
            if (!stack.isEmpty()) {
              stack.peek().text.append(r.getText());
            }
          }
          case XMLStreamConstants.COMMENT -> {
            int[] where = tags.comment();
            String comment = r.getText();
            List<Allowance> found = Allowance.parse(comment, source.span(where[0], where[1]));
            if (stack.isEmpty()) {
              topPending.addAll(found);
            } else {
              stack.peek().pending.addAll(found);
            }
          }
          default -> {
            // processing instructions, DTD (refused), end of document
          }
        }
      }
    } catch (XMLStreamException e) {
      int offset = e.getLocation() == null ? 0 : offset(source, e.getLocation());
      String msg = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
      throw new ChangelogException("malformed XML at line " + source.lineOf(Math.min(offset, text.length())) + ": " + msg.strip(), offset);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing held open: the reader reads a string
        }
      }
    }
    if (root == null) {
      throw new ChangelogException("no root element", 0);
    }
    return root;
  }

  private static boolean isLiquibase(String namespace) {
    return namespace == null || namespace.isEmpty() || namespace.startsWith("http://www.liquibase.org/xml/ns/dbchangelog");
  }

  /** The char offset of a StAX location (the reader reads a String, so offsets are chars). */
  private static int offset(SourceText source, Location l) {
    int n = source.text().length();
    if (l.getCharacterOffset() >= 0) {
      return Math.min(l.getCharacterOffset(), n);
    }
    return Offsets.ofLineColumn(source.text(), l.getLineNumber(), l.getColumnNumber());
  }

  /** Finds each tag's exact offsets, in document order, in step with the StAX events. */
  static final class Tags {
    private final String text;
    private int cursor;
    private final Deque<Integer> selfClosingEnds = new ArrayDeque<>();

    Tags(String text) {
      this.text = text;
    }

    /** The next {@code <} of markup, past CDATA sections (their content is text). */
    private int next(int from) {
      int i = from;
      while (true) {
        i = text.indexOf('<', i);
        if (i < 0) {
          return text.length();
        }
        if (text.startsWith("<![CDATA[", i)) {
          int close = text.indexOf("]]>", i);
          i = close < 0 ? text.length() : close + 3;
          continue;
        }
        return i;
      }
    }

    /** Skips comments, processing instructions and declarations; returns the next tag's start. */
    private int nextTag() {
      while (true) {
        int i = next(cursor);
        if (i >= text.length()) {
          return i;
        }
        if (text.startsWith("<!--", i)) {
          cursor = closeOf(i, "-->");
        } else if (text.startsWith("<?", i)) {
          cursor = closeOf(i, "?>");
        } else if (text.startsWith("<!", i)) {
          cursor = closeOf(i, ">");
        } else {
          return i;
        }
      }
    }

    private int closeOf(int from, String close) {
      int c = text.indexOf(close, from + 2);
      return c < 0 ? text.length() : c + close.length();
    }

    /** The end of the tag starting at {@code i}: its {@code >}, outside quoted attribute values. */
    private int tagEnd(int i) {
      char quote = 0;
      for (int j = i + 1; j < text.length(); j++) {
        char c = text.charAt(j);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          return j + 1;
        }
      }
      return text.length();
    }

    int startTag() {
      int i = nextTag();
      int end = tagEnd(i);
      cursor = end;
      selfClosingEnds.push(end >= 2 && text.charAt(end - 2) == '/' ? end : -1);
      return i;
    }

    int endTag() {
      int selfClosing = selfClosingEnds.isEmpty() ? -1 : selfClosingEnds.pop();
      if (selfClosing >= 0) {
        return selfClosing;
      }
      int i = nextTag();
      cursor = tagEnd(i);
      return cursor;
    }

    int[] comment() {
      while (true) {
        int i = next(cursor);
        if (i >= text.length()) {
          return new int[] {text.length(), text.length()};
        }
        if (text.startsWith("<!--", i)) {
          cursor = closeOf(i, "-->");
          return new int[] {i, cursor};
        }
        cursor = text.startsWith("<?", i) ? closeOf(i, "?>") : tagEnd(i);
      }
    }
  }
}
