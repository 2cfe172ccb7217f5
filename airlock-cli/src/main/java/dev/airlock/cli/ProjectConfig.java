package dev.airlock.cli;

import dev.airlock.core.policy.Config;
import dev.airlock.core.policy.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the project root and its {@code airlock.yaml} for a command that runs in a directory. */
final class ProjectConfig {
  private static final long MAX_CONFIG_BYTES = 1 << 20;

  private ProjectConfig() {}

  /** The top of the git work tree holding {@code dir} (a {@code .git} directory or file), if any. */
  static Optional<Path> gitTopLevel(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The project root: the one given, else the git top level of {@code cwd}, else {@code cwd}. */
  static Path root(Optional<Path> given, Path cwd) {
    return given.map(p -> cwd.resolve(p).toAbsolutePath().normalize()).orElseGet(() -> gitTopLevel(cwd).orElse(cwd));
  }

  /**
   * The config: {@code airlock.yaml} at the project root, else defaults. Only the root's file
   * counts, so a command cannot pick a laxer policy by running in a sub-directory.
   *
   * @throws ConfigException when the file is invalid
   * @throws IOException when it cannot be read
   */
  static Config load(Path root) throws IOException {
    Path file = root.resolve("airlock.yaml");
    if (!Files.isRegularFile(file)) {
      return Config.defaults();
    }
    if (Files.size(file) > MAX_CONFIG_BYTES) {
      throw new ConfigException(file + ": larger than 1 MiB");
    }
    return Config.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }
}
