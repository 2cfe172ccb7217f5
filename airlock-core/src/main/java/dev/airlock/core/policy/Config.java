package dev.airlock.core.policy;

import dev.airlock.core.rule.Severity;
import dev.airlock.core.rules.Rules;
import dev.airlock.core.sql.Dialect;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The project's {@code airlock.yaml}: severity overrides per rule ({@code off} disables one),
 * paths to skip, the dialect per glob, the default {@code --fail-on}, the {@code hook:} section
 * for agents ({@link HookPolicy}) and the {@code gateway:} section for the database gateway
 * ({@link GatewayPolicy}). Unknown keys and
 * values are errors, so a typo never silently weakens the check.
 */
public final class Config {
  /** Where {@code fail-on: none} leaves the gate: nothing fails. */
  private final Optional<Severity> failOn;

  private final Dialect dialect;
  private final Map<String, Dialect> dialectByGlob;
  private final List<String> skip;
  private final Map<String, Optional<Severity>> severityByRule;
  private final List<PathMatcher> skipMatchers;
  private final Map<PathMatcher, Dialect> dialectMatchers;
  private final HookPolicy hook;
  private final GatewayPolicy gateway;

  private Config(
      Optional<Severity> failOn,
      Dialect dialect,
      Map<String, Dialect> dialectByGlob,
      List<String> skip,
      Map<String, Optional<Severity>> severityByRule,
      HookPolicy hook,
      GatewayPolicy gateway) {
    this.hook = hook;
    this.gateway = gateway;
    this.failOn = failOn;
    this.dialect = dialect;
    this.dialectByGlob = Map.copyOf(dialectByGlob);
    this.skip = List.copyOf(skip);
    this.severityByRule = Map.copyOf(severityByRule);
    this.skipMatchers = skip.stream().map(Config::glob).toList();
    Map<PathMatcher, Dialect> m = new LinkedHashMap<>();
    dialectByGlob.forEach((g, d) -> m.put(glob(g), d));
    this.dialectMatchers = m;
  }

  public static Config defaults() {
    return new Config(Optional.of(Severity.HIGH), Dialect.POSTGRESQL, Map.of(), List.of(), Map.of(), HookPolicy.defaults(), GatewayPolicy.defaults());
  }

  private static PathMatcher glob(String pattern) {
    return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
  }

  /** Parses the YAML text of a config file; {@code name} is used in error messages. */
  public static Config parse(String yaml, String name) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid YAML");
      throw new ConfigException(name + ": invalid YAML: " + first);
    }
    if (root == null) {
      return defaults();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException(name + ": expected a mapping at the top level");
    }
    Optional<Severity> failOn = Optional.of(Severity.HIGH);
    Dialect dialect = Dialect.POSTGRESQL;
    Map<String, Dialect> dialects = new LinkedHashMap<>();
    List<String> skip = new ArrayList<>();
    Map<String, Optional<Severity>> rules = new LinkedHashMap<>();
    HookPolicy hook = HookPolicy.defaults();
    GatewayPolicy gateway = GatewayPolicy.defaults();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object value = e.getValue();
      switch (key) {
        case "fail-on" -> failOn = parseFailOn(offIfFalse(value), name + ": fail-on");
        case "dialect" -> dialect = parseDialect(value, name + ": dialect");
        case "dialects" -> {
          for (Map.Entry<?, ?> d : asMap(value, name + ": dialects").entrySet()) {
            dialects.put(String.valueOf(d.getKey()), parseDialect(d.getValue(), name + ": dialects." + d.getKey()));
          }
        }
        case "skip" -> {
          for (Object s : asList(value, name + ": skip")) {
            skip.add(String.valueOf(s));
          }
        }
        case "rules" -> {
          for (Map.Entry<?, ?> r : asMap(value, name + ": rules").entrySet()) {
            String id = String.valueOf(r.getKey());
            String where = name + ": rules." + id;
            var rule = Rules.byId(id).orElseThrow(() -> new ConfigException(where + ": no such rule"));
            String level = offIfFalse(r.getValue());
            rules.put(rule.meta().id(), parseFailOn(level, where));
          }
        }
        case "hook" -> hook = HookPolicy.parse(value, name + ": hook", Config::ruleId);
        case "gateway" -> gateway = GatewayPolicy.parse(value, name + ": gateway");
        default -> throw new ConfigException(
            name + ": unknown key `" + key + "` (known: fail-on, dialect, dialects, skip, rules, hook, gateway)");
      }
    }
    return new Config(failOn, dialect, dialects, skip, rules, hook, gateway);
  }

  /** The canonical id of a rule named by its id or an old id; unknown ids are errors. */
  private static String ruleId(String id, String where) {
    return Rules.byId(id).orElseThrow(() -> new ConfigException(where + ": no such rule")).meta().id();
  }

  /** YAML 1.1 reads a bare {@code off} as false. */
  private static String offIfFalse(Object value) {
    return value instanceof Boolean b && !b ? "off" : String.valueOf(value);
  }

  /** A severity, or {@code none}/{@code off} for "never". */
  public static Optional<Severity> parseFailOn(String value, String where) {
    if (value.equalsIgnoreCase("none") || value.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    return Optional.of(
        Severity.parse(value)
            .orElseThrow(
                () -> new ConfigException(where + ": `" + value + "` is not one of critical, high, medium, low, off")));
  }

  private static Dialect parseDialect(Object value, String where) {
    return Dialect.parse(String.valueOf(value))
        .orElseThrow(
            () -> new ConfigException(where + ": `" + value + "` is not one of postgresql, mysql, sqlite, generic"));
  }

  private static Map<?, ?> asMap(Object value, String where) {
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    throw new ConfigException(where + ": expected a mapping");
  }

  private static List<?> asList(Object value, String where) {
    if (value instanceof List<?> l) {
      return l;
    }
    throw new ConfigException(where + ": expected a list");
  }

  public Config withFailOn(Optional<Severity> newFailOn) {
    return new Config(newFailOn, dialect, dialectByGlob, skip, severityByRule, hook, gateway);
  }

  public Config withDialect(Dialect newDialect) {
    return new Config(failOn, newDialect, Map.of(), skip, severityByRule, hook, gateway);
  }

  public Optional<Severity> failOn() {
    return failOn;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The dialect for a path relative to the project root: the first matching glob wins. */
  public Dialect dialectFor(Path relative) {
    for (Map.Entry<PathMatcher, Dialect> e : dialectMatchers.entrySet()) {
      if (e.getKey().matches(relative)) {
        return e.getValue();
      }
    }
    return dialect;
  }

  public boolean skips(Path relative) {
    return skipMatchers.stream().anyMatch(m -> m.matches(relative));
  }

  /** The {@code hook:} section: what {@code airlock hook} answers agents. */
  public HookPolicy hook() {
    return hook;
  }

  /** The {@code gateway:} section: what each agent identity may do through the database gateway. */
  public GatewayPolicy gateway() {
    return gateway;
  }

  /** The effective severity of a rule; empty when the config turns it off. */
  public Optional<Severity> severity(String ruleId, Severity byDefault) {
    return severityByRule.getOrDefault(ruleId, Optional.of(byDefault));
  }
}
