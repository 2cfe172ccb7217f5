package dev.airlock.cli;

import dev.airlock.migrations.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The project on disk, for frontends that read more than one file. */
final class FileProject implements Project {
  private static final long MAX_BYTES = CheckCommand.DEFAULT_MAX_BYTES;
  private final Path root;

  FileProject(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Optional<String> read(Path relative) {
    Path file = root.resolve(relative).normalize();
    try {
      if (!file.startsWith(root) || !Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Path> list(Path relativeDirectory) {
    Path dir = root.resolve(relativeDirectory).normalize();
    if (!dir.startsWith(root) || !Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
