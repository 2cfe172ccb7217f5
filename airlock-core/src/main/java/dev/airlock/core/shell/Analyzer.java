package dev.airlock.core.shell;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.ChangeModeRecursive;
import dev.airlock.core.operation.HiddenPayload;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.OverwritePaths;
import dev.airlock.core.operation.PathTarget;
import dev.airlock.core.operation.PathTarget.Place;
import dev.airlock.core.operation.RemovePaths;
import dev.airlock.core.operation.Unparsed;
import dev.airlock.core.shell.Ast.AndOr;
import dev.airlock.core.shell.Ast.Bad;
import dev.airlock.core.shell.Ast.Compound;
import dev.airlock.core.shell.Ast.FunctionDef;
import dev.airlock.core.shell.Ast.Node;
import dev.airlock.core.shell.Ast.Part;
import dev.airlock.core.shell.Ast.Pipeline;
import dev.airlock.core.shell.Ast.Redirect;
import dev.airlock.core.shell.Ast.Script;
import dev.airlock.core.shell.Ast.Simple;
import dev.airlock.core.shell.Ast.Sub;
import dev.airlock.core.shell.Ast.Var;
import dev.airlock.core.shell.Ast.Word;
import dev.airlock.core.shell.Expander.Arg;
import dev.airlock.core.shell.Expander.Value;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.source.Span;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the parsed script and turns commands into operations: unwraps what hides the real command
 * (sudo, env, xargs, find -exec, bash -c, eval, ssh, pipes into a shell), expands words, resolves
 * path targets, and hands each command to {@link Commands}.
 */
final class Analyzer implements Expander.Scope {
  static final int MAX_NESTING = 8;
  static final int MAX_COMMANDS = 20_000;
  static final int MAX_READ = 256 * 1024;
  private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash", "mksh", "yash", "busybox");

  final SourceText source;
  final ShellContext ctx;
  final boolean commandMode;
  final Paths paths;
  final Expander expander;
  final Commands commands;
  final List<Occurrence> out = new ArrayList<>();
  Map<String, Value> vars = new HashMap<>();
  /** The working directory; null once a {@code cd} went somewhere unknown. */
  Path cwd;
  /** The text that the offsets of the nodes being walked refer to. */
  private String text;
  private int budget = MAX_COMMANDS;

  /** Where the command being analysed stands and what surrounds it. */
  record Frame(Span span, String statement, List<Allowance> allowances, String within, String host, boolean ownText, int nesting) {
    Frame nested(String how, String onHost) {
      String w = within == null ? how : how + " in " + within;
      return new Frame(span, statement, allowances, w, onHost != null ? onHost : host, false, nesting + 1);
    }
  }

  /** What a command reads on standard input, as far as it can be seen. */
  record Input(String text, String opaque, List<PathTarget> xargsTargets, String producer) {
    static final Input NONE = new Input(null, null, null, null);

    boolean present() {
      return text != null || opaque != null;
    }
  }

  private Analyzer(SourceText source, ShellContext ctx, boolean commandMode, boolean detailed) {
    this.source = source;
    this.ctx = ctx;
    this.commandMode = commandMode;
    this.paths = new Paths(ctx, detailed);
    this.expander = new Expander(this);
    this.commands = new Commands(this);
    this.cwd = ctx.cwd();
    this.text = source.text();
  }

  static Parsed analyzeScript(SourceText source, ShellContext context, boolean commandMode) {
    return analyzeScript(source, context, commandMode, false);
  }

  static Parsed analyzeScript(SourceText source, ShellContext context, boolean commandMode, boolean detailed) {
    Analyzer a = new Analyzer(source, context, commandMode, detailed);
    try {
      Script script = Parser.parse(source.text());
      for (Node item : script.items()) {
        a.walk(item, a.frameFor(item));
      }
      return new Parsed(a.out, script.items().size());
    } catch (RuntimeException | StackOverflowError e) {
      List<Occurrence> all = new ArrayList<>(a.out);
      int end = source.text().length();
      all.add(new Occurrence(new Unparsed("the shell analysis failed (" + e.getClass().getSimpleName() + ")"), source.span(0, end), source.text().strip(), Optional.empty(), List.of()));
      return new Parsed(all, Math.max(1, all.size()));
    }
  }

