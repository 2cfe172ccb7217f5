package dev.airlock.core.policy;

import dev.airlock.core.rule.Severity;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The {@code hook:} section of {@code airlock.yaml}: what the gate answers an agent. Verdicts by
 * severity (defaults: critical deny, high ask, medium ask, low allow), per-rule and per-path
 * overrides, extra project roots and trusted command lines, and the time the analysis may take.
 */
public final class HookPolicy {
  /** The default time bound for analysing one command. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(2000);

  /** A path glob and its verdict; relative globs are relative to the project root. */
  public record PathRule(String glob, Verdict verdict) {}

  private static final Pattern SHELL_OPERATORS = Pattern.compile("[;&|<>`$()\\n\\r\\\\]");
  private static final Pattern BLANKS = Pattern.compile("[ \\t]+");

  private final Map<Severity, Verdict> bySeverity;
  private final Map<String, Verdict> byRule;
  private final List<PathRule> paths;
  private final List<String> roots;
  private final List<String> trusted;
  private final Duration timeout;

  HookPolicy(
      Map<Severity, Verdict> bySeverity,
      Map<String, Verdict> byRule,
      List<PathRule> paths,
      List<String> roots,
      List<String> trusted,
      Duration timeout) {
    this.bySeverity = new EnumMap<>(bySeverity);
    this.byRule = Map.copyOf(byRule);
    this.paths = List.copyOf(paths);
    this.roots = List.copyOf(roots);
    this.trusted = List.copyOf(trusted);
    this.timeout = timeout;
  }

  public static HookPolicy defaults() {
    return new HookPolicy(defaultSeverities(), Map.of(), List.of(), List.of(), List.of(), DEFAULT_TIMEOUT);
  }

  static Map<Severity, Verdict> defaultSeverities() {
    Map<Severity, Verdict> m = new EnumMap<>(Severity.class);
    m.put(Severity.CRITICAL, Verdict.DENY);
    m.put(Severity.HIGH, Verdict.ASK);
    m.put(Severity.MEDIUM, Verdict.ASK);
    m.put(Severity.LOW, Verdict.ALLOW);
    return m;
  }

