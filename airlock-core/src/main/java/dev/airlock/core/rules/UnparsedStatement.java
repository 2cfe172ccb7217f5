package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Unparsed;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "unparsed-statement",
    severity = Severity.HIGH,
    category = Category.UNVERIFIABLE,
    summary = "A statement Airlock could not understand",
    why = "What cannot be read cannot be judged; a broken quote or an unknown command can hide a"
        + " DROP, so it is never silently treated as clean.",
    saferWay = "Fix the syntax, or check the statement by hand and acknowledge it with an"
        + " airlock:allow comment that says why.")
public final class UnparsedStatement implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof Unparsed u) {
      return Optional.of("not understood: " + u.reason());
    }
    return Optional.empty();
  }
}