  // ---- scope ----

  @Override
  public Value lookup(String name) {
    Value v = vars.get(name);
    if (v != null) {
      return v;
    }
    switch (name) {
      case "HOME" -> {
        return Value.known(ctx.home().toString());
      }
      case "PWD" -> {
        return cwd == null ? Value.unknown("the working directory is not known here") : Value.known(cwd.toString());
      }
      default -> {
        // fall through to the environment
      }
    }
    String env = ctx.env().get(name);
    if (env != null) {
      return Value.known(env);
    }
    if (!commandMode) {
      return Value.unknown("`$" + name + "` is not set in the script; its value comes from where it runs");
    }
    return Value.UNSET;
  }

  @Override
  public String home() {
    return ctx.home().toString();
  }

  // ---- frames and emission ----

  private Frame frameFor(Node node) {
    int start = node.start();
    int end = trimEnd(node.end());
    if (end <= start) {
      end = Math.min(source.text().length(), start + 1);
    }
    return new Frame(source.span(start, end), source.text().substring(start, end), allowancesBefore(start, end), null, null, true, 0);
  }

  private int trimEnd(int end) {
    String t = source.text();
    int e = Math.min(end, t.length());
    while (e > 0 && Character.isWhitespace(t.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  /** {@code # airlock:allow ...} on the comment lines just before a command, or after it on its line. */
  private List<Allowance> allowancesBefore(int start, int end) {
    String t = source.text();
    if (t.indexOf("airlock:allow") < 0) {
      return List.of();
    }
    List<Allowance> found = new ArrayList<>();
    int eol = t.indexOf('\n', end);
    int restEnd = eol < 0 ? t.length() : eol;
    int hash = t.indexOf('#', end);
    if (hash >= 0 && hash < restEnd) {
      int at = t.indexOf("airlock:allow", hash);
      if (at >= 0 && at < restEnd) {
        found.addAll(Allowance.parse(t.substring(hash, restEnd), source.span(at, restEnd)));
      }
    }
    int lineStart = t.lastIndexOf('\n', Math.max(0, start - 1));
    while (lineStart > 0) {
      int prevStart = t.lastIndexOf('\n', lineStart - 1) + 1;
      String line = t.substring(prevStart, lineStart);
      String stripped = line.strip();
      if (!stripped.startsWith("#")) {
        break;
      }
      int at = line.indexOf("airlock:allow");
      if (at >= 0) {
        int lineEnd = line.endsWith("\r") ? lineStart - 1 : lineStart;
        found.addAll(Allowance.parse(stripped, source.span(prevStart + at, lineEnd)));
      }
      lineStart = prevStart - 1;
    }
    return found;
  }

  void emit(Operation op, Frame f) {
    out.add(new Occurrence(op, f.span(), f.statement(), Optional.empty(), Optional.ofNullable(f.within()), f.allowances()));
  }

  void emitAll(List<Occurrence> occurrences) {
    out.addAll(occurrences);
  }

  // ---- walking ----

  void walk(Node node, Frame f) {
    if (budget-- <= 0) {
      if (budget == -1) {
        emit(new Unparsed("too many commands to analyse; the rest is not checked"), f);
      }
      return;
    }
    if (node instanceof Script s) {
      for (Node item : s.items()) {
        walk(item, own(item, f));
      }
    } else if (node instanceof AndOr a) {
      for (Node p : a.pipelines()) {
        walk(p, f);
      }
    } else if (node instanceof Pipeline p) {
      walkPipeline(p, f);
    } else if (node instanceof Simple s) {
      simple(s, own(s, f), Input.NONE);
    } else if (node instanceof Compound c) {
      compound(c, f);
    } else if (node instanceof FunctionDef fn) {
      String how = "function `" + fn.name() + "`";
      walk(fn.body(), f.ownText() ? new Frame(f.span(), f.statement(), f.allowances(), f.within() == null ? how : how + " in " + f.within(), f.host(), true, f.nesting()) : f.nested(how, null));
    } else if (node instanceof Bad b) {
      emit(new Unparsed(b.reason()), own(b, f));
    }
  }

  /** Inside the analysed text itself, each command gets its own span; in nested strings the outer one. */
  private Frame own(Node node, Frame f) {
    if (!f.ownText()) {
      return f;
    }
    Frame mine = frameFor(node);
    return new Frame(mine.span(), mine.statement(), mine.allowances(), f.within(), f.host(), true, f.nesting());
  }

  private void compound(Compound c, Frame f) {
    int before = out.size();
    compoundBody(c, f);
    if (out.size() == before) {
      emit(new Benign(c.kind()), own(c, f));
    }
  }

  private void compoundBody(Compound c, Frame f) {
    for (Redirect r : c.redirects()) {
      walkSubstitutions(r.target(), f);
    }
    for (Word w : c.words()) {
      walkSubstitutions(w, f);
    }
    Path savedCwd = cwd;
    Map<String, Value> savedVars = c.kind().equals("(") ? new HashMap<>(vars) : null;
    if ((c.kind().equals("for") || c.kind().equals("select")) && c.variable() != null) {
      List<Arg> values = new ArrayList<>();
      boolean known = true;
      for (Word w : c.words()) {
        for (Arg a : expander.expand(w, text(w))) {
          known &= a.known() && !a.glob();
          values.add(a);
        }
      }
      if (c.words().isEmpty() || !known || values.size() > 16) {
        vars.put(c.variable(), Value.unknown("`$" + c.variable() + "` takes each value of the loop"));
        walkBodies(c, f);
      } else {
        for (Arg v : values) {
          vars.put(c.variable(), Value.known(v.text()));
          walkBodies(c, f);
        }
      }
    } else {
      walkBodies(c, f);
    }
    redirections(c.redirects(), f);
    if (savedVars != null) {
      vars = savedVars;
      cwd = savedCwd;
    }
  }

  private void walkBodies(Compound c, Frame f) {
    for (Script body : c.bodies()) {
      walk(body, f);
    }
  }

  private void walkPipeline(Pipeline p, Frame f) {
    List<Node> cmds = p.commands();
    for (int k = 0; k < cmds.size(); k++) {
      Node node = cmds.get(k);
      Frame mine = own(node, f);
      if (node instanceof Simple s) {
        Input in = k == 0 ? Input.NONE : producerInput(cmds, k - 1, mine);
        simple(s, mine, in);
      } else {
        walk(node, f);
      }
    }
  }

  /** What command {@code k} writes to the pipe, as far as it can be seen. */
  private Input producerInput(List<Node> cmds, int k, Frame f) {
    Node node = cmds.get(k);
    String shown = Expander.shorten(textOf(node, f));
    if (!(node instanceof Simple s) || s.words().isEmpty()) {
      return new Input(null, "the output of `" + shown + "`", null, shown);
    }
    List<Arg> argv = expandAll(s.words());
    int i = Commands.unwrapIndex(argv);
    if (i >= argv.size()) {
      return new Input(null, "the output of `" + shown + "`", null, shown);
    }
    String name = Commands.base(argv.get(i).text());
    List<Arg> args = argv.subList(i + 1, argv.size());
    switch (name) {
      case "echo", "printf" -> {
        StringBuilder b = new StringBuilder();
        boolean known = true;
        int start = 0;
        if (name.equals("printf") && !args.isEmpty() && args.size() > 1 && args.get(0).text().contains("%")) {
          start = 1;
        }
        for (int j = start; j < args.size(); j++) {
          Arg a = args.get(j);
          if (name.equals("echo") && j == start && a.text().matches("-[neE]+")) {
            start++;
            continue;
          }
          known &= a.known();
          if (b.length() > 0) {
            b.append(name.equals("printf") && start == 1 ? "\n" : " ");
          }
          b.append(a.text());
        }
        String text = b.toString().replace("\\n", "\n");
        List<PathTarget> targets = new ArrayList<>();
        for (int j = start; j < args.size() && j < start + 64; j++) {
          targets.addAll(paths.resolve(args.get(j), cwd, false, f.host()));
        }
        return known ? new Input(text, null, targets, shown) : new Input(null, "the output of `" + shown + "`", targets, shown);
      }
      case "cat" -> {
        Optional<String> heredoc = heredocText(s);
        if (heredoc.isPresent()) {
          return new Input(heredoc.get(), null, null, shown);
        }
        if (args.isEmpty() && k > 0) {
          return producerInput(cmds, k - 1, f);
        }
        if (args.size() == 1 && args.get(0).known()) {
          Optional<String> file = readFile(args.get(0).text());
          if (file.isPresent()) {
            return new Input(file.get(), null, null, shown);
          }
        }
        return new Input(null, "the contents of `" + shown.substring(Math.min(4, shown.length())).strip() + "`, which Airlock cannot read", null, shown);
      }
      case "base64" -> {
        boolean decode = args.stream().anyMatch(a -> a.text().equals("-d") || a.text().equals("--decode") || a.text().equals("-D"));
        if (decode && k > 0) {
          Input before = producerInput(cmds, k - 1, f);
          if (before.text() != null) {
            try {
              String decoded = new String(Base64.getMimeDecoder().decode(before.text().strip()), StandardCharsets.UTF_8);
              return new Input(decoded, null, null, shown);
            } catch (IllegalArgumentException e) {
              // not base64 after all
            }
          }
        }
        return new Input(null, "base64-decoded text that cannot be read before it runs", null, shown);
      }
      case "curl", "wget", "fetch", "http", "aria2c" -> {
        String url = args.stream().map(Arg::text).filter(t -> t.contains("://") || t.contains(".")).filter(t -> !t.startsWith("-")).findFirst().orElse("");
        return new Input(null, "a download" + (url.isEmpty() ? "" : " from " + url) + " (`" + shown + "`) that cannot be seen before it runs", null, shown);
      }
      case "find" -> {
        return new Input(null, "the output of `" + shown + "`", commands.findStarts(args, f, true), shown);
      }
      case "ls" -> {
        List<PathTarget> targets = new ArrayList<>();
        for (Arg a : args) {
          if (!a.text().startsWith("-")) {
            targets.addAll(paths.resolve(a, cwd, true, f.host()));
          }
        }
        if (targets.isEmpty() && cwd != null) {
          targets.add(entriesOf(cwd, "the entries listed by `ls`"));
        }
        return new Input(null, "the output of `" + shown + "`", targets, shown);
      }
      case "git" -> {
        if (args.stream().anyMatch(a -> a.text().equals("ls-files") || a.text().equals("--name-only") || a.text().equals("--name-status"))) {
          List<PathTarget> targets = new ArrayList<>();
          if (cwd != null) {
            targets.add(entriesOf(cwd, "files listed by `git`"));
          }
          return new Input(null, "the output of `" + shown + "`", targets, shown);
        }
        return new Input(null, "the output of `" + shown + "`", null, shown);
      }
      default -> {
        return new Input(null, "the output of `" + shown + "`", null, shown);
      }
    }
  }

  private PathTarget entriesOf(Path dir, String note) {
    PathTarget t = paths.target(".", dir, true, List.of(note));
    Place place = t.place() == Place.PROJECT_ROOT ? Place.PROJECT : t.place();
    return new PathTarget("(" + note + ")", t.path(), place, t.host(), t.linkedFrom(), t.exists(), t.directory(), t.contents(), t.git(), t.notes());
  }

  String textOf(Node node, Frame f) {
    int end = Math.min(node.end(), text.length());
    return text.substring(Math.min(node.start(), end), end).strip();
  }

  String text(Word w) {
    String t = text;
    if (w.end() <= t.length() && w.start() <= w.end()) {
      return t.substring(w.start(), w.end());
    }
    return "";
  }

  private Optional<String> heredocText(Simple s) {
    for (Redirect r : s.redirects()) {
      if (r.heredoc() != null) {
        return Optional.of(heredocValue(r));
      }
      if (r.op().equals("<<<")) {
        return Optional.of(expander.expandOne(r.target(), "").text());
      }
    }
    return Optional.empty();
  }

  private String heredocValue(Redirect r) {
    Ast.Heredoc h = r.heredoc();
    if (h.quoted || h.body == null) {
      return h.text;
    }
    return expander.expandOne(h.body, "").text();
  }

  Optional<String> readFile(String path) {
    if (cwd == null && !path.startsWith("/")) {
      return Optional.empty();
    }
    try {
      Path p = path.startsWith("/") ? Path.of(path) : cwd.resolve(path);
      return ctx.fs().read(p.normalize(), MAX_READ);
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  List<Arg> expandAll(List<Word> words) {
    List<Arg> argv = new ArrayList<>(words.size());
    for (Word w : words) {
      argv.addAll(expander.expand(w, text(w)));
    }
    return argv;
  }

  /** Command substitutions in a word run before the command: analyse them as commands. */
  void walkSubstitutions(Word w, Frame f) {
    if (w == null) {
      return;
    }
    for (Part p : w.parts()) {
      if (p instanceof Sub sub) {
        Frame inner = sub.kind().equals("`") ? f.nested("command substitution", null) : f;
        if (!sub.kind().equals("`") && f.ownText()) {
          inner = new Frame(f.span(), f.statement(), f.allowances(), f.within(), f.host(), false, f.nesting());
        }
        Path saved = cwd;
        Map<String, Value> savedVars = new HashMap<>(vars);
        String savedText = text;
        if (sub.kind().equals("`")) {
          text = sub.text();
        }
        walk(sub.body(), inner);
        text = savedText;
        cwd = saved;
        vars = savedVars;
      } else if (p instanceof Var v && v.arg() != null) {
        walkSubstitutions(v.arg(), f);
      }
    }
  }

  private void simple(Simple s, Frame f, Input piped) {
    for (Word w : s.assignments()) {
      walkSubstitutions(w, f);
    }
    for (Word w : s.words()) {
      walkSubstitutions(w, f);
    }
    for (Redirect r : s.redirects()) {
      walkSubstitutions(r.target(), f);
      if (r.heredoc() != null && r.heredoc().body != null) {
        String savedText = text;
        text = r.heredoc().text;
        walkSubstitutions(r.heredoc().body, f.ownText() ? new Frame(f.span(), f.statement(), f.allowances(), f.within(), f.host(), false, f.nesting()) : f);
        text = savedText;
      }
    }
    if (s.words().isEmpty()) {
      for (Word w : s.assignments()) {
        assign(w);
      }
      int before = out.size();
      redirections(s.redirects(), f);
      if (out.size() == before) {
        emit(new Benign(s.assignments().isEmpty() ? "redirection" : "assignment"), f);
      }
      return;
    }
    List<Arg> argv = expandAll(s.words());
    Input in = piped;
    for (Redirect r : s.redirects()) {
      if (r.heredoc() != null) {
        in = new Input(heredocValue(r), null, null, "here-document");
      } else if (r.op().equals("<<<")) {
        Arg a = expander.expandOne(r.target(), text(r.target()));
        in = a.known() ? new Input(a.text(), null, null, "here-string") : new Input(null, "a here-string whose value is not known here", null, "here-string");
      } else if (r.op().equals("<") && (r.fd() == -1 || r.fd() == 0)) {
        Arg a = expander.expandOne(r.target(), text(r.target()));
        Optional<String> file = a.known() ? readFile(a.text()) : Optional.empty();
        in = file.isPresent()
            ? new Input(file.get(), null, null, "`" + a.text() + "`")
            : new Input(null, "the contents of `" + a.text() + "`, which Airlock cannot read", null, "`" + a.text() + "`");
      }
    }
    redirections(s.redirects(), f);
    if (argv.isEmpty()) {
      emit(new Benign("empty command"), f);
      return;
    }
    if (argv.stream().anyMatch(Arg::aborts)) {
      emit(new Benign(argv.get(0).text()), f);
      return;
    }
    commands.run(argv, in, f, null);
  }

  private void assign(Word w) {
    Arg a = expander.expandOne(w, text(w));
    int eq = a.text().indexOf('=');
    if (eq <= 0) {
      return;
    }
    String name = a.text().substring(0, eq);
    if (name.endsWith("+")) {
      name = name.substring(0, name.length() - 1);
    }
    int bracket = name.indexOf('[');
    if (bracket > 0) {
      vars.put(name.substring(0, bracket), Value.unknown("an array"));
      return;
    }
    String value = a.text().substring(eq + 1);
    if (value.startsWith("~")) {
      value = home() + value.substring(1);
    }
    vars.put(name, a.known() ? Value.known(value) : Value.unknown(a.unknown()));
  }

  void setVar(String name, Value v) {
    vars.put(name, v);
  }

  /** {@code >} onto an existing file truncates it. */
  private void redirections(List<Redirect> redirects, Frame f) {
    for (Redirect r : redirects) {
      String op = r.op();
      boolean write = op.equals(">") || op.equals(">|") || op.equals("&>") || op.equals("<>") || (op.equals(">&") && !isFdWord(r.target()));
      if (!write) {
        continue;
      }
      Arg a = expander.expandOne(r.target(), text(r.target()));
      if (a.known() && (Paths.harmlessDevice(a.text()) || a.text().equals("-"))) {
        continue;
      }
      List<PathTarget> targets = commands.overwritten(paths.resolve(a, cwd, true, f.host()));
      if (!targets.isEmpty()) {
        emit(new OverwritePaths(op + " (redirection)", "truncates", targets), f);
      }
    }
  }

  private static boolean isFdWord(Word w) {
    String l = w.literal();
    return l != null && (l.equals("-") || l.chars().allMatch(Character::isDigit));
  }

  // ---- nested command text ----

  /** Analyses command text hidden in a string ({@code bash -c}, eval, ssh, a heredoc fed to a shell). */
  void nested(String text, Frame f, String how, String host) {
    if (f.nesting() >= MAX_NESTING) {
      emit(new HiddenPayload("commands nested more than " + MAX_NESTING + " levels deep (" + how + ")"), f);
      return;
    }
    if (text.length() > MAX_READ) {
      emit(new HiddenPayload(how + " runs " + text.length() + " characters of commands, too many to check"), f);
      return;
    }
    Frame inner = f.nested(how, host);
    Path savedCwd = cwd;
    if (host != null) {
      cwd = null;
    }
    Map<String, Value> savedVars = new HashMap<>(vars);
    String savedText = this.text;
    this.text = text;
    Script script = Parser.parse(text, 0);
    if (script.items().isEmpty()) {
      emit(new Benign(how), f);
    }
    for (Node item : script.items()) {
      walk(item, inner);
    }
    this.text = savedText;
    vars = savedVars;
    cwd = savedCwd;
  }

  void emitRemove(String tool, List<PathTarget> targets, boolean recursive, boolean force, Frame f) {
    emit(new RemovePaths(tool, targets, recursive, force), f);
  }

  void emitMode(String tool, String mode, List<PathTarget> targets, Frame f) {
    emit(new ChangeModeRecursive(tool, mode, targets), f);
  }

  boolean isShell(String name) {
    return SHELLS.contains(name);
  }
}
