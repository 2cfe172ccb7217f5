package dev.airlock.core.operation;

import java.util.List;
import java.util.Optional;

/** Overwrites columns of rows of a table: of all rows when there is no condition. */
public record UpdateRows(String table, List<String> columns, Optional<Predicate> where)
    implements Operation {
  public UpdateRows {
    columns = List.copyOf(columns);
  }
}
