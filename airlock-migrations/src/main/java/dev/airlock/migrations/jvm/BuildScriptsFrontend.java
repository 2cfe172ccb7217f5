package dev.airlock.migrations.jvm;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.SchemaWipe;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.source.Span;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.yaml.snakeyaml.DumperOptions;
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
 * Build files and scripts that can run {@code flyway clean} or {@code liquibase drop-all}:
 * {@code pom.xml} (flyway- and liquibase-maven-plugin executions and configuration, read with
 * StAX), Gradle scripts and Jenkinsfiles ({@link GroovyScript}), shell scripts, Makefile recipes
 * and CI YAML ({@code run:}, {@code script:}, docker-compose {@code command:} of a flyway or
 * liquibase image), whose commands are read with {@link ShellCommands}.
 */
final class BuildScriptsFrontend implements Frontend {
  static final String FORMAT = "build-scripts";

  enum Kind {
    POM("Maven pom.xml"),
    GROOVY("Gradle build script"),
    JENKINS("Jenkinsfile"),
    YAML("CI configuration"),
    MAKE("Makefile recipe"),
    SHELL("shell script");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private static final Set<String> SHELL_KEYS =
      Set.of(
          "run", "script", "scripts", "before_script", "after_script", "before_install", "install", "before_deploy", "deploy",
          "commands", "cmd", "bash", "sh", "pwsh", "powershell", "inline", "inlinescript", "pre", "post", "steps");
  private static final Set<String> ENV_KEYS = Set.of("env", "environment", "variables", "vars");
  private static final Pattern FLYWAY_IMAGE = Pattern.compile("(?i)(?:[\\w.\\-]+/)*(flyway|liquibase)(?::[\\w.\\-]+)?");

  private final Kind kind;

  BuildScriptsFrontend(Kind kind) {
    this.kind = kind;
  }

