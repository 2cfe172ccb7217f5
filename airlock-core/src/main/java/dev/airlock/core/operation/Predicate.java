package dev.airlock.core.operation;

import java.util.List;
import java.util.Optional;

/**
 * What a WHERE clause (or join condition) selects, as far as the frontend could tell.
 *
 * @param text the condition as written, white space folded
 * @param alwaysTrueBecause why the condition holds for every row, if it does ("`1 = 1` is
 *     always true")
 * @param textMatches the conditions that pick rows by a text pattern
 * @param understood false when the condition could not be fully parsed
 */
public record Predicate(
    String text, Optional<String> alwaysTrueBecause, List<TextMatch> textMatches, boolean understood) {
  public Predicate {
    textMatches = List.copyOf(textMatches);
  }

  /** A condition known only by its text, such as a join. */
  public static Predicate opaque(String text) {
    return new Predicate(text, Optional.empty(), List.of(), true);
  }

  /** A condition that matches a text column against a pattern: {@code email LIKE '%test%'}. */
  public record TextMatch(String subject, String operator, String pattern) {
    @Override
    public String toString() {
      return subject + " " + operator + " " + pattern;
    }
  }
}
