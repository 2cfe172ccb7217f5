package dev.airlock.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Rule;
import java.util.Optional;

/**
 * For rules whose operations come only from migration frontends (no SQL makes them): checks a
 * rule against operations directly.
 */
final class OperationAssert {
  static void finds(Rule rule, Operation op, String messagePart) {
    Optional<String> message = rule.check(op);
    assertThat(message).as("%s on %s", rule.getClass().getSimpleName(), op).isPresent();
    assertThat(message.get()).contains(messagePart);
  }

  static void ignores(Rule rule, Operation op) {
    assertThat(rule.check(op)).as("%s on %s", rule.getClass().getSimpleName(), op).isEmpty();
  }

  private OperationAssert() {}
}
