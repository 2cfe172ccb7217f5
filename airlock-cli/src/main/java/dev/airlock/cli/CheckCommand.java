package dev.airlock.cli;

import dev.airlock.core.check.CheckResult;
import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.policy.Config;
import dev.airlock.core.report.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Find every irreversible operation in SQL files and migrations and put it in front of the reviewer.",
      "",
      "Examples:",
      "  airlock check migrations/",
      "  airlock check --format sarif --fail-on medium db/ > airlock.sarif",
      "  airlock check --changed-since origin/main .",
      "",
      "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or I/O error."
    })
final class CheckCommand implements Callable<Integer> {
  static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

  @Spec CommandSpec spec;

  @Mixin ProjectOptions project;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories (default: .).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, sarif or github.")
  String format = "text";

  @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 1 on an open finding at or above: critical, high (default), medium, low, none.")
  String failOn;

  @Option(names = "--changed-since", paramLabel = "GIT-REF", description = "Check only files changed since this git ref (and untracked files).")
  String changedSince;

  @Option(names = "--color", paramLabel = "WHEN", description = "auto (default: only on a terminal), always or never.")
  String color = "auto";

  @Override
  public Integer call() throws IOException {
    Format fmt = Format.parse(format).orElseThrow(() -> project.usage("--format: `" + format + "` is not one of text, json, sarif, github"));
    boolean colour = colour();
    Config config = project.config(Optional.ofNullable(failOn));
    Sources sources = project.sources(config);
    List<Path> targets = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    sources.explicitFiles(targets);
    List<Path> files = SourceFiles.collect(targets, sources::wanted);
    if (changedSince != null) {
      Path first = targets.get(0).toAbsolutePath();
      Set<Path> changed = Git.changedSince(changedSince, Files.isDirectory(first) ? first : first.getParent());
      files = files.stream().filter(f -> changed.contains(f.toAbsolutePath().normalize())).toList();
    }
    Checker checker = new Checker(config);
    // Checker and the frontends are pure, so files are checked in parallel; the ordered stream
    // keeps the report in path order
    List<FileReport> reports =
        files.parallelStream()
            .filter(file -> !config.skips(sources.relative(file)))
            .map(file -> checkFile(sources, checker, file))
            .flatMap(Optional::stream)
            .toList();
    CheckResult result = new CheckResult(reports);
    var out = spec.commandLine().getOut();
    out.print(fmt.reporter(colour, Version.value()).render(result));
    out.flush();
    return result.fails(config.failOn()) ? Main.FINDINGS : Main.OK;
  }

  private static Optional<FileReport> checkFile(Sources sources, Checker checker, Path file) {
    Sources.Loaded loaded = sources.load(file, checker);
    if (loaded.instead().isPresent()) {
      return loaded.instead();
    }
    if (loaded.frontend().isEmpty()) {
      return Optional.empty();
    }
    FileReport report = checker.check(loaded.source().orElseThrow(), loaded.frontend().get());
    return Optional.of(
        loaded.warnings().isEmpty()
            ? report
            : new FileReport(report.path(), report.statements(), report.findings(), loaded.warnings()));
  }

  private boolean colour() {
    return switch (color) {
      case "always" -> true;
      case "never" -> false;
      case "auto" -> System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
      default -> throw project.usage("--color: `" + color + "` is not one of auto, always, never");
    };
  }
}
