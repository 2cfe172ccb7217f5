package dev.airlock.core.rules;

import static org.assertj.core.api.Assertions.fail;

import dev.airlock.core.check.Checker;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.policy.Config;
import dev.airlock.core.shell.ShellContext;
import dev.airlock.core.shell.ShellFrontend;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlFrontend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline expectations for rule tests. In the SQL text, a comment {@code -- FINDING: <text>}
 * marks the next statement: the rule under test must report a finding that starts on that
 * statement's first line and whose message contains the text. A finding of the rule on an
 * unmarked line fails the test, and so does a marker without its finding: one text proves
 * positives and negatives exhaustively.
 */
public final class RuleTester {
  private static final Pattern MARKER = Pattern.compile("(?:--|#)\\s*FINDING:\\s*(.*?)\\s*(?:\\*/)?$");

  private final String ruleId;
  private Dialect dialect = Dialect.POSTGRESQL;
  /** Null for SQL; else the text is shell, one command per line (or several). */
  private ShellFrontend shell;

  private RuleTester(String ruleId) {
    if (Rules.byId(ruleId).isEmpty()) {
      throw new IllegalArgumentException("no rule " + ruleId);
    }
    this.ruleId = ruleId;
  }

  public static RuleTester forRule(String ruleId) {
    return new RuleTester(ruleId);
  }

  public RuleTester dialect(Dialect d) {
    this.dialect = d;
    return this;
  }

  /**
   * Reads the text as a shell script with no disk behind it: relative paths are in a project at
   * {@code /project}, the home is {@code /home/user}, and variables not set in the text are unknown.
   * Markers are {@code # FINDING: <text>}; other {@code #} lines are comments.
   */
  public RuleTester shell() {
    this.shell = new ShellFrontend();
    return this;
  }

  /** Reads the text as commands about to run in {@code context} (the hook's view, real disk). */
  public RuleTester shell(ShellContext context) {
    this.shell = ShellFrontend.forCommand(context);
    return this;
  }

  /** Checks the text and compares the rule's findings with the markers. */
  public void expect(String sql) {
    String[] lines = sql.split("\r\n|\r|\n", -1);
    Map<Integer, List<String>> expected = new TreeMap<>();
    List<String> pendingMarkers = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MARKER.matcher(lines[i]);
      if (m.find()) {
        pendingMarkers.add(m.group(1));
        continue;
      }
      String code = lines[i].strip();
      boolean comment = code.startsWith("--") || (shell != null && code.startsWith("#"));
      if (!pendingMarkers.isEmpty() && !code.isEmpty() && !comment) {
        expected.computeIfAbsent(i + 1, k -> new ArrayList<>()).addAll(pendingMarkers);
        pendingMarkers.clear();
      }
    }
    if (!pendingMarkers.isEmpty()) {
      fail("FINDING marker at the end with no statement after it: " + pendingMarkers);
    }
    List<Finding> findings =
        new Checker(Config.defaults())
            .check(new SourceText(shell != null ? "test.sh" : "test.sql", sql), frontend())
            .findings()
            .stream()
            .filter(f -> f.rule().id().equals(ruleId))
            .toList();
    List<String> problems = new ArrayList<>();
    Map<Integer, List<String>> unmatched = new TreeMap<>();
    expected.forEach((line, texts) -> unmatched.put(line, new ArrayList<>(texts)));
    for (Finding f : findings) {
      int line = f.span().startLine();
      List<String> texts = unmatched.getOrDefault(line, List.of());
      String hit = texts.stream().filter(t -> f.fullMessage().contains(t)).findFirst().orElse(null);
      if (hit == null) {
        problems.add("unexpected finding on line " + line + ": " + f.fullMessage() + "\n      " + lines[line - 1].strip());
      } else {
        texts.remove(hit);
      }
    }
    unmatched.forEach(
        (line, texts) -> texts.forEach(t -> problems.add("no finding on line " + line + " containing \"" + t + "\"\n      " + lines[line - 1].strip())));
    if (!problems.isEmpty()) {
      fail(ruleId + ":\n  " + String.join("\n  ", problems));
    }
  }

  private Frontend frontend() {
    return shell != null ? shell : new SqlFrontend(dialect);
  }
}
