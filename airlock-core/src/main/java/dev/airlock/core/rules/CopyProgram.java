package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "copy-program",
    severity = Severity.CRITICAL,
    category = Category.SERVER,
    summary = "COPY ... PROGRAM runs a shell command on the database server",
    why = "The command runs as the database's operating-system user with access to every data file;"
        + " it is a common way out of the database for an attacker or a confused agent.",
    saferWay = "Move the data with COPY ... TO STDOUT / FROM STDIN from the client side instead.")
public final class CopyProgram implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.CopyProgram c) {
      return Optional.of(
          "runs shell command "
              + Quote.of(c.command())
              + (c.onClient() ? " on the machine running psql (\\copy ... program)" : " on the database server"));
    }
    return Optional.empty();
  }
}
