package dev.airlock.cli;

import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.ChangeModeRecursive;
import dev.airlock.core.operation.GitHistoryLoss;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.OverwritePaths;
import dev.airlock.core.operation.PathTarget;
import dev.airlock.core.operation.RemovePaths;
import dev.airlock.core.policy.Config;
import dev.airlock.core.policy.Decision;
import dev.airlock.core.policy.Gate;
import dev.airlock.core.policy.Verdict;
import dev.airlock.core.shell.LocalFileSystem;
import dev.airlock.core.shell.ShellContext;
import dev.airlock.core.shell.ShellFrontend;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code airlock exec [--dry-run] [--trash] -- <command...>}: runs a command the way a careful
 * person would. The words after {@code --} are joined with spaces and read as one shell command
 * line, as {@code sh -c} would. {@code --dry-run} runs nothing and lists what would be destroyed.
 * Otherwise a harmless command runs through {@code /bin/sh -c} with its exit code passed through,
 * and a destructive one needs a confirmation typed at a terminal (the target's name for the worst
 * cases) and is refused without one.
 */
@Command(
    name = "exec",
    sortOptions = false,
    description = {
      "Run a shell command after showing what it would destroy; --dry-run runs nothing.",
      "Exit codes: the command's own; with --dry-run 0 nothing destructive, 1 destructive; 1 refused; 2 error."
    })
final class ExecCommand implements Callable<Integer> {
  /** A terminal to confirm on; empty when there is none (the default reads System.console()). */
  interface Terminal {
    String readLine(String prompt);
  }

  /** Where confirmations are read; tests replace it. */
  static java.util.function.Supplier<Optional<Terminal>> terminal =
      () -> Optional.ofNullable(System.console()).map(c -> prompt -> c.readLine("%s", prompt));

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Option(names = "--dry-run", description = "Run nothing; show each target, whether it exists, what is under it, and whether it can be recovered.")
  boolean dryRun;

  @Option(names = "--trash", description = "Move the targets of a plain rm into $AIRLOCK_HOME/trash instead of deleting them; 'airlock restore' brings them back.")
  boolean trash;

  @Option(names = "--root", paramLabel = "DIR", description = "The project root (default: the git top level, else the current directory).")
  Path root;

  @Option(names = "--cwd", paramLabel = "DIR", hidden = true, description = "Run in this directory (default: the current one).")
  Path cwdOption;

  @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command line, after --.")
  List<String> words;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String line = String.join(" ", words);
    Path cwd = cwdOption != null ? cwdOption.toAbsolutePath().normalize() : Path.of("").toAbsolutePath();
    Path project = ProjectConfig.root(Optional.ofNullable(root), cwd);
    java.util.Map<String, String> env = AuditLog.environment.get();
    Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home", "/")));
    Config config;
    try {
      config = ProjectConfig.load(project);
    } catch (dev.airlock.core.policy.ConfigException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    ShellContext context = new ShellContext(cwd, project, home, env, new LocalFileSystem());
    // a dry run describes every target (contents and git status, inside the project too)
    ShellFrontend frontend = new ShellFrontend(context);
    List<Occurrence> occurrences = dryRun ? frontend.dryRun(line, context) : frontend.analyze(line, context);
    Gate gate = new Gate(config, project, home);
    List<Gate.Flag> flags = gate.flags(occurrences);
    Decision decision = gate.decide(line, occurrences);
    boolean destructive = decision.verdict() != Verdict.ALLOW;

    if (dryRun) {
      report(out, line, cwd, project, occurrences, flags, decision);
      return destructive ? Main.FINDINGS : Main.OK;
    }
    List<PathTarget> trashable = trash ? trashable(line, occurrences, err) : List.of();
    if (trash && trashable == null) {
      return Main.ERROR;
    }
    if (destructive) {
      Optional<Terminal> tty = terminal.get();
      if (tty.isEmpty()) {
        err.println("airlock: refused without a terminal to confirm: " + decision.reason() + "; run with --dry-run to see what it destroys");
        return Main.FINDINGS;
      }
      report(out, line, cwd, project, occurrences, flags, decision);
      out.flush();
      if (!confirmed(tty.get(), decision, out)) {
        err.println("airlock: not confirmed; nothing was run");
        return Main.FINDINGS;
      }
    }
    if (trash) {
      List<Path> paths = new ArrayList<>();
      for (PathTarget t : trashable) {
        if (t.exists()) {
          paths.add(Path.of(t.linkedFrom().orElse(t.path())));
        }
      }
      Trash.Entry e = new Trash(AuditLog.home(env)).put(paths, line, cwd);
      for (Trash.Item i : e.items()) {
        out.println("airlock: moved " + i.original() + " to the trash");
      }
      out.println("airlock: trash entry " + e.id() + "; 'airlock restore " + e.id() + "' brings it back");
      return Main.OK;
    }
    out.flush();
    return run(line, cwd);
  }

