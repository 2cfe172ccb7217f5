package dev.airlock.migrations;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the project a migration belongs to, for frontends that need more than one file
 * (Django resolves table names from the app's earlier migrations). Paths are relative to the
 * project root.
 */
public interface Project {
  Optional<String> read(Path relative);

  /** The regular files directly inside a directory, sorted by name. */
  List<Path> list(Path relativeDirectory);

  /** A project with no other files: frontends fall back to their defaults. */
  static Project none() {
    return new Project() {
      @Override
      public Optional<String> read(Path relative) {
        return Optional.empty();
      }

      @Override
      public List<Path> list(Path relativeDirectory) {
        return List.of();
      }
    };
  }
}
