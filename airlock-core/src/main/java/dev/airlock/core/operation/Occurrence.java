package dev.airlock.core.operation;

import dev.airlock.core.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * Where an {@link Operation} stands: its exact span, the source text there, the SQL it will run
 * when that is not the source itself (an ORM call's generated SQL), where it is nested, and the
 * allow comments in front of it. Rules see only the operation; reporters see all of this.
 *
 * @param statement the source text at the span, as a reviewer reads it
 * @param generatedSql the SQL the source will run, for frontends whose source is not SQL
 * @param within the enclosing body if any, e.g. "function `purge()`"
 */
public record Occurrence(
    Operation operation,
    Span span,
    String statement,
    Optional<String> generatedSql,
    Optional<String> within,
    List<Allowance> allowances) {
  public Occurrence {
    allowances = List.copyOf(allowances);
  }

  /** An occurrence in SQL source: the statement is the SQL. */
  public Occurrence(
      Operation operation, Span span, String statement, Optional<String> within, List<Allowance> allowances) {
    this(operation, span, statement, Optional.empty(), within, allowances);
  }
}
