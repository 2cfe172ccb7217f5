package dev.airlock.cli;

import dev.airlock.core.policy.Config;
import dev.airlock.core.policy.ConfigException;
import dev.airlock.core.sql.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every command that reads a project shares: config, dialect, format hint, limits. */
final class ProjectOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--dialect", paramLabel = "DIALECT", description = "postgresql (default), mysql, sqlite or generic; overrides airlock.yaml.")
  String dialect;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: airlock.yaml in this or a parent directory up to the git root).")
  Path configFile;

  @Option(names = "--format-hint", paramLabel = "FORMAT", description = "Read every file as this format instead of detecting it: sql, django, rails, alembic, liquibase, ...")
  String formatHint;

  @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Larger files are reported as not checked (default: 16 MiB).")
  long maxBytes = CheckCommand.DEFAULT_MAX_BYTES;

  /** The config: file found or named, then command-line overrides. */
  Config config(Optional<String> failOn) throws IOException {
    Path path = configPath();
    Config config = Config.defaults();
    if (path != null) {
      if (!Files.isRegularFile(path)) {
        throw new IOException(path + ": no such config file");
      }
      String yaml = Files.readString(path, StandardCharsets.UTF_8);
      config = parse(() -> Config.parse(yaml, path.toString()));
    }
    if (failOn.isPresent()) {
      Config c = config;
      config = parse(() -> c.withFailOn(Config.parseFailOn(failOn.get(), "--fail-on")));
    }
    if (dialect != null) {
      Dialect d = Dialect.parse(dialect).orElseThrow(() -> usage("--dialect: `" + dialect + "` is not one of postgresql, mysql, sqlite, generic"));
      config = config.withDialect(d);
    }
    return config;
  }

  /** The project root: the config file's directory, else the current directory. */
  Path root() {
    Path path = configPath();
    return path != null ? path.toAbsolutePath().getParent() : Path.of("").toAbsolutePath();
  }

  Sources sources(Config config) {
    if (formatHint != null && !Sources.hints().contains(formatHint)) {
      throw usage("--format-hint: `" + formatHint + "` is not one of " + String.join(", ", Sources.hints()));
    }
    return new Sources(config, root(), maxBytes, Optional.ofNullable(formatHint));
  }

  private Path configPath() {
    return configFile != null ? configFile : findConfig(Path.of("").toAbsolutePath());
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

  private static <T> T parse(java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
