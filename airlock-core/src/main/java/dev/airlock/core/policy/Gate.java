package dev.airlock.core.policy;

import dev.airlock.core.operation.ChangeModeRecursive;
import dev.airlock.core.operation.CloudDestroy;
import dev.airlock.core.operation.ClusterChange;
import dev.airlock.core.operation.GitHistoryLoss;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.OverwritePaths;
import dev.airlock.core.operation.PathTarget;
import dev.airlock.core.operation.RemovePaths;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.RuleMeta;
import dev.airlock.core.rule.Severity;
import dev.airlock.core.rules.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what the shell frontend found in a command into a {@link Decision}. Every rule runs on
 * every operation; each finding gets a verdict from, in order of precedence: the path rules of
 * {@code hook.paths} (a deny on any target, or verdicts covering every target), the per-rule
 * verdict of {@code hook.rules}, then the severity default of {@code hook.severity} (critical
 * deny, high ask, medium ask, low allow). A finding Airlock cannot verify (a hidden payload, an
 * unparsed command) is never allowed by a severity default. The strictest finding decides.
 *
 * <p>Extra project roots ({@code hook.roots}) count as inside the project: targets there are
 * judged as if they were in the project before the rules run.
 */
public final class Gate {
  private static final int MAX_COMMAND_IN_ADVICE = 200;
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  /**
   * One finding with its verdict.
   *
   * @param targets the resolved targets of the operation: absolute paths, resource names, refs
   * @param source where the verdict came from: "severity", "rule" or "path `glob`"
   */
  public record Flag(
      RuleMeta rule,
      Severity severity,
      String message,
      Occurrence occurrence,
      List<String> targets,
      Verdict verdict,
      String source) {
    public Flag {
      targets = List.copyOf(targets);
    }
  }

  private final Config config;
  private final HookPolicy policy;
  private final Path projectRoot;
  private final Path home;
  private final List<Path> extraRoots;

  public Gate(Config config, Path projectRoot, Path home) {
    this.config = config;
    this.policy = config.hook();
    this.projectRoot = projectRoot;
    this.home = home;
    this.extraRoots = policy.roots(projectRoot, home);
  }

  /** The decision for a trusted command line, before any analysis; empty when not trusted. */
  public Optional<Decision> trusted(String commandLine) {
    return policy
        .trusted(commandLine)
        .map(t -> Decision.allow("trusted command (airlock.yaml hook.trusted: `" + t + "`)"));
  }

  /** The decision for one shell command line, from the frontend's occurrences. */
  public Decision decide(String commandLine, List<Occurrence> occurrences) {
    Optional<Decision> trusted = trusted(commandLine);
    if (trusted.isPresent()) {
      return trusted.get();
    }
    List<Flag> flags = flags(occurrences);
    Optional<Decision> byPath = pathRules(occurrences, commandLine);
    if (flags.isEmpty()) {
      return byPath.orElseGet(() -> Decision.allow("no destructive operation found"));
    }
    Verdict flagged = flags.stream().map(Flag::verdict).max(Comparator.naturalOrder()).orElseThrow();
    if (byPath.isPresent() && byPath.get().verdict().compareTo(flagged) > 0) {
      return byPath.get();
    }
    Flag worst =
        flags.stream()
            .max(Comparator.comparing(Flag::verdict).thenComparing(Flag::severity))
            .orElseThrow();
    Set<String> targets = new LinkedHashSet<>();
    for (Flag f : flags) {
      if (f.verdict() == worst.verdict()) {
        targets.addAll(f.targets());
      }
    }
    long others = flags.stream().filter(f -> f != worst && f.verdict() != Verdict.ALLOW).count();
    String reason =
        worst.message()
            + (worst.source().equals("severity") ? "" : " (airlock.yaml: " + worst.source() + ")")
            + (others > 0 ? " (and " + others + " more finding" + (others == 1 ? ")" : "s)") : "");
    if (worst.verdict() == Verdict.ALLOW) {
      reason = "nothing above the allow threshold: " + reason;
    }
    return new Decision(
        worst.verdict(),
        reason,
        Optional.of(worst.rule().id()),
        List.copyOf(targets),
        Optional.of(advice(worst, commandLine)),
        false);
  }

