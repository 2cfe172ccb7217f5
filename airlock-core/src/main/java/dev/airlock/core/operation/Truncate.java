package dev.airlock.core.operation;

import java.util.List;

/** Removes every row of the tables at once, without per-row triggers or a WHERE. */
public record Truncate(List<String> tables, boolean cascade) implements Operation {
  public Truncate {
    tables = List.copyOf(tables);
  }
}