  /** Null (after one line on err) when the command is not a plain rm that --trash can take over. */
  private static List<PathTarget> trashable(String line, List<Occurrence> occurrences, PrintWriter err) {
    List<PathTarget> targets = new ArrayList<>();
    boolean plain = !occurrences.isEmpty() && !line.matches("(?s).*[;&|<>`$()\\n].*");
    for (Occurrence o : occurrences) {
      if (o.operation() instanceof RemovePaths r && r.tool().startsWith("rm")) {
        for (PathTarget t : r.targets()) {
          if (t.host().isPresent() || t.place() == PathTarget.Place.UNKNOWN) {
            plain = false;
          }
          targets.add(t);
        }
      } else {
        plain = false;
      }
    }
    if (!plain) {
      err.println("airlock: --trash takes over plain `rm` commands only (no pipes, lists, substitutions or remote paths); split the command");
      return null;
    }
    return targets;
  }

  private static boolean confirmed(Terminal tty, Decision decision, PrintWriter out) {
    if (decision.verdict() == Verdict.DENY) {
      String name = nameToType(decision);
      String typed = tty.readLine("This is among the worst cases. Type `" + name + "` to run it anyway: ");
      return typed != null && typed.strip().equals(name);
    }
    String answer = tty.readLine("Run it? [y/N] ");
    return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
  }

  /** The last name of the first target, e.g. `uploads` for /srv/shared/uploads. */
  static String nameToType(Decision decision) {
    for (String t : decision.targets()) {
      String s = t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
      String name = s.substring(s.lastIndexOf('/') + 1);
      if (!name.isBlank()) {
        return name;
      }
    }
    return "yes, destroy it";
  }

  private static int run(String line, Path cwd) throws IOException {
    Process p = new ProcessBuilder("/bin/sh", "-c", line).directory(cwd.toFile()).inheritIO().start();
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroy();
      return 130;
    }
  }

  /** What the command would destroy, target by target. */
  static void report(
      PrintWriter out, String line, Path cwd, Path project, List<Occurrence> occurrences, List<Gate.Flag> flags, Decision decision) {
    out.println("command: " + line);
    out.println("project: " + project);
    boolean any = false;
    for (Occurrence o : occurrences) {
      Operation op = o.operation();
      if (op instanceof Benign) {
        continue;
      }
      List<PathTarget> targets = List.of();
      String verb = null;
      if (op instanceof RemovePaths r) {
        targets = r.targets();
        verb = "`" + r.tool() + "` deletes";
      } else if (op instanceof OverwritePaths w) {
        targets = w.targets();
        verb = "`" + w.tool() + "` " + w.how();
      } else if (op instanceof ChangeModeRecursive c) {
        targets = c.targets();
        verb = "`" + c.tool() + " " + c.mode() + "` changes";
      }
      if (op instanceof GitHistoryLoss g && g.kind() == GitHistoryLoss.Kind.CLEAN) {
        any = true;
        GitCleanPreview.print(out, g, cwd);
        continue;
      }
      if (verb == null) {
        continue;
      }
      any = true;
      out.println();
      out.println(verb + ":");
      for (PathTarget t : targets) {
        target(out, t);
      }
    }
    out.println();
    if (flags.isEmpty()) {
      out.println(any ? "findings: none" : "findings: none; nothing here deletes or overwrites files");
    } else {
      out.println("findings:");
      for (Gate.Flag f : flags) {
        out.println("  " + f.severity().id() + " " + f.rule().id() + ": " + f.message());
      }
    }
    out.println(
        "verdict: "
            + decision.verdict().id()
            + decision.ruleId().map(r -> " (" + r + ")").orElse(flags.isEmpty() ? " (" + decision.reason() + ")" : ""));
    decision.alternative().ifPresent(a -> out.println("safer: " + a));
  }

  private static void target(PrintWriter out, PathTarget t) {
    out.println("  " + t.path() + (t.written().equals(t.path()) ? "" : "   (written `" + t.written() + "`)"));
    t.linkedFrom().ifPresent(l -> out.println("    symbolic link  " + l + " -> " + t.path()));
    out.println("    place          " + t.host().map(h -> "on host " + h).orElse(t.place().label()));
    if (t.place() == PathTarget.Place.UNKNOWN || t.place() == PathTarget.Place.REMOTE) {
      out.println("    exists         unknown until it runs");
    } else if (!t.exists()) {
      out.println("    exists         no");
    } else {
      out.println("    exists         yes, " + (t.directory() ? "a directory" : "a file"));
      t.contents()
          .ifPresent(
              c -> {
                String more = c.truncated() ? "at least " : "";
                out.println(
                    "    contents       "
                        + more
                        + c.files()
                        + (c.files() == 1 ? " file, " : " files, ")
                        + more
                        + PathTarget.bytes(c.bytes()));
                if (c.newest().isPresent()) {
                  out.println(
                      "    newest         " + c.newestFile().orElse("?") + " (" + WHEN.format(c.newest().get()) + ")");
                }
              });
      out.println("    recoverable    " + recoverable(t.git()));
    }
    for (String n : t.notes()) {
      out.println("    note           " + n);
    }
  }

  private static String recoverable(PathTarget.Git git) {
    return switch (git) {
      case TRACKED -> "yes, tracked by git";
      case PARTLY_TRACKED -> "partly: only the files tracked by git";
      case UNTRACKED -> "no, not tracked by git";
      case NO_REPOSITORY -> "no, not in a git repository";
      case UNKNOWN -> "unknown";
    };
  }
}
