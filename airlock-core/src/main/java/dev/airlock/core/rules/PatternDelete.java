package dev.airlock.core.rules;

import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Predicate;
import dev.airlock.core.operation.UpdateRows;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

@RuleInfo(
    id = "pattern-delete",
    severity = Severity.HIGH,
    category = Category.DATA_LOSS,
    summary = "DELETE or UPDATE that picks rows by a text pattern",
    why = "Patterns such as email LIKE '%test%' match real rows nobody meant (a customer whose"
        + " address contains 'test'), and the statement destroys them with the rest.",
    saferWay = "Select the rows by a key you control (ids, a flag set when the test data was made),"
        + " review the list, then delete by those keys.")
public final class PatternDelete implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof DeleteRows d) {
      return patterns(d.where())
          .map(p -> "deletes the rows of " + Quote.of(d.table()) + " that match " + p + "; real rows match patterns too");
    }
    if (operation instanceof UpdateRows u) {
      return patterns(u.where())
          .map(p -> "overwrites the rows of " + Quote.of(u.table()) + " that match " + p + "; real rows match patterns too");
    }
    return Optional.empty();
  }

  private static Optional<String> patterns(Optional<Predicate> where) {
    if (where.isEmpty() || where.get().alwaysTrueBecause().isPresent()) {
      return Optional.empty();
    }
    List<Predicate.TextMatch> matches = where.get().textMatches();
    if (matches.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(matches.stream().map(m -> "`" + m + "`").collect(Collectors.joining(" and ")));
  }
}
