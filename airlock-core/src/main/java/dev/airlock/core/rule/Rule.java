package dev.airlock.core.rule;

import dev.airlock.core.operation.Operation;
import java.util.Optional;

/**
 * One danger, judged from an {@link Operation} alone. Implementations carry {@link RuleInfo}
 * and answer with the message of their finding, naming the object and the consequence.
 */
public interface Rule {
  Optional<String> check(Operation operation);
}
