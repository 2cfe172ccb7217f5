package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "key-store-flush",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "redis-cli FLUSHALL or FLUSHDB deletes every key",
    why = "Every key of the database (or of every database) is gone at once; sessions, queues and"
        + " caches that were the only copy are not coming back.",
    saferWay = "Delete the keys you mean by pattern with `SCAN` and `UNLINK`, against a replica or"
        + " snapshot you have checked first.")
public final class KeyStoreFlush implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.KeyStoreFlush k) {
      return Optional.of("`" + k.tool() + " " + k.command() + "` deletes every key of " + k.scope());
    }
    return Optional.empty();
  }
}
