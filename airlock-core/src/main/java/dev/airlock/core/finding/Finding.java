package dev.airlock.core.finding;

import dev.airlock.core.rule.RuleMeta;
import dev.airlock.core.rule.Severity;
import dev.airlock.core.source.Span;
import java.util.Comparator;
import java.util.Optional;

/**
 * One rule's verdict on one operation: what, where, how bad, and whether a reviewer has
 * acknowledged it. A suppressed finding is still reported, marked as acknowledged.
 *
 * @param severity the effective severity (the rule's default unless the config overrides it)
 * @param statement the source text at the span
 * @param generatedSql the SQL the source will run, when the source is not SQL (an ORM call)
 */
public record Finding(
    RuleMeta rule,
    Severity severity,
    String message,
    String path,
    Span span,
    String statement,
    Optional<String> generatedSql,
    Optional<String> within,
    Optional<Suppression> suppression) {

  public static final Comparator<Finding> BY_POSITION =
      Comparator.comparing(Finding::path)
          .thenComparingInt(f -> f.span().startOffset())
          .thenComparing(f -> f.rule().id());

  public boolean suppressed() {
    return suppression.isPresent();
  }

  /** The message with the enclosing body, if any: "... (inside function `f`)". */
  public String fullMessage() {
    return within.map(w -> message + " (inside " + w + ")").orElse(message);
  }
}
