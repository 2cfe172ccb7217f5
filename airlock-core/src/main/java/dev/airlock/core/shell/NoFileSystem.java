package dev.airlock.core.shell;

import dev.airlock.core.operation.PathTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Knows nothing: every path is missing. */
final class NoFileSystem implements FileSystemView {
  static final NoFileSystem INSTANCE = new NoFileSystem();

  @Override
  public boolean known() {
    return false;
  }

  @Override
  public boolean exists(Path path) {
    return false;
  }

  @Override
  public boolean isDirectory(Path path) {
    return false;
  }

  @Override
  public boolean isSymbolicLink(Path path) {
    return false;
  }

  @Override
  public Optional<Path> toRealPath(Path path) {
    return Optional.empty();
  }

  @Override
  public List<Path> list(Path directory, int limit) {
    return List.of();
  }

  @Override
  public List<Path> glob(Path directory, String pattern, int limit) {
    return List.of();
  }

  @Override
  public PathTarget.Contents contents(Path path, int maxEntries) {
    return new PathTarget.Contents(0, 0, Optional.empty(), Optional.empty(), false);
  }

  @Override
  public PathTarget.Git git(Path path) {
    return PathTarget.Git.UNKNOWN;
  }

  @Override
  public Optional<Path> gitTopLevel(Path path) {
    return Optional.empty();
  }

  @Override
  public OptionalInt modifiedTrackedFiles(Path path, int limit) {
    return OptionalInt.empty();
  }

  @Override
  public Optional<String> read(Path path, int maxBytes) {
    return Optional.empty();
  }
}
