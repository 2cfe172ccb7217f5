package dev.airlock.core.operation;

import java.util.List;

/**
 * Changes permissions or ownership of whole trees: {@code chmod -R}, {@code chown -R}, {@code
 * chgrp -R}, {@code setfacl -R}.
 *
 * @param tool "chmod -R", "chown -R", ...
 * @param mode the mode or owner given, e.g. "777", "nobody:nogroup"
 */
public record ChangeModeRecursive(String tool, String mode, List<PathTarget> targets) implements Operation {
  public ChangeModeRecursive {
    targets = List.copyOf(targets);
  }
}
