package dev.airlock.core.frontend;

import dev.airlock.core.operation.Occurrence;
import java.util.List;

/**
 * What a frontend made of one file.
 *
 * @param statements how many statements the file holds (top level, not counting nested bodies)
 */
public record Parsed(List<Occurrence> occurrences, int statements) {
  public Parsed {
    occurrences = List.copyOf(occurrences);
  }
}