  /**
   * The strictest ask or deny that {@code hook.paths} sets for a target of a command that deletes,
   * overwrites or re-permissions files, whether or not a rule found anything: deleting {@code
   * build/} is normal work until the project says {@code build/**: deny}.
   */
  private Optional<Decision> pathRules(List<Occurrence> occurrences, String commandLine) {
    Decision strictest = null;
    for (Occurrence o : occurrences) {
      Operation op = o.operation();
      for (PathTarget t : pathTargets(op)) {
        if (t.host().isPresent() || t.place() == PathTarget.Place.UNKNOWN) {
          continue;
        }
        Optional<Verdict> v = policy.forPath(t.path(), projectRoot, home);
        if (v.isEmpty() || v.get() == Verdict.ALLOW || (strictest != null && v.get().compareTo(strictest.verdict()) <= 0)) {
          continue;
        }
        strictest =
            new Decision(
                v.get(),
                tool(op) + " touches " + t.path() + ", and airlock.yaml hook.paths sets " + v.get().id() + " there",
                Optional.empty(),
                List.of(t.path()),
                Optional.of("run `airlock exec --dry-run -- " + commandLine.strip() + "` first to see what it changes"),
                false);
      }
    }
    return Optional.ofNullable(strictest);
  }

  private static String tool(Operation op) {
    if (op instanceof RemovePaths r) {
      return "`" + r.tool() + "`";
    }
    if (op instanceof OverwritePaths w) {
      return "`" + w.tool() + "`";
    }
    if (op instanceof ChangeModeRecursive c) {
      return "`" + c.tool() + "`";
    }
    return "the command";
  }

  /**
   * The decision for a file an agent is about to write or edit (not a shell command): the path
   * rules, else allow. An agent's edit of the gate's own policy or of an agent's hook settings
   * always asks a person first, unless a path rule denies it outright.
   */
  public Decision decideFile(String absolutePath) {
    String name = Path.of(absolutePath).getFileName() == null ? "" : Path.of(absolutePath).getFileName().toString();
    String parent =
        Path.of(absolutePath).getParent() == null || Path.of(absolutePath).getParent().getFileName() == null
            ? ""
            : Path.of(absolutePath).getParent().getFileName().toString();
    boolean guarded =
        name.equals("airlock.yaml")
            || (parent.equals(".claude") && name.startsWith("settings"))
            || (parent.equals(".cursor") && name.equals("hooks.json"))
            || (parent.equals(".gemini") && name.equals("settings.json"));
    Optional<Verdict> byPath = policy.forPath(absolutePath, projectRoot, home);
    if (guarded && byPath.orElse(Verdict.ASK) != Verdict.DENY) {
      return new Decision(
          Verdict.ASK,
          "edits " + absolutePath + ", which decides what the agent may run; a person approves that",
          Optional.empty(),
          List.of(absolutePath),
          Optional.empty(),
          false);
    }
    return policy
        .forPath(absolutePath, projectRoot, home)
        .map(
            v ->
                new Decision(
                    v,
                    "airlock.yaml hook.paths sets " + v.id() + " for " + absolutePath,
                    Optional.empty(),
                    List.of(absolutePath),
                    Optional.empty(),
                    false))
        .orElseGet(() -> Decision.allow("no path rule for " + absolutePath));
  }

  /** Every finding of every rule on every operation, with its verdict. */
  public List<Flag> flags(List<Occurrence> occurrences) {
    List<Flag> out = new ArrayList<>();
    for (Occurrence raw : occurrences) {
      Occurrence occurrence = widen(raw);
      Operation op = occurrence.operation();
      for (Rules.Registered r : Rules.all()) {
        Optional<String> message = r.rule().check(op);
        if (message.isEmpty()) {
          continue;
        }
        Optional<Severity> severity = config.severity(r.meta().id(), r.meta().severity());
        if (severity.isEmpty()) {
          continue;
        }
        out.add(flag(r.meta(), severity.get(), message.get(), occurrence));
      }
    }
    return out;
  }