  /** Parses the value of the {@code hook:} key; {@code where} prefixes error messages. */
  static HookPolicy parse(Object value, String where, BiFunction<String, String, String> ruleId) {
    if (value == null) {
      return defaults();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new ConfigException(where + ": expected a mapping");
    }
    Map<Severity, Verdict> bySeverity = defaultSeverities();
    Map<String, Verdict> byRule = new LinkedHashMap<>();
    List<PathRule> paths = new ArrayList<>();
    List<String> roots = new ArrayList<>();
    List<String> trusted = new ArrayList<>();
    Duration timeout = DEFAULT_TIMEOUT;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      String at = where + "." + key;
      Object v = e.getValue();
      switch (key) {
        case "severity" -> {
          for (Map.Entry<?, ?> s : mapping(v, at).entrySet()) {
            String sev = String.valueOf(s.getKey());
            Severity severity =
                Severity.parse(sev)
                    .orElseThrow(() -> new ConfigException(at + ": `" + sev + "` is not one of critical, high, medium, low"));
            bySeverity.put(severity, verdict(s.getValue(), at + "." + sev));
          }
        }
        case "rules" -> {
          for (Map.Entry<?, ?> r : mapping(v, at).entrySet()) {
            String id = String.valueOf(r.getKey());
            byRule.put(ruleId.apply(id, at + "." + id), verdict(r.getValue(), at + "." + id));
          }
        }
        case "paths" -> {
          for (Map.Entry<?, ?> p : mapping(v, at).entrySet()) {
            String glob = String.valueOf(p.getKey());
            if (glob.isBlank()) {
              throw new ConfigException(at + ": empty glob");
            }
            checkGlob(glob, at + "." + glob);
            paths.add(new PathRule(glob, verdict(p.getValue(), at + "." + glob)));
          }
        }
        case "roots" -> {
          for (Object r : list(v, at)) {
            String root = String.valueOf(r);
            if (root.isBlank()) {
              throw new ConfigException(at + ": empty path");
            }
            roots.add(root);
          }
        }
        case "trusted" -> {
          for (Object t : list(v, at)) {
            String line = String.valueOf(t).strip();
            if (line.isEmpty() || SHELL_OPERATORS.matcher(line).find()) {
              throw new ConfigException(
                  at + ": `" + line + "` must be a plain command line without shell operators (; & | < > ` $ ( ) \\)");
            }
            trusted.add(line);
          }
        }
        case "timeout-ms" -> {
          if (!(v instanceof Integer ms) || ms < 100 || ms > 60_000) {
            throw new ConfigException(at + ": expected a whole number of milliseconds from 100 to 60000");
          }
          timeout = Duration.ofMillis(ms);
        }
        default -> throw new ConfigException(
            where + ": unknown key `" + key + "` (known: severity, rules, paths, roots, trusted, timeout-ms)");
      }
    }
    return new HookPolicy(bySeverity, byRule, paths, roots, trusted, timeout);
  }

  private static Verdict verdict(Object v, String where) {
    String s = String.valueOf(v);
    return Verdict.parse(s)
        .orElseThrow(() -> new ConfigException(where + ": `" + s + "` is not one of allow, ask, deny"));
  }

  private static void checkGlob(String glob, String where) {
    try {
      FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": invalid glob: " + e.getMessage());
    }
  }

  private static Map<?, ?> mapping(Object value, String where) {
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    throw new ConfigException(where + ": expected a mapping");
  }

  private static List<?> list(Object value, String where) {
    if (value instanceof List<?> l) {
      return l;
    }
    throw new ConfigException(where + ": expected a list");
  }

  /** The verdict for a finding of this severity when no rule or path override applies. */
  public Verdict forSeverity(Severity severity) {
    return bySeverity.get(severity);
  }

  /** The verdict the config sets for a rule, if any. */
  public Optional<Verdict> forRule(String ruleId) {
    return Optional.ofNullable(byRule.get(ruleId));
  }

  /**
   * The verdict for an absolute path: the strictest of all matching path rules. Globs starting
   * with {@code ~/} are under {@code home}; relative globs are under {@code projectRoot}; a glob
   * ending in {@code /**} also matches the directory itself.
   */
  public Optional<Verdict> forPath(String absolutePath, Path projectRoot, Path home) {
    Verdict found = null;
    Path p = Path.of(absolutePath);
    for (PathRule rule : paths) {
      String g = anchor(rule.glob(), projectRoot, home);
      boolean match = matcher(g).matches(p);
      if (!match && g.endsWith("/**")) {
        match = p.equals(Path.of(g.substring(0, g.length() - 3)));
      }
      if (match) {
        found = found == null ? rule.verdict() : found.max(rule.verdict());
      }
    }
    return Optional.ofNullable(found);
  }

  private static String anchor(String glob, Path projectRoot, Path home) {
    if (glob.equals("~")) {
      return home.toString();
    }
    if (glob.startsWith("~/")) {
      return home.resolve(glob.substring(2)).toString();
    }
    if (glob.startsWith("/")) {
      return glob;
    }
    return projectRoot.toString() + "/" + glob;
  }

  private static PathMatcher matcher(String glob) {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob);
  }

  /** The extra project roots, resolved: absolute, {@code ~/}, or relative to the project root. */
  public List<Path> roots(Path projectRoot, Path home) {
    List<Path> out = new ArrayList<>();
    for (String r : roots) {
      out.add(Path.of(anchor(r, projectRoot, home)).normalize());
    }
    return out;
  }

  /**
   * The trusted entry that matches the whole command line, if any. A line with shell operators is
   * never trusted: {@code make test; rm -rf ~} is not {@code make test}. In an entry, {@code *}
   * stands for any run of characters.
   */
  public Optional<String> trusted(String commandLine) {
    if (trusted.isEmpty()) {
      return Optional.empty();
    }
    String line = commandLine.strip();
    if (line.isEmpty() || SHELL_OPERATORS.matcher(line).find()) {
      return Optional.empty();
    }
    String normal = BLANKS.matcher(line).replaceAll(" ");
    for (String t : trusted) {
      StringBuilder re = new StringBuilder();
      for (String part : BLANKS.matcher(t).replaceAll(" ").split("\\*", -1)) {
        if (re.length() > 0) {
          re.append(".*");
        }
        re.append(Pattern.quote(part));
      }
      if (Pattern.compile(re.toString(), Pattern.DOTALL).matcher(normal).matches()) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public Duration timeout() {
    return timeout;
  }

  public List<PathRule> paths() {
    return paths;
  }
}
