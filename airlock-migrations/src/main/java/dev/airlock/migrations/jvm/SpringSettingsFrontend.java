package dev.airlock.migrations.jvm;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.source.Span;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Spring Boot and Hibernate settings files: {@code application*.properties}, {@code
 * application*.yml}, {@code bootstrap*}, {@code flyway.conf}, {@code gradle.properties}, {@code
 * persistence.xml}, {@code hibernate.cfg.xml}. Every setting {@link SchemaSettings} knows becomes
 * an occurrence at its exact line: a wipe, auto DDL, or benign (validate, none, a test profile).
 * Files of tests (under {@code src/test/}, or named for a test profile) and YAML or properties
 * documents activated only on a test profile ({@code spring.config.activate.on-profile: test})
 * are not flagged: their settings count as benign.
 */
final class SpringSettingsFrontend implements Frontend {
  static final String FORMAT = "spring-settings";

  private final Path relative;

  SpringSettingsFrontend(Path relative) {
    this.relative = relative;
  }

  /** One key = value found in the file, with the offsets of the whole setting. */
  private record Entry(String key, String value, int start, int end, boolean testUnit) {
    Entry(String key, String value, int start, int end) {
      this(key, value, start, end, false);
    }
  }

  @Override
  public Parsed parse(SourceText source) {
    return FailClosed.parse(FORMAT, source, this::read);
  }

  private Parsed read(SourceText source) {
    String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
    List<List<Entry>> documents;
    try {
      if (name.endsWith(".yml") || name.endsWith(".yaml")) {
        documents = yaml(source.text());
      } else if (name.endsWith(".xml")) {
        documents = List.of(xml(source.text()));
      } else {
        documents = properties(source.text());
      }
    } catch (Unreadable e) {
      int at = Math.min(Math.max(0, e.offset), source.text().length());
      Offsets o = new Offsets(source.text());
      Span span = source.span(at, Math.max(at, o.lineEnd(o.lineOf(at))));
      return new Parsed(
          List.of(new Occurrence(new UnparsedMigration(FORMAT, e.getMessage()), span, source.text().substring(span.startOffset(), span.endOffset()), Optional.empty(), Optional.empty(), List.of())),
          1);
    }
    boolean testFile = SchemaSettings.testFile(relative);
    Offsets offsets = new Offsets(source.text());
    List<Occurrence> out = new ArrayList<>();
    for (List<Entry> doc : documents) {
      Optional<String> profile = profile(doc);
      boolean testDoc = testFile || profile.map(SchemaSettings::testProfile).orElse(false);
      for (Entry e : doc) {
        boolean test = testDoc || e.testUnit();
        String how = e.key() + "=" + e.value();
        Optional<SchemaSettings.Classified> c = SchemaSettings.classify(e.key(), e.value(), how);
        if (c.isEmpty()) {
          continue;
        }
        int[] t = offsets.trim(e.start(), e.end());
        Span span = source.span(t[0], t[1]);
        String statement = source.text().substring(t[0], t[1]);
        String within = profile.map(p -> "profile `" + p + "`").orElse(SchemaSettings.profileOf(relative).map(p -> "profile `" + p + "`").orElse("default profile"));
        if (test && !(c.get().operation() instanceof Benign)) {
          out.add(new Occurrence(new Benign(how + " (test only)"), span, statement, Optional.empty(), Optional.of(within + ", tests only"), List.of()));
          continue;
        }
        List<Allowance> allow =
            AllowComments.before(
                source,
                offsets,
                span.startLine(),
                name.endsWith(".xml") ? AllowComments.Syntax.XML : name.endsWith(".properties") || name.endsWith(".conf") ? AllowComments.Syntax.PROPERTIES : AllowComments.Syntax.HASH,
                line -> name.endsWith(".yml") || name.endsWith(".yaml") ? line.endsWith(":") : false);
        Optional<String> effect = c.get().effect().isEmpty() ? Optional.empty() : Optional.of(c.get().effect());
        out.add(new Occurrence(c.get().operation(), span, statement, effect, Optional.of(within), allow));
      }
    }
    return new Parsed(out, out.size());
  }