  private Flag flag(RuleMeta rule, Severity severity, String message, Occurrence occurrence) {
    Verdict verdict = policy.forSeverity(severity);
    String source = "severity";
    if (rule.category() == Category.UNVERIFIABLE) {
      verdict = verdict.max(Verdict.ASK);
    }
    Optional<Verdict> byRule = policy.forRule(rule.id());
    if (byRule.isPresent()) {
      verdict = byRule.get();
      source = "hook.rules." + rule.id() + ": " + verdict.id();
    }
    List<PathTarget> paths = pathTargets(occurrence.operation());
    List<String> targets = new ArrayList<>();
    Verdict byPaths = null;
    boolean allCovered = !paths.isEmpty();
    boolean denied = false;
    for (PathTarget t : paths) {
      targets.add(t.host().map(h -> h + ":").orElse("") + t.path());
      Optional<Verdict> v =
          t.host().isPresent() || t.place() == PathTarget.Place.UNKNOWN
              ? Optional.empty()
              : policy.forPath(t.path(), projectRoot, home);
      if (v.isEmpty()) {
        allCovered = false;
        continue;
      }
      denied |= v.get() == Verdict.DENY;
      byPaths = byPaths == null ? v.get() : byPaths.max(v.get());
    }
    if (denied || (allCovered && byPaths != null)) {
      verdict = byPaths;
      source = "hook.paths: " + byPaths.id();
    }
    targets.addAll(otherTargets(occurrence.operation()));
    return new Flag(rule, severity, message, occurrence, targets, verdict, source);
  }

  private static List<PathTarget> pathTargets(Operation op) {
    if (op instanceof RemovePaths r) {
      return r.targets();
    }
    if (op instanceof OverwritePaths o) {
      return o.targets();
    }
    if (op instanceof ChangeModeRecursive c) {
      return c.targets();
    }
    return List.of();
  }

  private static List<String> otherTargets(Operation op) {
    if (op instanceof CloudDestroy c) {
      return c.names().isEmpty() ? List.of(c.tool() + " " + c.action()) : c.names();
    }
    if (op instanceof ClusterChange c) {
      List<String> names = new ArrayList<>();
      String ns = c.namespace().map(n -> " in " + n).orElse("");
      if (c.names().isEmpty()) {
        names.add((c.all() ? "all " : "") + c.resource() + ns);
      }
      for (String n : c.names()) {
        names.add(c.resource() + "/" + n + ns);
      }
      return names;
    }
    if (op instanceof GitHistoryLoss g) {
      return List.of(g.repository().map(r -> r + ": ").orElse("") + g.detail());
    }
    return List.of();
  }

  private static String advice(Flag flag, String commandLine) {
    Operation op = flag.occurrence().operation();
    String cmd = WHITESPACE.matcher(commandLine.strip()).replaceAll(" ");
    if (cmd.length() > MAX_COMMAND_IN_ADVICE) {
      cmd = cmd.substring(0, MAX_COMMAND_IN_ADVICE) + "…";
    }
    if (op instanceof RemovePaths) {
      return "run `airlock exec --dry-run -- " + cmd + "` first to see what it deletes, and `airlock exec --trash -- "
          + cmd + "` to keep a way back";
    }
    if (op instanceof OverwritePaths || op instanceof ChangeModeRecursive) {
      return "run `airlock exec --dry-run -- " + cmd + "` first to see what it changes";
    }
    String safer = flag.rule().saferWay();
    return safer.endsWith(".") ? safer.substring(0, safer.length() - 1) : safer;
  }

  /** Targets under an extra project root count as inside the project. */
  private Occurrence widen(Occurrence o) {
    if (extraRoots.isEmpty()) {
      return o;
    }
    Operation op = o.operation();
    Operation widened = op;
    if (op instanceof RemovePaths r) {
      widened = new RemovePaths(r.tool(), widen(r.targets()), r.recursive(), r.force());
    } else if (op instanceof OverwritePaths w) {
      widened = new OverwritePaths(w.tool(), w.how(), widen(w.targets()));
    } else if (op instanceof ChangeModeRecursive c) {
      widened = new ChangeModeRecursive(c.tool(), c.mode(), widen(c.targets()));
    }
    return widened == op
        ? o
        : new Occurrence(widened, o.span(), o.statement(), o.generatedSql(), o.within(), o.allowances());
  }

  private List<PathTarget> widen(List<PathTarget> targets) {
    List<PathTarget> out = new ArrayList<>();
    for (PathTarget t : targets) {
      out.add(t.place() == PathTarget.Place.OUTSIDE && t.host().isEmpty() ? inRoots(t) : t);
    }
    return out;
  }

  private PathTarget inRoots(PathTarget t) {
    Path p = Path.of(t.path());
    for (Path root : extraRoots) {
      if (p.startsWith(root)) {
        PathTarget.Place place = p.equals(root) ? PathTarget.Place.PROJECT_ROOT : PathTarget.Place.PROJECT;
        return new PathTarget(
            t.written(), t.path(), place, t.host(), t.linkedFrom(), t.exists(), t.directory(), t.contents(), t.git(), t.notes());
      }
    }
    return t;
  }
}
