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
 * Reads an XML changelog with the JDK's StAX reader into {@link ChangeNode}s. StAX reports the
 * location just after each tag; a start tag begins at the last {@code <} before that (a literal
 * {@code <} cannot occur inside an attribute value), so every element gets its exact span.
 * DTDs and external entities are disabled.
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
    try {
      r = FACTORY.createXMLStreamReader(new StringReader(text));
      List<Allowance> topPending = new ArrayList<>();
      while (r.hasNext()) {
        int event = r.next();
        int at = offset(source, r.getLocation());
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            int start = Math.max(0, text.lastIndexOf('<', Math.max(0, at - 1)));
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
            ChangeNode node =
                new ChangeNode(o.name, o.attributes, o.children, o.text.toString(), o.start, Math.max(at, o.start), o.allowances);
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
            int start = Math.max(0, text.lastIndexOf("<!--", Math.max(0, at - 1)));
            String comment = r.getText();
            List<Allowance> found = Allowance.parse(comment, source.span(start, Math.max(start, at)));
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
}
