package dev.airlock.core.operation;

import java.util.List;

/**
 * Deletes files or directories: {@code rm}, {@code rmdir}, {@code find -delete}, {@code shred -u},
 * {@code unlink}, {@code git rm}. Replacing contents is {@link OverwritePaths}.
 *
 * @param tool the command as a reviewer names it, e.g. "rm -rf", "find -delete"
 * @param targets every target, resolved
 * @param recursive whether directories are removed with everything under them
 * @param force whether prompts and errors are suppressed
 */
public record RemovePaths(String tool, List<PathTarget> targets, boolean recursive, boolean force)
    implements Operation {
  public RemovePaths {
    targets = List.copyOf(targets);
  }
}
