package dev.airlock.core.shell;

import dev.airlock.core.operation.PathTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the shell analysis may learn about the disk. Every method is bounded and never throws: a
 * path that cannot be read answers as missing or unknown. {@link LocalFileSystem} is the real
 * one; {@link #none()} knows nothing (every path is missing), for checking scripts whose run-time
 * disk is not this one.
 */
public interface FileSystemView {
  /** False for a view that knows nothing of the disk ({@link #none()}): "missing" means "not known". */
  default boolean known() {
    return true;
  }

  /** Whether the path exists, following a final symbolic link (a dangling link does not). */
  boolean exists(Path path);

  /** Whether the path is a directory, following symbolic links. */
  boolean isDirectory(Path path);

  /** Whether the path itself is a symbolic link (not followed). */
  boolean isSymbolicLink(Path path);

  /** The real path with every symbolic link resolved, if the path exists. */
  Optional<Path> toRealPath(Path path);

  /** The children of a directory, sorted by name, at most {@code limit}; empty if none or not a directory. */
  List<Path> list(Path directory, int limit);

  /**
   * Expands a glob ({@code *}, {@code ?}, {@code [...]}, across {@code /}-separated segments)
   * against a directory, as a shell would: sorted, dot files only when the segment starts with a
   * dot, at most {@code limit} matches; empty when nothing matches.
   *
   * @param pattern relative to {@code directory}, e.g. {@code src/*}{@code /*.tmp}
   */
  List<Path> glob(Path directory, String pattern, int limit);

  /** Files, bytes and newest file under a path, counting at most {@code maxEntries} entries. */
  PathTarget.Contents contents(Path path, int maxEntries);

  /** Whether git can restore the path (every file under it tracked, some, none). */
  PathTarget.Git git(Path path);

  /** The top level of the git work tree that holds the path. */
  Optional<Path> gitTopLevel(Path path);

  /**
   * How many tracked files under the path differ from the index (size or modification time), at
   * most {@code limit}; empty when unknown (no repository, unreadable index).
   */
  OptionalInt modifiedTrackedFiles(Path path, int limit);

  /** The text of a small file ({@code psql -f x.sql}), if it exists and is at most {@code maxBytes}. */
  Optional<String> read(Path path, int maxBytes);

  /** A view of an empty disk: nothing exists, git knows nothing. */
  static FileSystemView none() {
    return NoFileSystem.INSTANCE;
  }
}
