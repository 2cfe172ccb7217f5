package dev.airlock.gateway.console;

import dev.airlock.core.rule.Severity;
import dev.airlock.core.rules.Rules;
import dev.airlock.gateway.store.ApprovalRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * How alarming a request looks, for colour: the worst severity among the rules that fired (from
 * the core's registry, or as the preview states it). Critical is red, high and medium amber.
 */
final class Risk {
  private Risk() {}

  static Optional<Severity> of(ApprovalRequest r, Preview p) {
    Optional<Severity> worst = Optional.empty();
    for (String id : r.ruleIds()) {
      worst = max(worst, Rules.byId(id).map(reg -> reg.meta().severity()));
    }
    for (Preview.RuleHit hit : p.rules()) {
      worst = max(worst, Severity.parse(hit.severity()).or(() -> Rules.byId(hit.id()).map(reg -> reg.meta().severity())));
    }
    return worst;
  }

  static Optional<Severity> ofRule(String id) {
    return Rules.byId(id).map(reg -> reg.meta().severity());
  }

  /** The CSS class: "critical", "high", "medium", "low" or "none". */
  static String css(Optional<Severity> s) {
    return s.map(Severity::id).orElse("none");
  }

  static String label(Optional<Severity> s) {
    return s.map(v -> v.id().toUpperCase(Locale.ROOT)).orElse("WRITE");
  }

  private static Optional<Severity> max(Optional<Severity> a, Optional<Severity> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().atLeast(b.get()) ? a.get() : b.get());
  }
}
