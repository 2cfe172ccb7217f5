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
  // frontends ask for the same config files for every migration (Flyway looks upward from each
  // file), so answers are kept for the run
  private final java.util.Map<Path, Optional<String>> reads = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<Path, List<Path>> listings = new java.util.concurrent.ConcurrentHashMap<>();

  FileProject(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Optional<String> read(Path relative) {
    return reads.computeIfAbsent(root.resolve(relative).normalize(), this::readNow);
  }

  private Optional<String> readNow(Path file) {
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
    return listings.computeIfAbsent(root.resolve(relativeDirectory).normalize(), this::listNow);
  }

  private List<Path> listNow(Path dir) {
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
