package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "alter-system",
    severity = Severity.HIGH,
    category = Category.SERVER,
    summary = "ALTER SYSTEM (or MySQL SET GLOBAL/PERSIST) changes server-wide settings",
    why = "The change applies to every database and session on the server, survives restarts and"
        + " is not undone by rolling back the migration.",
    saferWay = "Change server settings through the configuration management that owns them, not"
        + " from a migration or an agent.")
public final class AlterSystem implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.AlterSystem a) {
      return Optional.of(
          "changes server-wide setting " + Quote.of(a.setting()) + " for every database and session");
    }
    return Optional.empty();
  }
}
