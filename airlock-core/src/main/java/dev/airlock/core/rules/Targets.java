package dev.airlock.core.rules;

import dev.airlock.core.operation.PathTarget;
import dev.airlock.core.operation.PathTarget.Place;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Picks and describes the path targets a shell rule is about. */
final class Targets {
  static List<PathTarget> in(List<PathTarget> targets, Set<Place> places) {
    return targets.stream().filter(t -> places.contains(t.place())).toList();
  }

  /** "`a` (...); `b` (...)", or empty when no target is in the places. */
  static Optional<String> describe(List<PathTarget> targets, Set<Place> places) {
    List<PathTarget> hit = in(targets, places);
    if (hit.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(hit.stream().map(PathTarget::describe).collect(Collectors.joining("; ")));
  }

  private Targets() {}
}
