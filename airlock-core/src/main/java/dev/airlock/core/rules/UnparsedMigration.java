package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "unparsed-migration",
    severity = Severity.HIGH,
    category = Category.UNVERIFIABLE,
    summary = "A file that looks like a migration but could not be read as one",
    why = "A migration Airlock cannot read may still drop anything, so it is never skipped"
        + " silently.",
    saferWay = "Fix the syntax error, or review the migration by hand and acknowledge it with an"
        + " airlock:allow comment that says why.")
public final class UnparsedMigration implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.UnparsedMigration u) {
      String article = "aeiou".indexOf(Character.toLowerCase(u.format().charAt(0))) >= 0 ? "an " : "a ";
      return Optional.of("not understood as " + article + u.format() + " migration: " + u.reason());
    }
    return Optional.empty();
  }
}
