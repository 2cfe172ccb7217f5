package dev.airlock.core.rules;

import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "drop-index",
    severity = Severity.MEDIUM,
    category = Category.BREAKING_CHANGE,
    summary = "DROP INDEX removes an index queries may depend on",
    why = "Queries that used it fall back to scans and can take a busy database down; a unique"
        + " index also stops preventing duplicates, and rebuilding it takes time and locks.",
    saferWay = "Check pg_stat_user_indexes that it is unused, and drop it with CONCURRENTLY in its"
        + " own migration.")
public final class DropIndex implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof Drop d && d.kind() == ObjectKind.INDEX) {
      return Optional.of(
          "drops index "
              + Quote.all(d.names())
              + "; queries that use it slow down and any uniqueness it enforced is gone");
    }
    return Optional.empty();
  }
}
