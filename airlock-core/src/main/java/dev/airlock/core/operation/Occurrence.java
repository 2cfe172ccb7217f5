package dev.airlock.core.operation;

import dev.airlock.core.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * Where an {@link Operation} stands: its exact span, the statement text a reviewer should see
 * (for an ORM operation, the SQL it generates), where it is nested, and the allow comments in
 * front of it. Rules see only the operation; reporters see all of this.
 *
 * @param within the enclosing body if any, e.g. "function `purge()`"
 */
public record Occurrence(
    Operation operation,
    Span span,
    String statement,
    Optional<String> within,
    List<Allowance> allowances) {
  public Occurrence {
    allowances = List.copyOf(allowances);
  }
}
