package dev.airlock.migrations.jvm;

import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.SchemaWipe;
import dev.airlock.migrations.jvm.GroovyTokens.Kind;
import dev.airlock.migrations.jvm.GroovyTokens.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Gradle build scripts (Groovy and Kotlin DSL) and Jenkinsfiles, read as tokens. What counts:
 * task names in {@code dependsOn} / {@code finalizedBy} / {@code defaultTasks} / a GradleBuild's
 * {@code tasks} ({@code flywayMigrate.dependsOn flywayClean}, {@code dependsOn("flywayClean")},
 * {@code dependsOn: ['dropAll']}); commands run through {@code commandLine}, {@code
 * executable}+{@code args}, {@code ProcessBuilder}, Groovy's {@code "...".execute()} and
 * Jenkins' {@code sh}/{@code bat} steps (read with {@link ShellCommands}); {@code cleanDisabled =
 * false}, {@code cleanOnValidationError = true}, {@code dropFirst = true}; and schema settings in
 * strings ({@code "-Dspring.jpa.hibernate.ddl-auto=create"}, {@code systemProperty(k, v)}).
 * Configuring a task ({@code flywayClean { enabled = false }}, {@code tasks.named("flywayClean")})
 * does not run it and is not flagged; settings inside a {@code test} block are tests' own.
 */
final class GroovyScript {
  private static final Set<String> INVOKERS = Set.of("dependsOn", "finalizedBy", "defaultTasks", "setDependsOn", "setFinalizedBy");
  private static final Set<String> COMMANDS = Set.of("commandLine", "ProcessBuilder", "setCommandLine");
  private static final Set<String> SHELL_STEPS = Set.of("sh", "bat", "powershell", "pwsh");
  private static final Set<String> FLAGS = Set.of("cleanDisabled", "cleanOnValidationError", "dropFirst");
  private static final Set<String> PROPERTY_CALLS = Set.of("systemProperty", "environment", "jvmArgs", "args", "systemProperties");

  private final String text;
  private final List<Token> tokens;
  private final List<ShellCommands.Found> found = new ArrayList<>();

  private GroovyScript(String text) {
    this.text = text;
    this.tokens = GroovyTokens.tokenize(text);
  }

  static List<ShellCommands.Found> scan(String text) {
    GroovyScript g = new GroovyScript(text);
    g.run();
    g.found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return g.found;
  }