  private static Optional<String> profile(List<Entry> doc) {
    for (Entry e : doc) {
      String c = SchemaSettings.canonical(e.key());
      if (c.equals("springconfigactivateonprofile") || c.equals("springprofiles")) {
        return Optional.of(e.value());
      }
    }
    return Optional.empty();
  }

  private static final class Unreadable extends Exception {
    final int offset;

    Unreadable(String message, int offset) {
      super(message);
      this.offset = offset;
    }
  }

  // ---- .properties (and flyway.conf): java.util.Properties syntax, with #--- documents ----

  private static List<List<Entry>> properties(String text) {
    Offsets o = new Offsets(text);
    List<List<Entry>> docs = new ArrayList<>();
    List<Entry> doc = new ArrayList<>();
    int lines = o.lines();
    for (int l = 1; l <= lines; l++) {
      String raw = o.line(l);
      String t = raw.stripLeading();
      if (raw.equals("#---") || raw.equals("!---")) {
        docs.add(doc);
        doc = new ArrayList<>();
        continue;
      }
      if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
        continue;
      }
      int start = o.lineStart(l) + (raw.length() - t.length());
      StringBuilder logical = new StringBuilder(t);
      int last = l;
      while (endsWithOddBackslashes(logical) && last < lines) {
        logical.setLength(logical.length() - 1);
        last++;
        logical.append(o.line(last).stripLeading());
      }
      l = last;
      String s = logical.toString();
      int i = 0;
      StringBuilder key = new StringBuilder();
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < s.length()) {
          key.append(c).append(s.charAt(i + 1));
          i += 2;
          continue;
        }
        if (c == '=' || c == ':' || Character.isWhitespace(c)) {
          break;
        }
        key.append(c);
        i++;
      }
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
        i++;
      }
      if (i < s.length() && (s.charAt(i) == '=' || s.charAt(i) == ':')) {
        i++;
      }
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
        i++;
      }
      doc.add(new Entry(unescape(key.toString()), unescape(s.substring(i)).strip(), start, o.lineEnd(last)));
    }
    docs.add(doc);
    return docs;
  }

  private static boolean endsWithOddBackslashes(CharSequence s) {
    int n = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 'f' -> b.append('\f');
        case 'u' -> {
          if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
            b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          } else {
            b.append('u');
          }
        }
        default -> b.append(n);
      }
    }
    return b.toString();
  }

  // ---- YAML: every document, nested keys flattened with dots, merge keys followed ----

  private static List<List<Entry>> yaml(String text) throws Unreadable {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(200);
    options.setAllowDuplicateKeys(true);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    List<List<Entry>> docs = new ArrayList<>();
    boolean surrogates = text.codePoints().anyMatch(Character::isSupplementaryCodePoint);
    try {
      for (Node root : yaml.composeAll(new StringReader(text))) {
        List<Entry> doc = new ArrayList<>();
        if (root instanceof MappingNode m) {
          flatten(m, "", doc, text, surrogates, 0);
        }
        docs.add(doc);
      }
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new Unreadable("not valid YAML: " + e.getProblem(), m == null ? 0 : index(text, m, surrogates));
    } catch (RuntimeException e) {
      throw new Unreadable("not valid YAML: " + e.getMessage(), 0);
    }
    return docs;
  }

  private static void flatten(MappingNode m, String prefix, List<Entry> out, String text, boolean surrogates, int depth) {
    if (depth > 40) {
      return;
    }
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        continue;
      }
      Node v = t.getValueNode();
      if (k.getValue().equals("<<")) {
        if (v instanceof MappingNode merged) {
          flatten(merged, prefix, out, text, surrogates, depth + 1);
        } else if (v instanceof SequenceNode seq) {
          seq.getValue().stream().filter(x -> x instanceof MappingNode).forEach(x -> flatten((MappingNode) x, prefix, out, text, surrogates, depth + 1));
        }
        continue;
      }
      String key = prefix.isEmpty() ? k.getValue() : prefix + "." + k.getValue();
      if (v instanceof MappingNode child) {
        flatten(child, key, out, text, surrogates, depth + 1);
      } else if (v instanceof ScalarNode s) {
        out.add(new Entry(key, s.getValue(), index(text, k.getStartMark(), surrogates), index(text, s.getEndMark(), surrogates)));
      } else if (v instanceof SequenceNode seq) {
        List<String> items = seq.getValue().stream().filter(x -> x instanceof ScalarNode).map(x -> ((ScalarNode) x).getValue()).toList();
        out.add(new Entry(key, String.join(",", items), index(text, k.getStartMark(), surrogates), index(text, seq.getEndMark(), surrogates)));
      }
    }
  }

  /** SnakeYAML counts code points; Java strings count UTF-16 units. */
  static int index(String text, Mark mark, boolean surrogates) {
    int i = mark.getIndex();
    if (!surrogates) {
      return Math.min(i, text.length());
    }
    try {
      return text.offsetByCodePoints(0, Math.min(i, text.codePointCount(0, text.length())));
    } catch (IndexOutOfBoundsException e) {
      return text.length();
    }
  }

  // ---- XML: <property name=".." value=".."/>, <property name="..">value</property>, <prop key=".."> ----

  private static List<Entry> xml(String text) throws Unreadable {
    XMLInputFactory f = XMLInputFactory.newInstance();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    List<Entry> out = new ArrayList<>();
    List<String> units = new ArrayList<>();
    XMLStreamReader r = null;
    Offsets offsets = new Offsets(text);
    try {
      r = f.createXMLStreamReader(new StringReader(text));
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String local = r.getLocalName();
        String qname = r.getPrefix() == null || r.getPrefix().isEmpty() ? local : r.getPrefix() + ":" + local;
        int tagEnd = tagEnd(r, offsets);
        int start = tagEnd > 0 ? text.lastIndexOf("<" + qname, tagEnd - 1) : -1;
        if (local.equals("persistence-unit") && r.getAttributeValue(null, "name") != null) {
          units.add(r.getAttributeValue(null, "name"));
        }
        if (!local.equals("property") && !local.equals("prop") && !local.equals("entry")) {
          continue;
        }
        String key = attr(r, "name", "key");
        if (key == null || !SchemaSettings.known(key)) {
          continue;
        }
        String value = r.getAttributeValue(null, "value");
        int end = tagEnd;
        if (value == null) {
          value = r.getElementText().strip();
          int close = text.indexOf("</" + qname, tagEnd);
          if (close >= 0) {
            int gt = text.indexOf('>', close);
            end = gt < 0 ? close : gt + 1;
          }
        }
        if (start < 0) {
          var loc = r.getLocation();
          start = new Offsets(text).lineStart(Math.max(1, loc.getLineNumber()));
        }
        String unit = units.isEmpty() ? "" : units.get(units.size() - 1);
        out.add(new Entry(key, value, start, Math.max(start, end), !unit.isEmpty() && SchemaSettings.testName(unit)));
      }
    } catch (XMLStreamException e) {
      int at = e.getLocation() == null || e.getLocation().getLineNumber() < 1 ? 0 : offsets.offset(e.getLocation().getLineNumber(), e.getLocation().getColumnNumber());
      throw new Unreadable("not well-formed XML: " + e.getMessage().lines().reduce((a, b) -> b).orElse(""), at);
    } catch (RuntimeException e) {
      // the JDK's reader can fail after an error it reported; still not well-formed
      throw new Unreadable("not well-formed XML: " + e, 0);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing left to read
        }
      }
    }
    return out;
  }

  private static String attr(XMLStreamReader r, String... names) {
    for (String n : names) {
      String v = r.getAttributeValue(null, n);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /**
   * The offset just after the current start tag. StAX's character offsets drift after a DOCTYPE;
   * its line and column do not.
   */
  private static int tagEnd(XMLStreamReader r, Offsets offsets) {
    var loc = r.getLocation();
    return loc.getLineNumber() < 1 ? -1 : offsets.offset(loc.getLineNumber(), loc.getColumnNumber());
  }
}
