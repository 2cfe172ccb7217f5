package dev.airlock.migrations.jvm;

import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.SchemaWipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code flyway clean}, {@code liquibase drop-all}, {@code mvn flyway:clean}, {@code
 * ./gradlew flywayClean} and schema-destroying {@code -Dkey=value} settings in shell text: shell
 * scripts, Makefile recipes, CI {@code run:} and {@code script:} blocks, Jenkins {@code sh} steps.
 *
 * <p>A small POSIX-shell tokenizer, not a regex: words with single, double and {@code $'...'}
 * quotes and backslash escapes, {@code #} comments, line continuations, command separators
 * ({@code ; & && || | ( )} and new lines), here-documents (their bodies are data, except when fed
 * to a shell), and {@code $(...)} / back-quoted substitutions (scanned as scripts of their own).
 * A quoted word stays one word, so {@code git commit -m "flyway clean"} runs no flyway; and
 * commands that only print or search ({@code echo}, {@code printf}, {@code grep}, ...) are
 * never read as running their arguments.
 */
final class ShellCommands {
  /** What one command does; offsets are in the scanned text. */
  record Found(Operation operation, Optional<String> effect, int start, int end) {}

  private record Word(String text, int start, int end, boolean quoted) {}

  private enum Tool {
    FLYWAY,
    LIQUIBASE,
    MAVEN,
    GRADLE
  }

  private static final Set<String> RESERVED =
      Set.of("if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "time", "exec", "nohup", "command", "builtin", "noglob", "eval");
  private static final Set<String> WRAPPERS_WITH_OPTIONS = Set.of("sudo", "env", "xargs", "timeout", "nice", "doas", "stdbuf", "ionice");
  private static final Set<String> PRINTERS =
      Set.of(
          "echo", "printf", "print", "cat", "grep", "egrep", "fgrep", "rg", "ag", "sed", "awk", "test", "[", "[[", ":", "true",
          "false", "man", "which", "type", "alias", "read", "log", "info", "warn", "warning", "error", "debug", "note", "say",
          "msg", "die", "fail", "fatal", "git", "export", "local", "declare", "readonly", "set", "unset", "trap", "return", "exit");
  private static final Set<String> RUNNERS =
      Set.of("docker", "podman", "docker-compose", "nerdctl", "kubectl", "oc", "compose", "npx", "run", "mise", "asdf", "java");
  private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "dash", "ksh", "ash");

  private static final Pattern FLYWAY_IMAGE = Pattern.compile("(?i)(?:[\\w.\\-]+/)*flyway(?:-commandline)?(?::[\\w.\\-]+)?");
  private static final Pattern LIQUIBASE_IMAGE = Pattern.compile("(?i)(?:[\\w.\\-]+/)*liquibase(?::[\\w.\\-]+)?");
  private static final Pattern MAVEN_CLEAN = Pattern.compile("(?i)(?:[\\w.\\-]+:)?flyway(?:-maven-plugin)?(?::[\\w.\\-]+)?:clean");
  private static final Pattern MAVEN_DROP_ALL = Pattern.compile("(?i)(?:[\\w.\\-]+:)?liquibase(?:-maven-plugin)?(?::[\\w.\\-]+)?:drop-?all");
  private static final Pattern MAVEN_GOAL = Pattern.compile("(?i)(?:[\\w.\\-]+:)?(flyway|liquibase)(?:-maven-plugin)?(?::[\\w.\\-]+)?:[\\w-]+");
  private static final Pattern SETTING = Pattern.compile("(?:-D|--|-)([A-Za-z][\\w.\\-\\[\\]]*)=(.*)", Pattern.DOTALL);
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_]\\w*)=(.*)", Pattern.DOTALL);
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\(?(\\w+)");

  private final String text;
  private final int base;
  private final List<Found> found = new ArrayList<>();
  private final int depth;

  private ShellCommands(String text, int base, int depth) {
    this.text = text;
    this.base = base;
    this.depth = depth;
  }

  /** Every relevant command in a script; offsets are {@code base} plus the offset in {@code script}. */
  static List<Found> scan(String script, int base) {
    ShellCommands s = new ShellCommands(script, base, 0);
    s.tokenize(0, script.length());
    return s.found;
  }

  /**
   * Scans text whose offsets do not map onto the file (a YAML folded or escaped scalar, a
   * Groovy list of arguments): every finding gets the span {@code [start, end)}.
   */
  static List<Found> scanInexact(String script, int start, int end) {
    List<Found> out = new ArrayList<>();
    for (Found f : scan(script, 0)) {
      out.add(new Found(f.operation(), f.effect(), start, end));
    }
    return out;
  }

  // ---- tokenizer ----

  private record Heredoc(String delimiter, boolean stripTabs, boolean script) {}

  private void tokenize(int from, int to) {
    List<Word> words = new ArrayList<>();
    List<Heredoc> heredocs = new ArrayList<>();
    StringBuilder val = new StringBuilder();
    int wordStart = -1;
    boolean quoted = false;
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < to && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r')) {
        i += 2;
        if (text.charAt(i - 1) == '\r' && i < to && text.charAt(i) == '\n') {
          i++;
        }
        continue;
      }
      boolean inWord = wordStart >= 0;
      if (c == ' ' || c == '\t') {
        wordStart = endWord(words, val, wordStart, i, quoted);
        quoted = false;
        i++;
        continue;
      }
      if (c == '\n' || c == '\r') {
        wordStart = endWord(words, val, wordStart, i, quoted);
        quoted = false;
        command(words);
        words = new ArrayList<>();
        i++;
        if (c == '\r' && i < to && text.charAt(i) == '\n') {
          i++;
        }
        for (Heredoc h : heredocs) {
          i = heredocBody(i, to, h);
        }
        heredocs.clear();
        continue;
      }
      if (c == '&' && ((inWord && i > 0 && (text.charAt(i - 1) == '>' || text.charAt(i - 1) == '<')) || (i + 1 < to && text.charAt(i + 1) == '>'))) {
        wordStart = startWord(wordStart, i);
        val.append(c);
        i++;
        continue;
      }
      if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
        wordStart = endWord(words, val, wordStart, i, quoted);
        quoted = false;
        command(words);
        words = new ArrayList<>();
        i++;
        continue;
      }
      if (c == '#' && !inWord) {
        while (i < to && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
        continue;
      }
      if (c == '\\' && i + 1 < to) {
        wordStart = startWord(wordStart, i);
        val.append(text.charAt(i + 1));
        quoted = true;
        i += 2;
        continue;
      }
      if (c == '\'') {
        wordStart = startWord(wordStart, i);
        quoted = true;
        int j = text.indexOf('\'', i + 1);
        j = j < 0 || j >= to ? to : j;
        val.append(text, i + 1, j);
        i = Math.min(to, j + 1);
        continue;
      }
      if (c == '$' && i + 1 < to && text.charAt(i + 1) == '\'') {
        wordStart = startWord(wordStart, i);
        quoted = true;
        int j = i + 2;
        while (j < to && text.charAt(j) != '\'') {
          j += text.charAt(j) == '\\' ? 2 : 1;
        }
        val.append(text, i + 2, Math.min(j, to));
        i = Math.min(to, j + 1);
        continue;
      }
      if (c == '"') {
        wordStart = startWord(wordStart, i);
        quoted = true;
        int j = i + 1;
        while (j < to && text.charAt(j) != '"') {
          if (text.charAt(j) == '\\' && j + 1 < to) {
            val.append(text.charAt(j + 1));
            j += 2;
          } else if (text.charAt(j) == '$' && j + 1 < to && text.charAt(j + 1) == '(') {
            int close = matching(j + 1, to);
            nested(j + 2, close);
            val.append(text, j, Math.min(to, close + 1));
            j = close + 1;
          } else {
            val.append(text.charAt(j));
            j++;
          }
        }
        i = Math.min(to, j + 1);
        continue;
      }
      if (c == '$' && i + 1 < to && text.charAt(i + 1) == '(') {
        wordStart = startWord(wordStart, i);
        int close = matching(i + 1, to);
        if (i + 2 < to && text.charAt(i + 2) != '(') {
          nested(i + 2, close);
        }
        val.append(text, i, Math.min(to, close + 1));
        i = Math.min(to, close + 1);
        continue;
      }
      if (c == '`') {
        wordStart = startWord(wordStart, i);
        int close = text.indexOf('`', i + 1);
        close = close < 0 || close >= to ? to : close;
        nested(i + 1, close);
        val.append(text, i, Math.min(to, close + 1));
        i = Math.min(to, close + 1);
        continue;
      }
      if (c == '<' && i + 2 < to && text.charAt(i + 1) == '<' && text.charAt(i + 2) != '<') {
        wordStart = endWord(words, val, wordStart, i, quoted);
        quoted = false;
        int j = i + 2;
        boolean strip = j < to && text.charAt(j) == '-';
        if (strip) {
          j++;
        }
        while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
          j++;
        }
        StringBuilder delim = new StringBuilder();
        while (j < to && " \t\n\r;&|<>()".indexOf(text.charAt(j)) < 0) {
          char d = text.charAt(j);
          if (d != '\'' && d != '"' && d != '\\') {
            delim.append(d);
          }
          j++;
        }
        boolean toShell = !words.isEmpty() && SHELLS.contains(basename(firstCommandWord(words)));
        if (delim.length() > 0) {
          heredocs.add(new Heredoc(delim.toString(), strip, toShell));
        }
        i = j;
        continue;
      }
      wordStart = startWord(wordStart, i);
      val.append(c);
      i++;
    }
    endWord(words, val, wordStart, to, quoted);
    command(words);
  }

  private int heredocBody(int i, int to, Heredoc h) {
    int bodyStart = i;
    while (i < to) {
      int eol = i;
      while (eol < to && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
        eol++;
      }
      String line = text.substring(i, eol);
      if (h.stripTabs()) {
        line = line.replaceFirst("^\\t+", "");
      }
      int next = eol;
      if (next < to && text.charAt(next) == '\r') {
        next++;
      }
      if (next < to && text.charAt(next) == '\n') {
        next++;
      }
      if (line.equals(h.delimiter())) {
        if (h.script()) {
          nested(bodyStart, i);
        }
        return next;
      }
      i = next;
    }
    if (h.script()) {
      nested(bodyStart, to);
    }
    return to;
  }

  private int matching(int open, int to) {
    int depthHere = 0;
    for (int j = open; j < to; j++) {
      char c = text.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '\'') {
        int k = text.indexOf('\'', j + 1);
        j = k < 0 ? to : k;
      } else if (c == '(') {
        depthHere++;
      } else if (c == ')') {
        depthHere--;
        if (depthHere == 0) {
          return j;
        }
      }
    }
    return to;
  }

  private void nested(int from, int to) {
    if (depth > 8 || from >= to) {
      return;
    }
    ShellCommands inner = new ShellCommands(text, base, depth + 1);
    inner.tokenize(from, Math.min(to, text.length()));
    found.addAll(inner.found);
  }

  private static int startWord(int wordStart, int i) {
    return wordStart >= 0 ? wordStart : i;
  }

  private static int endWord(List<Word> words, StringBuilder val, int wordStart, int i, boolean quoted) {
    if (wordStart >= 0) {
      words.add(new Word(val.toString(), wordStart, i, quoted));
      val.setLength(0);
    }
    return -1;
  }

  // ---- commands ----

  private String firstCommandWord(List<Word> words) {
    for (Word w : words) {
      if (!ASSIGNMENT.matcher(w.text()).matches() && !RESERVED.contains(w.text())) {
        return w.text();
      }
    }
    return "";
  }

  private void command(List<Word> words) {
    if (words.isEmpty()) {
      return;
    }
    int start = base + words.get(0).start();
    int end = base + words.get(words.size() - 1).end();
    int k = 0;
    List<Found> here = new ArrayList<>();
    // leading assignments and wrappers
    while (k < words.size()) {
      Word w = words.get(k);
      Matcher a = ASSIGNMENT.matcher(w.text());
      if (a.matches()) {
        setting(a.group(1), a.group(2), w.text(), here, start, end);
        k++;
      } else if (RESERVED.contains(w.text())) {
        k++;
      } else if (WRAPPERS_WITH_OPTIONS.contains(basename(w.text()))) {
        String wrapper = basename(w.text());
        k++;
        while (k < words.size() && (words.get(k).text().startsWith("-") || (wrapper.equals("timeout") && words.get(k).text().matches("[\\d.]+[smhd]?")))) {
          String opt = words.get(k).text();
          k++;
          if (wrapper.equals("sudo") && opt.matches("-[ugCDhprtUT]") && k < words.size()) {
            k++;
          }
        }
      } else {
        break;
      }
    }
    if (k >= words.size()) {
      found.addAll(here);
      return;
    }
    String cmd = basename(words.get(k).text());
    if (PRINTERS.contains(cmd)) {
      if (cmd.equals("export") || cmd.equals("declare") || cmd.equals("local") || cmd.equals("readonly")) {
        for (int j = k + 1; j < words.size(); j++) {
          Matcher a = ASSIGNMENT.matcher(words.get(j).text());
          if (a.matches()) {
            setting(a.group(1), a.group(2), words.get(j).text(), here, start, end);
          }
        }
      }
      found.addAll(here);
      return;
    }
    if (SHELLS.contains(cmd) || cmd.equals("ssh")) {
      for (int j = k + 1; j < words.size(); j++) {
        if (words.get(j).text().equals("-c") && j + 1 < words.size()) {
          scanWordAsScript(words.get(j + 1), start, end);
          break;
        }
      }
      if (cmd.equals("ssh") && words.size() > k + 2 && words.get(words.size() - 1).quoted()) {
        scanWordAsScript(words.get(words.size() - 1), start, end);
      }
    }
    boolean runner = RUNNERS.contains(cmd);
    Tool tool = null;
    String how = text.substring(start - base, end - base);
    boolean wipe = false;
    String benignVerb = null;
    boolean skipNext = false;
    for (int j = k; j < words.size(); j++) {
      Word w = words.get(j);
      String t = w.text();
      if (skipNext) {
        skipNext = false;
        continue;
      }
      if (runner && j > k) {
        Matcher a = ASSIGNMENT.matcher(t);
        if (a.matches() && SchemaSettings.known(a.group(1))) {
          setting(a.group(1), a.group(2), t, here, start, end);
          continue;
        }
      }
      Matcher s = SETTING.matcher(t);
      if (s.matches() && SchemaSettings.known(s.group(1))) {
        setting(s.group(1), s.group(2), t, here, start, end);
        continue;
      }
      if (tool == null && (j == k || runner)) {
        tool = tool(t);
        if (tool != null) {
          continue;
        }
      }
      if (tool == Tool.GRADLE && (t.equals("-x") || t.equals("--exclude-task"))) {
        skipNext = true;
        continue;
      }
      Optional<Found> f = verb(tool, t, how, start, end);
      if (f.isPresent()) {
        if (f.get().operation() instanceof SchemaWipe) {
          if (!wipe) {
            here.add(f.get());
          }
          wipe = true;
        } else if (benignVerb == null) {
          benignVerb = ((Benign) f.get().operation()).verb();
        }
      }
    }
    if (!wipe && benignVerb != null) {
      here.add(new Found(new Benign(benignVerb), Optional.empty(), start, end));
    }
    found.addAll(here);
  }

  private void scanWordAsScript(Word w, int start, int end) {
    ShellCommands inner = new ShellCommands(w.text(), 0, depth + 1);
    if (depth > 8) {
      return;
    }
    inner.tokenize(0, w.text().length());
    for (Found f : inner.found) {
      found.add(new Found(f.operation(), f.effect(), start, end));
    }
  }

  private static void setting(String key, String value, String how, List<Found> out, int start, int end) {
    SchemaSettings.classify(key, value, how)
        .ifPresent(c -> out.add(new Found(c.operation(), c.effect().isEmpty() ? Optional.empty() : Optional.of(c.effect()), start, end)));
  }

  private static Tool tool(String word) {
    String b = basename(word);
    Matcher v = VARIABLE.matcher(word);
    String var = v.find() ? v.group(1).toUpperCase(Locale.ROOT) : "";
    if (b.equals("flyway") || FLYWAY_IMAGE.matcher(word).matches() || var.contains("FLYWAY")) {
      return Tool.FLYWAY;
    }
    if (b.equals("liquibase") || LIQUIBASE_IMAGE.matcher(word).matches() || var.contains("LIQUIBASE")) {
      return Tool.LIQUIBASE;
    }
    if (b.equals("mvn") || b.equals("mvnw") || b.equals("mvnd") || var.contains("MVN") || var.contains("MAVEN")) {
      return Tool.MAVEN;
    }
    if (b.equals("gradle") || b.equals("gradlew") || var.contains("GRADLE")) {
      return Tool.GRADLE;
    }
    return null;
  }

  /** What one argument does, given the tool the command runs (or none). */
  private static Optional<Found> verb(Tool tool, String t, String how, int start, int end) {
    String lower = t.toLowerCase(Locale.ROOT);
    String task = lower.contains(":") && !lower.contains("flyway:") && !lower.contains("liquibase:") ? lower.substring(lower.lastIndexOf(':') + 1) : lower;
    if (MAVEN_CLEAN.matcher(t).matches() || (task.equals("flywayclean") && (tool == null || tool == Tool.GRADLE))) {
      return Optional.of(new Found(new SchemaWipe(how), Optional.of(Effects.FLYWAY_CLEAN), start, end));
    }
    if (MAVEN_DROP_ALL.matcher(t).matches() || (task.equals("liquibasedropall") && (tool == null || tool == Tool.GRADLE))) {
      return Optional.of(new Found(new SchemaWipe(how), Optional.of(Effects.LIQUIBASE_DROP_ALL), start, end));
    }
    if (tool == null || t.startsWith("-")) {
      return Optional.empty();
    }
    switch (tool) {
      case FLYWAY -> {
        if (lower.equals("clean")) {
          return Optional.of(new Found(new SchemaWipe(how), Optional.of(Effects.FLYWAY_CLEAN), start, end));
        }
        if (lower.matches("migrate|info|validate|baseline|repair|undo|check|snapshot|auth|diff|generate|prepare|deploy")) {
          return Optional.of(new Found(new Benign("flyway " + lower), Optional.empty(), start, end));
        }
      }
      case LIQUIBASE -> {
        if (lower.equals("drop-all") || lower.equals("dropall")) {
          return Optional.of(new Found(new SchemaWipe(how), Optional.of(Effects.LIQUIBASE_DROP_ALL), start, end));
        }
        if (lower.matches("[a-z][a-z-]*") && !lower.equals("run")) {
          return Optional.of(new Found(new Benign("liquibase " + lower), Optional.empty(), start, end));
        }
      }
      case MAVEN -> {
        Matcher g = MAVEN_GOAL.matcher(t);
        if (g.matches()) {
          return Optional.of(new Found(new Benign(t), Optional.empty(), start, end));
        }
      }
      case GRADLE -> {
        if (task.equals("dropall")) {
          return Optional.of(new Found(new SchemaWipe(how), Optional.of(Effects.LIQUIBASE_DROP_ALL), start, end));
        }
        if (task.startsWith("flyway") || task.startsWith("liquibase")) {
          return Optional.of(new Found(new Benign("gradle " + t), Optional.empty(), start, end));
        }
      }
      default -> {}
    }
    return Optional.empty();
  }

  static String basename(String word) {
    String b = word;
    int slash = Math.max(b.lastIndexOf('/'), b.lastIndexOf('\\'));
    if (slash >= 0) {
      b = b.substring(slash + 1);
    }
    b = b.toLowerCase(Locale.ROOT);
    for (String ext : new String[] {".cmd", ".bat", ".exe", ".sh"}) {
      if (b.endsWith(ext)) {
        b = b.substring(0, b.length() - ext.length());
      }
    }
    return b;
  }
}