  private void run() {
    Deque<Boolean> testScopes = new ArrayDeque<>();
    Deque<String> executables = new ArrayDeque<>();
    String executable = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("{")) {
        testScopes.push(!testScopes.isEmpty() && testScopes.peek() || testHeader(i));
        executables.push(executable == null ? "" : executable);
        executable = null;
        continue;
      }
      if (t.is("}")) {
        if (!testScopes.isEmpty()) {
          testScopes.pop();
        }
        executable = executables.isEmpty() || executables.peek().isEmpty() ? null : executables.peek();
        if (!executables.isEmpty()) {
          executables.pop();
        }
        continue;
      }
      boolean inTest = !testScopes.isEmpty() && testScopes.peek();
      if (t.kind() == Kind.IDENT && (INVOKERS.contains(t.value()) || (t.value().equals("tasks") && next(i).is("=")))) {
        int[] ext = extent(i);
        invocation(i, ext);
        i = Math.max(i, ext[1] - 1);
        continue;
      }
      if (t.kind() == Kind.IDENT && (COMMANDS.contains(t.value()) || (t.value().equals("args") && executable != null))) {
        int[] ext = extent(i);
        List<String> words = new ArrayList<>();
        if (t.value().equals("args")) {
          words.add(executable);
        }
        for (int k = ext[0]; k < ext[1]; k++) {
          if (tokens.get(k).kind() == Kind.STRING) {
            words.add(GroovyTokens.unescape(tokens.get(k).value()));
          }
        }
        shell(words, statementStart(i), tokens.get(Math.max(i, ext[1] - 1)).end());
        i = Math.max(i, ext[1] - 1);
        continue;
      }
      if (t.kind() == Kind.IDENT && t.value().equals("executable")) {
        int k = next(i).is("=") || next(i).is("(") ? i + 2 : i + 1;
        if (k < tokens.size() && tokens.get(k).kind() == Kind.STRING) {
          executable = GroovyTokens.unescape(tokens.get(k).value());
        }
        continue;
      }
      if (t.kind() == Kind.IDENT && t.value().equals("execute") && i >= 2 && tokens.get(i - 1).is(".")) {
        Token before = tokens.get(i - 2);
        List<String> words = new ArrayList<>();
        int from = i - 2;
        if (before.kind() == Kind.STRING) {
          shellText(GroovyTokens.unescape(before.value()), before, before.start(), tokens.get(i).end());
          continue;
        }
        if (before.is("]")) {
          int open = i - 2;
          while (open > 0 && !tokens.get(open).is("[")) {
            open--;
          }
          for (int k = open; k < i - 2; k++) {
            if (tokens.get(k).kind() == Kind.STRING) {
              words.add(GroovyTokens.unescape(tokens.get(k).value()));
            }
          }
          from = open;
        }
        if (!words.isEmpty()) {
          shell(words, tokens.get(from).start(), tokens.get(i).end());
        }
        continue;
      }
      if (t.kind() == Kind.IDENT && SHELL_STEPS.contains(t.value()) && !(i > 0 && tokens.get(i - 1).is("."))) {
        int[] ext = extent(i);
        Token script = null;
        for (int k = ext[0]; k < ext[1]; k++) {
          Token x = tokens.get(k);
          if (x.kind() == Kind.IDENT && x.value().equals("script") && k + 2 < ext[1] && tokens.get(k + 1).is(":") && tokens.get(k + 2).kind() == Kind.STRING) {
            script = tokens.get(k + 2);
            break;
          }
          if (script == null && x.kind() == Kind.STRING && !(k + 1 < ext[1] && tokens.get(k + 1).is(":"))) {
            script = x;
          }
        }
        if (script != null) {
          shellText(GroovyTokens.unescape(script.value()), script, statementStart(i), tokens.get(Math.max(i, ext[1] - 1)).end());
        }
        i = Math.max(i, ext[1] - 1);
        continue;
      }
      if (t.kind() == Kind.IDENT && FLAGS.contains(t.value()) && !inTest) {
        int k = i + 1;
        while (k < tokens.size() && (tokens.get(k).is("=") || tokens.get(k).is("(") || tokens.get(k).is(":") || tokens.get(k).is(".") || tokens.get(k).is("set"))) {
          k++;
        }
        if (k < tokens.size() && tokens.get(k).kind() == Kind.IDENT && (tokens.get(k).value().equals("true") || tokens.get(k).value().equals("false"))) {
          String key = (t.value().equals("dropFirst") ? "liquibase." : "flyway.") + t.value();
          int s = statementStart(i);
          int e = statementEnd(k);
          setting(key, tokens.get(k).value(), text.substring(s, e), s, e);
        }
        continue;
      }
      if (t.kind() == Kind.IDENT && PROPERTY_CALLS.contains(t.value()) && !inTest) {
        int[] ext = extent(i);
        List<Token> strings = new ArrayList<>();
        for (int k = ext[0]; k < ext[1]; k++) {
          if (tokens.get(k).kind() == Kind.STRING) {
            strings.add(tokens.get(k));
          }
        }
        if (strings.size() >= 2 && SchemaSettings.known(strings.get(0).value())) {
          int s = statementStart(i);
          int e = tokens.get(Math.max(i, ext[1] - 1)).end();
          setting(strings.get(0).value(), strings.get(1).value(), text.substring(s, e), s, e);
          i = Math.max(i, ext[1] - 1);
        }
        continue;
      }
      if (t.kind() == Kind.IDENT && SchemaSettings.known(t.value()) && next(i).is("=") && i + 2 < tokens.size() && tokens.get(i + 2).kind() == Kind.STRING && !inTest) {
        int s = t.start();
        int e = tokens.get(i + 2).end();
        setting(t.value(), tokens.get(i + 2).value(), text.substring(s, e), s, e);
        continue;
      }
      if (t.kind() == Kind.STRING && !inTest) {
        String v = GroovyTokens.unescape(t.value());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:-D|--)?([A-Za-z][\\w.\\-]*)=(.*)").matcher(v);
        if (m.matches() && SchemaSettings.known(m.group(1))) {
          setting(m.group(1), m.group(2), v, t.start(), t.end());
        }
      }
    }
  }

  private void setting(String key, String value, String how, int start, int end) {
    SchemaSettings.classify(key, value, how)
        .ifPresent(c -> found.add(new ShellCommands.Found(c.operation(), c.effect().isEmpty() ? Optional.empty() : Optional.of(c.effect()), start, end)));
  }

  private void shell(List<String> words, int start, int end) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      b.append('\'').append(w.replace("'", "'\\''")).append("' ");
    }
    found.addAll(ShellCommands.scanInexact(b.toString(), start, end));
  }

  private void shellText(String script, Token string, int start, int end) {
    if (string.raw()) {
      for (ShellCommands.Found f : ShellCommands.scan(text.substring(string.contentStart(), string.contentEnd()), string.contentStart())) {
        found.add(f);
      }
    } else {
      found.addAll(ShellCommands.scanInexact(script, start, end));
    }
  }

  /** Task names in a dependsOn / finalizedBy / defaultTasks / tasks = [...] argument list. */
  private void invocation(int at, int[] ext) {
    int start = statementStart(at);
    int end = tokens.get(Math.max(at, ext[1] - 1)).end();
    String how = text.substring(start, end);
    boolean wipe = false;
    String benign = null;
    for (int k = ext[0]; k < ext[1]; k++) {
      Token x = tokens.get(k);
      if (x.kind() != Kind.IDENT && x.kind() != Kind.STRING) {
        continue;
      }
      String v = x.value();
      String task = v.substring(v.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
      if (task.equals("flywayclean")) {
        found.add(new ShellCommands.Found(new SchemaWipe(how), Optional.of(Effects.FLYWAY_CLEAN), start, end));
        wipe = true;
        break;
      }
      if (task.equals("dropall") || task.equals("liquibasedropall")) {
        found.add(new ShellCommands.Found(new SchemaWipe(how), Optional.of(Effects.LIQUIBASE_DROP_ALL), start, end));
        wipe = true;
        break;
      }
      if (benign == null && (task.startsWith("flyway") || task.startsWith("liquibase"))) {
        benign = "gradle task " + v.substring(v.lastIndexOf(':') + 1);
      }
    }
    if (!wipe && benign != null) {
      found.add(new ShellCommands.Found(new Benign(benign), Optional.empty(), start, end));
    }
  }

  /** The tokens [from, to) of the arguments after the name at {@code at}. */
  private int[] extent(int at) {
    int i = at + 1;
    if (i >= tokens.size()) {
      return new int[] {i, i};
    }
    Token n = tokens.get(i);
    if (n.is("(")) {
      int close = matching(i, "(", ")");
      int end = close + 1;
      // Groovy: sh(...) or dependsOn(...) may be followed by a trailing closure we ignore
      return new int[] {i + 1, end};
    }
    if (n.is(":") || n.is("=")) {
      int k = i + 1;
      if (k < tokens.size() && tokens.get(k).is("[")) {
        return new int[] {k, matching(k, "[", "]") + 1};
      }
      if (n.is(":")) {
        return new int[] {k, Math.min(tokens.size(), k + 1)};
      }
      return new int[] {k, lineEnd(k)};
    }
    return new int[] {i, lineEnd(i)};
  }

  /** The end (exclusive token index) of a Groovy command expression: a new line, ; or } at depth 0. */
  private int lineEnd(int from) {
    int depth = 0;
    int k = from;
    for (; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (depth == 0 && (t.kind() == Kind.NEWLINE || t.is(";"))) {
        if (t.kind() == Kind.NEWLINE && k > from && tokens.get(k - 1).is(",")) {
          continue;
        }
        break;
      }
    }
    return k;
  }

  private int matching(int open, String o, String c) {
    int depth = 0;
    for (int k = open; k < tokens.size(); k++) {
      if (tokens.get(k).is(o)) {
        depth++;
      } else if (tokens.get(k).is(c)) {
        depth--;
        if (depth == 0) {
          return k;
        }
      }
    }
    return tokens.size() - 1;
  }

  private Token next(int i) {
    return i + 1 < tokens.size() ? tokens.get(i + 1) : new Token(Kind.NEWLINE, "\n", text.length(), text.length(), 0, 0, true);
  }

  /** The offset of the first token of the statement holding token {@code i}. */
  private int statementStart(int i) {
    int k = i;
    int depth = 0;
    while (k > 0) {
      Token p = tokens.get(k - 1);
      if (p.is(")") || p.is("]")) {
        depth++;
      } else if ((p.is("(") || p.is("[")) && depth > 0) {
        depth--;
      } else if (depth == 0 && (p.kind() == Kind.NEWLINE || p.is("{") || p.is("}") || p.is(";") || p.is("(") || p.is("["))) {
        break;
      }
      k--;
    }
    return tokens.get(k).start();
  }

  private int statementEnd(int i) {
    int k = i;
    while (k + 1 < tokens.size() && tokens.get(k + 1).is(")")) {
      k++;
    }
    return tokens.get(k).end();
  }

  /** Whether the block opened at {@code brace} configures tests: test { }, tasks.withType(Test) { }, ... */
  private boolean testHeader(int brace) {
    int k = brace - 1;
    while (k >= 0 && tokens.get(k).kind() != Kind.NEWLINE && !tokens.get(k).is("{") && !tokens.get(k).is("}") && !tokens.get(k).is(";")) {
      Token t = tokens.get(k);
      if ((t.kind() == Kind.IDENT || t.kind() == Kind.STRING) && (SchemaSettings.testName(t.value().replaceAll("([a-z0-9])([A-Z])", "$1-$2")))) {
        return true;
      }
      k--;
    }
    return false;
  }
}
