package dev.airlock.cli;

import dev.airlock.core.check.CheckResult;
import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.policy.Config;
import dev.airlock.core.policy.ConfigException;
import dev.airlock.core.report.Format;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlFrontend;
import dev.airlock.core.source.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Find every irreversible operation in SQL files and put it in front of the reviewer.",
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

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories (default: .).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, sarif or github.")
  String format = "text";

  @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 1 on an open finding at or above: critical, high (default), medium, low, none.")
  String failOn;

  @Option(names = "--dialect", paramLabel = "DIALECT", description = "postgresql (default), mysql, sqlite or generic; overrides airlock.yaml.")
  String dialect;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: airlock.yaml in this or a parent directory).")
  Path configFile;

  @Option(names = "--changed-since", paramLabel = "GIT-REF", description = "Check only files changed since this git ref (and untracked files).")
  String changedSince;

  @Option(names = "--color", paramLabel = "WHEN", description = "auto (default: only on a terminal), always or never.")
  String color = "auto";

  @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Larger files are reported as not checked (default: 16 MiB).")
  long maxBytes = DEFAULT_MAX_BYTES;

  @Override
  public Integer call() throws IOException {
    Format fmt = Format.parse(format).orElseThrow(() -> usage("--format: `" + format + "` is not one of text, json, sarif, github"));
    Path cwd = Path.of("").toAbsolutePath();
    Path configPath = configFile != null ? configFile : findConfig(cwd);
    Config config = loadConfig(configPath);
    Path root = configPath != null ? configPath.toAbsolutePath().getParent() : cwd;
    if (failOn != null) {
      config = config.withFailOn(parse(() -> Config.parseFailOn(failOn, "--fail-on")));
    }
    if (dialect != null) {
      Dialect d = Dialect.parse(dialect).orElseThrow(() -> usage("--dialect: `" + dialect + "` is not one of postgresql, mysql, sqlite, generic"));
      config = config.withDialect(d);
    }
    List<Path> targets = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    List<Path> files = SourceFiles.collect(targets);
    if (changedSince != null) {
      Path first = targets.get(0).toAbsolutePath();
      Set<Path> changed = Git.changedSince(changedSince, Files.isDirectory(first) ? first : first.getParent());
      files = files.stream().filter(f -> changed.contains(f.toAbsolutePath().normalize())).toList();
    }
    Checker checker = new Checker(config);
    Map<Dialect, SqlFrontend> frontends = new EnumMap<>(Dialect.class);
    List<FileReport> reports = new ArrayList<>();
    for (Path file : files) {
      Path relative = relativize(root, file);
      if (config.skips(relative)) {
        continue;
      }
      SqlFrontend frontend = frontends.computeIfAbsent(config.dialectFor(relative), SqlFrontend::new);
      reports.add(checkFile(checker, frontend, file));
    }
    CheckResult result = new CheckResult(reports);
    var out = spec.commandLine().getOut();
    out.print(fmt.reporter(colour(), Version.value()).render(result));
    out.flush();
    return result.fails(config.failOn()) ? Main.FINDINGS : Main.OK;
  }

  private FileReport checkFile(Checker checker, SqlFrontend frontend, Path file) {
    String display = display(file);
    long size;
    byte[] bytes;
    try {
      size = Files.size(file);
      if (size > maxBytes) {
        return checker.notChecked(display, "the file is " + size + " bytes, over the --max-file-size limit of " + maxBytes);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException | UncheckedIOException e) {
      return checker.notChecked(display, "cannot read the file: " + Main.oneLine(e));
    }
    if (isBinary(bytes)) {
      return FileReport.warning(display, "binary file (it contains NUL bytes); skipped");
    }
    String text;
    List<String> warnings = new ArrayList<>();
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.UTF_8);
      warnings.add("not valid UTF-8; invalid bytes were replaced with U+FFFD and the rest was checked");
    }
    if (text.startsWith("\uFEFF")) {
      text = " " + text.substring(1); // keep offsets: the BOM becomes white space
    }
    FileReport report = checker.check(new SourceText(display, text), frontend);
    if (warnings.isEmpty()) {
      return report;
    }
    return new FileReport(report.path(), report.statements(), report.findings(), warnings);
  }

  private static boolean isBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static String display(Path file) {
    return file.normalize().toString().replace('\\', '/');
  }

  private static Path relativize(Path root, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs) : abs;
  }

  private static Path findConfig(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve("airlock.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      if (Files.isDirectory(d.resolve(".git"))) {
        return null;
      }
    }
    return null;
  }

  private static Config loadConfig(Path path) throws IOException {
    if (path == null) {
      return Config.defaults();
    }
    if (!Files.isRegularFile(path)) {
      throw new IOException(path + ": no such config file");
    }
    String yaml = Files.readString(path, StandardCharsets.UTF_8);
    return parse(() -> Config.parse(yaml, path.toString()));
  }

  private boolean colour() {
    return switch (color) {
      case "always" -> true;
      case "never" -> false;
      case "auto" -> System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
      default -> throw usage("--color: `" + color + "` is not one of auto, always, never");
    };
  }

  private static <T> T parse(java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  private picocli.CommandLine.ParameterException usage(String message) {
    return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
  }
}
