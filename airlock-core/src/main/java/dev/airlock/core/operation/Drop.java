package dev.airlock.core.operation;

import java.util.List;

/**
 * Drops one or more objects of one kind.
 *
 * @param kindName the kind as the source named it ("text search dictionary"), for messages
 */
public record Drop(
    ObjectKind kind, String kindName, List<String> names, boolean ifExists, boolean cascade)
    implements Operation {
  public Drop {
    names = List.copyOf(names);
  }

  public static Drop of(ObjectKind kind, String name) {
    return new Drop(kind, kind.label(), List.of(name), false, false);
  }
}
