package dev.airlock.core.operation;

import java.util.List;

/**
 * Replaces the contents of existing files or devices: {@code >} onto an existing file, {@code dd
 * of=}, {@code truncate -s}, {@code cp}/{@code mv} over an existing target, {@code shred}, {@code
 * mkfs}. Targets that do not exist yet are kept (with {@code exists == false}) so dry runs can
 * list them; rules judge only the existing ones.
 *
 * @param tool the command as a reviewer names it, e.g. "> (redirection)", "dd of=", "mkfs.ext4"
 * @param how what happens to the old contents, e.g. "truncates", "overwrites", "formats"
 */
public record OverwritePaths(String tool, String how, List<PathTarget> targets) implements Operation {
  public OverwritePaths {
    targets = List.copyOf(targets);
  }
}
