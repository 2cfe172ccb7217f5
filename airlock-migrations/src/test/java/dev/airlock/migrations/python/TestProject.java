package dev.airlock.migrations.python;

import dev.airlock.migrations.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A project for tests: files in memory, or a directory on disk. */
public final class TestProject implements Project {
  private final Map<Path, String> files = new LinkedHashMap<>();
  private final Path root;

  private TestProject(Path root) {
    this.root = root;
  }

  public static TestProject inMemory() {
    return new TestProject(null);
  }

  public static TestProject on(Path root) {
    return new TestProject(root);
  }

  public TestProject with(String path, String text) {
    files.put(Path.of(path), text);
    return this;
  }

  @Override
  public Optional<String> read(Path relative) {
    if (root != null) {
      try {
        return Optional.of(Files.readString(root.resolve(relative)));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(files.get(relative));
  }

  @Override
  public List<Path> list(Path dir) {
    if (root != null) {
      try (Stream<Path> s = Files.list(root.resolve(dir))) {
        return s.filter(Files::isRegularFile).map(p -> root.relativize(p)).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files.keySet().stream().filter(p -> dir.equals(p.getParent())).sorted().toList();
  }
}
