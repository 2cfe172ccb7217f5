package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

/**
 * Reported by the check engine, not from an operation: an {@code airlock:allow} comment without
 * a reason or naming no known rule. Such a comment suppresses nothing.
 */
@RuleInfo(
    id = "invalid-suppression",
    severity = Severity.HIGH,
    category = Category.UNVERIFIABLE,
    summary = "An airlock:allow comment without a reason, or for a rule that does not exist",
    why = "A suppression is a reviewer's signed note; without a reason the next reader cannot tell"
        + " a deliberate decision from a silenced alarm, so it suppresses nothing.",
    saferWay = "Write the comment as `-- airlock:allow <rule-id> <why this is safe here>`.")
public final class InvalidSuppression implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    return Optional.empty();
  }
}