  static Kind kindOf(Path relative) {
    String name = relative.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("pom.xml") || lower.endsWith(".pom")) {
      return Kind.POM;
    }
    if (lower.endsWith(".gradle") || lower.endsWith(".gradle.kts")) {
      return Kind.GROOVY;
    }
    if (lower.startsWith("jenkinsfile") || lower.endsWith(".jenkinsfile") || lower.endsWith(".groovy")) {
      return Kind.JENKINS;
    }
    if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
      return Kind.YAML;
    }
    if (lower.equals("makefile") || lower.equals("gnumakefile") || lower.endsWith(".mk") || lower.endsWith(".make")) {
      return Kind.MAKE;
    }
    return Kind.SHELL;
  }

  @Override
  public Parsed parse(SourceText source) {
    return FailClosed.parse(FORMAT, source, this::read);
  }

  private Parsed read(SourceText source) {
    String text = source.text();
    List<ShellCommands.Found> found;
    try {
      found =
          switch (kind) {
            case POM -> pom(text);
            case GROOVY, JENKINS -> GroovyScript.scan(text);
            case YAML -> yaml(text);
            case MAKE -> make(text);
            case SHELL -> ShellCommands.scan(text, 0);
          };
    } catch (Unreadable e) {
      Offsets o = new Offsets(text);
      int at = Math.min(Math.max(0, e.offset), text.length());
      Span span = source.span(at, Math.max(at, o.lineEnd(o.lineOf(at))));
      return new Parsed(
          List.of(new Occurrence(new UnparsedMigration(FORMAT, e.getMessage()), span, text.substring(span.startOffset(), span.endOffset()), Optional.empty(), Optional.of(kind.label), List.of())),
          1);
    }
    Offsets offsets = new Offsets(text);
    List<Occurrence> out = new ArrayList<>();
    for (ShellCommands.Found f : found) {
      int[] t = offsets.trim(Math.min(f.start(), text.length()), Math.min(f.end(), text.length()));
      Span span = source.span(t[0], Math.max(t[0], t[1]));
      List<Allowance> allow =
          f.operation() instanceof Benign
              ? List.of()
              : AllowComments.before(source, offsets, span.startLine(), syntax(), line -> structural(line));
      out.add(new Occurrence(f.operation(), span, text.substring(span.startOffset(), span.endOffset()), f.effect(), Optional.of(kind.label), allow));
    }
    out.sort((a, b) -> Integer.compare(a.span().startOffset(), b.span().startOffset()));
    return new Parsed(out, out.size());
  }

  private AllowComments.Syntax syntax() {
    return switch (kind) {
      case POM -> AllowComments.Syntax.XML;
      case GROOVY, JENKINS -> AllowComments.Syntax.C;
      default -> AllowComments.Syntax.HASH;
    };
  }

  /** Lines that may stand between an allow comment and the command: YAML keys, block headers. */
  private boolean structural(String line) {
    return switch (kind) {
      case YAML -> line.endsWith(":") || line.matches("(-\\s+)?[\\w-]+:\\s*[|>][+-]?\\d?") || line.matches("-\\s+name:.*");
      case POM -> line.startsWith("<") && !line.startsWith("<goal>") && !line.contains("</");
      case JENKINS, GROOVY -> line.endsWith("{");
      default -> false;
    };
  }

  private static final class Unreadable extends Exception {
    final int offset;

    Unreadable(String message, int offset) {
      super(message);
      this.offset = offset;
    }
  }

  // ---- Makefile: recipe lines (tab-indented, with their continuations) are shell ----

  private static List<ShellCommands.Found> make(String text) {
    Offsets o = new Offsets(text);
    List<ShellCommands.Found> out = new ArrayList<>();
    boolean inDefine = false;
    for (int l = 1; l <= o.lines(); l++) {
      String line = o.line(l);
      String stripped = line.strip();
      if (stripped.startsWith("define ")) {
        inDefine = true;
      } else if (stripped.equals("endef")) {
        inDefine = false;
      }
      if (inDefine || !line.startsWith("\t")) {
        continue;
      }
      int start = o.lineStart(l) + 1;
      int last = l;
      while (o.line(last).endsWith("\\") && last < o.lines()) {
        last++;
      }
      while (start < text.length() && "@-+ \t".indexOf(text.charAt(start)) >= 0) {
        start++;
      }
      int end = o.lineEnd(last);
      if (end > start) {
        out.addAll(ShellCommands.scan(text.substring(start, end), start));
      }
      l = last;
    }
    return out;
  }

  // ---- CI YAML ----

  private static List<ShellCommands.Found> yaml(String text) throws Unreadable {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(500);
    options.setAllowDuplicateKeys(true);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    boolean surrogates = text.codePoints().anyMatch(Character::isSupplementaryCodePoint);
    List<ShellCommands.Found> out = new ArrayList<>();
    try {
      for (Node root : yaml.composeAll(new StringReader(text))) {
        walk(root, text, surrogates, out, false, 0);
      }
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new Unreadable("not valid YAML: " + e.getProblem(), m == null ? 0 : SpringSettingsFrontend.index(text, m, surrogates));
    } catch (RuntimeException e) {
      throw new Unreadable("not valid YAML: " + e.getMessage(), 0);
    }
    // an anchor used twice is one command in the file
    List<ShellCommands.Found> unique = new ArrayList<>();
    for (ShellCommands.Found f : out) {
      if (unique.stream().noneMatch(u -> u.start() == f.start() && u.end() == f.end() && u.operation().equals(f.operation()))) {
        unique.add(f);
      }
    }
    return unique;
  }

  private static void walk(Node node, String text, boolean surrogates, List<ShellCommands.Found> out, boolean shell, int depth) {
    if (depth > 60) {
      return;
    }
    if (node instanceof ScalarNode s) {
      if (shell) {
        scalar(s, text, surrogates, out);
      }
      return;
    }
    if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        walk(item, text, surrogates, out, shell, depth + 1);
      }
      return;
    }
    if (!(node instanceof MappingNode m)) {
      return;
    }
    String tool = null;
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("image")) {
        String image = t.getValueNode() instanceof ScalarNode v ? v.getValue() : t.getValueNode() instanceof MappingNode im ? nameOf(im) : "";
        var matcher = FLYWAY_IMAGE.matcher(image.strip());
        if (matcher.matches()) {
          tool = matcher.group(1).toLowerCase(Locale.ROOT);
        }
      }
    }
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        continue;
      }
      String key = k.getValue().toLowerCase(Locale.ROOT);
      Node v = t.getValueNode();
      if (tool != null && (key.equals("command") || key.equals("args"))) {
        toolArguments(tool, v, text, surrogates, out);
        continue;
      }
      if (ENV_KEYS.contains(key)) {
        environment(v, text, surrogates, out);
        continue;
      }
      if (key.equals("entrypoint") && v instanceof ScalarNode) {
        walk(v, text, surrogates, out, true, depth + 1);
        continue;
      }
      walk(v, text, surrogates, out, shell || SHELL_KEYS.contains(key) || key.equals("command"), depth + 1);
    }
  }

  private static String nameOf(MappingNode m) {
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("name") && t.getValueNode() instanceof ScalarNode v) {
        return v.getValue();
      }
    }
    return "";
  }

  /** docker-compose / CI service {@code command:} of a flyway or liquibase image: the tool's arguments. */
  private static void toolArguments(String tool, Node v, String text, boolean surrogates, List<ShellCommands.Found> out) {
    int start = SpringSettingsFrontend.index(text, v.getStartMark(), surrogates);
    int end = SpringSettingsFrontend.index(text, v.getEndMark(), surrogates);
    String args;
    if (v instanceof ScalarNode s) {
      args = s.getValue();
    } else if (v instanceof SequenceNode seq) {
      StringBuilder b = new StringBuilder();
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode s) {
          b.append('\'').append(s.getValue().replace("'", "'\\''")).append("' ");
        }
      }
      args = b.toString();
    } else {
      return;
    }
    out.addAll(ShellCommands.scanInexact(tool + " " + args, start, end));
  }

  private static void environment(Node v, String text, boolean surrogates, List<ShellCommands.Found> out) {
    if (v instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode val && SchemaSettings.known(k.getValue())) {
          int start = SpringSettingsFrontend.index(text, k.getStartMark(), surrogates);
          int end = SpringSettingsFrontend.index(text, val.getEndMark(), surrogates);
          SchemaSettings.classify(k.getValue(), val.getValue(), k.getValue() + "=" + val.getValue())
              .ifPresent(c -> out.add(new ShellCommands.Found(c.operation(), c.effect().isEmpty() ? Optional.empty() : Optional.of(c.effect()), start, end)));
        }
      }
    } else if (v instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode s && s.getValue().contains("=")) {
          String key = s.getValue().substring(0, s.getValue().indexOf('='));
          String value = s.getValue().substring(s.getValue().indexOf('=') + 1);
          int start = SpringSettingsFrontend.index(text, s.getStartMark(), surrogates);
          int end = SpringSettingsFrontend.index(text, s.getEndMark(), surrogates);
          SchemaSettings.classify(key, value, s.getValue())
              .ifPresent(c -> out.add(new ShellCommands.Found(c.operation(), c.effect().isEmpty() ? Optional.empty() : Optional.of(c.effect()), start, end)));
        }
      }
    }
  }

  /** A scalar that holds shell: exact offsets where the scalar's text is the file's text. */
  private static void scalar(ScalarNode s, String text, boolean surrogates, List<ShellCommands.Found> out) {
    int start = SpringSettingsFrontend.index(text, s.getStartMark(), surrogates);
    int end = Math.min(text.length(), SpringSettingsFrontend.index(text, s.getEndMark(), surrogates));
    Offsets o = new Offsets(text);
    boolean oneLine = o.lineOf(start) == o.lineOf(Math.max(start, end - 1));
    DumperOptions.ScalarStyle style = s.getScalarStyle();
    if (style == DumperOptions.ScalarStyle.LITERAL) {
      int body = o.lineEnd(o.lineOf(start));
      while (body < text.length() && (text.charAt(body) == '\r' || text.charAt(body) == '\n')) {
        body++;
        if (text.charAt(body - 1) == '\n' || (body < text.length() && text.charAt(body) != '\n')) {
          break;
        }
      }
      if (body < end) {
        out.addAll(ShellCommands.scan(text.substring(body, end), body));
      }
      return;
    }
    String raw = text.substring(start, Math.max(start, end));
    if (oneLine && style == DumperOptions.ScalarStyle.PLAIN) {
      out.addAll(ShellCommands.scan(raw, start));
      return;
    }
    if (oneLine && raw.length() >= 2 && style == DumperOptions.ScalarStyle.SINGLE_QUOTED && !raw.substring(1, raw.length() - 1).contains("''")) {
      out.addAll(ShellCommands.scan(raw.substring(1, raw.length() - 1), start + 1));
      return;
    }
    if (oneLine && raw.length() >= 2 && style == DumperOptions.ScalarStyle.DOUBLE_QUOTED && !raw.contains("\\")) {
      out.addAll(ShellCommands.scan(raw.substring(1, raw.length() - 1), start + 1));
      return;
    }
    out.addAll(ShellCommands.scanInexact(s.getValue(), start, end));
  }

  // ---- pom.xml ----

  /** A {@code <plugin>} being read: its findings wait until its artifactId is known. */
  private static final class Plugin {
    String artifactId = "";
    final List<Pending> pending = new ArrayList<>();
    String executable;
    final List<String> arguments = new ArrayList<>();
    int executableStart;
    int executableEnd;
  }

  private record Pending(String what, String value, String execution, String phase, int start, int end) {}

  private static List<ShellCommands.Found> pom(String text) throws Unreadable {
    XMLInputFactory f = XMLInputFactory.newInstance();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    List<ShellCommands.Found> out = new ArrayList<>();
    Deque<String> path = new ArrayDeque<>();
    Deque<Plugin> plugins = new ArrayDeque<>();
    String executionId = "";
    String phase = "";
    XMLStreamReader r = null;
    Offsets offsets = new Offsets(text);
    try {
      r = f.createXMLStreamReader(new StringReader(text));
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          String local = r.getLocalName();
          path.pop();
          if (local.equals("plugin") && !plugins.isEmpty()) {
            finish(plugins.pop(), text, out);
          } else if (local.equals("execution")) {
            executionId = "";
            phase = "";
          }
          continue;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String local = r.getLocalName();
        String qname = r.getPrefix() == null || r.getPrefix().isEmpty() ? local : r.getPrefix() + ":" + local;
        int tagEnd = tagEnd(r, offsets);
        int start = tagEnd > 0 ? text.lastIndexOf("<" + qname, tagEnd - 1) : 0;
        String parent = path.isEmpty() ? "" : path.peek();
        path.push(local);
        if (local.equals("plugin")) {
          plugins.push(new Plugin());
          continue;
        }
        Plugin plugin = plugins.peek();
        boolean leaf =
            (plugin != null && (local.equals("artifactId") && parent.equals("plugin")
                || local.equals("goal") || (local.equals("id") && parent.equals("execution")) || local.equals("phase")
                || local.equals("cleanDisabled") || local.equals("cleanOnValidationError") || local.equals("dropFirst")
                || local.equals("executable") || local.equals("argument") || local.equals("jvmArguments")))
            || parent.equals("properties");
        if (!leaf) {
          continue;
        }
        String value;
        try {
          value = r.getElementText().strip();
        } finally {
          path.pop();
        }
        int close = text.indexOf("</" + qname, Math.max(0, tagEnd));
        int end = close < 0 ? tagEnd : Math.max(tagEnd, text.indexOf('>', close) + 1);
        start = Math.max(0, start);
        if (parent.equals("properties") && SchemaSettings.known(local) && plugin == null) {
          SchemaSettings.classify(local, value, local + "=" + value)
              .ifPresent(c -> out.add(new ShellCommands.Found(c.operation(), c.effect().isEmpty() ? Optional.empty() : Optional.of(c.effect()), Math.max(0, text.lastIndexOf('<', Math.max(0, tagEnd - 1))), end)));
          continue;
        }
        if (plugin == null) {
          continue;
        }
        switch (local) {
          case "artifactId" -> plugin.artifactId = value;
          case "id" -> executionId = value;
          case "phase" -> phase = value;
          case "executable" -> {
            plugin.executable = value;
            plugin.executableStart = start;
            plugin.executableEnd = end;
          }
          case "argument" -> plugin.arguments.add(value);
          default -> plugin.pending.add(new Pending(local, value, executionId, phase, start, end));
        }
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

  private static void finish(Plugin p, String text, List<ShellCommands.Found> out) {
    String a = p.artifactId.toLowerCase(Locale.ROOT);
    boolean flyway = a.contains("flyway");
    boolean liquibase = a.contains("liquibase");
    boolean tests = a.contains("surefire") || a.contains("failsafe");
    for (Pending x : p.pending) {
      String where = p.artifactId + (x.execution().isEmpty() ? "" : " execution `" + x.execution() + "`") + (x.phase().isEmpty() ? "" : " in phase " + x.phase());
      String element = text.substring(x.start(), Math.max(x.start(), x.end()));
      switch (x.what()) {
        case "goal" -> {
          String g = x.value();
          if (flyway && g.equalsIgnoreCase("clean")) {
            out.add(new ShellCommands.Found(new SchemaWipe(element + " of " + where), Optional.of(Effects.FLYWAY_CLEAN), x.start(), x.end()));
          } else if (liquibase && (g.equalsIgnoreCase("dropAll") || g.equalsIgnoreCase("drop-all"))) {
            out.add(new ShellCommands.Found(new SchemaWipe(element + " of " + where), Optional.of(Effects.LIQUIBASE_DROP_ALL), x.start(), x.end()));
          } else if (flyway || liquibase) {
            out.add(new ShellCommands.Found(new Benign(p.artifactId + " goal " + g), Optional.empty(), x.start(), x.end()));
          }
        }
        case "cleanDisabled", "cleanOnValidationError" -> {
          if (flyway) {
            setting("flyway." + x.what(), x.value(), element + " of " + where, x.start(), x.end(), out);
          }
        }
        case "dropFirst" -> {
          if (liquibase) {
            setting("liquibase.dropFirst", x.value(), element + " of " + where, x.start(), x.end(), out);
          }
        }
        case "jvmArguments" -> {
          if (!tests) {
            out.addAll(ShellCommands.scanInexact(x.value(), x.start(), x.end()));
          }
        }
        default -> {}
      }
    }
    if (p.executable != null && !tests) {
      List<String> words = new ArrayList<>();
      words.add(p.executable);
      words.addAll(p.arguments);
      StringBuilder b = new StringBuilder();
      for (String w : words) {
        b.append('\'').append(w.replace("'", "'\\''")).append("' ");
      }
      out.addAll(ShellCommands.scanInexact(b.toString(), p.executableStart, p.executableEnd));
    } else if (!tests) {
      for (String arg : p.arguments) {
        if (arg.startsWith("-")) {
          out.addAll(ShellCommands.scanInexact(arg, p.executableStart, p.executableEnd));
        }
      }
    }
  }

  private static void setting(String key, String value, String how, int start, int end, List<ShellCommands.Found> out) {
    SchemaSettings.classify(key, value, how)
        .ifPresent(c -> out.add(new ShellCommands.Found(c.operation(), c.effect().isEmpty() ? Optional.empty() : Optional.of(c.effect()), start, end)));
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
