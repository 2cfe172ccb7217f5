package dev.airlock.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the files to check: explicit files as given, directories walked recursively for SQL
 * files, skipping version control, dependency and build directories.
 */
final class SourceFiles {
  static final Set<String> SKIPPED_DIRS =
      Set.of(".git", ".hg", ".svn", "node_modules", "target", "build", "dist", "out", ".gradle",
          ".venv", "venv", "__pycache__", ".idea", ".tox", ".mypy_cache", "vendor");
  static final Set<String> SQL_EXTENSIONS = Set.of("sql", "psql", "pgsql", "mysql", "ddl", "dml");

  private SourceFiles() {}

  static boolean isSql(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot > 0 && SQL_EXTENSIONS.contains(name.substring(dot + 1));
  }

  /** The files under the given paths that {@code wanted} accepts, sorted; explicit files always. */
  static List<Path> collect(List<Path> roots, java.util.function.Predicate<Path> wanted) {
    Set<Path> files = new TreeSet<>();
    for (Path root : roots) {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.exists(root)) {
        throw new UncheckedIOException(new IOException(root + ": no such file or directory"));
      }
      if (!Files.isDirectory(root)) {
        files.add(root.normalize());
        continue;
      }
      try {
        Files.walkFileTree(
            root,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skip = !dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString());
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && wanted.test(file)) {
                  files.add(file.normalize());
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (wanted.test(file)) {
                  files.add(file.normalize()); // reported as unreadable when checked
                }
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ArrayList<>(files);
  }
}
