package dev.airlock.gateway.policy;

import dev.airlock.core.policy.Verdict;

/**
 * What the policy says about a statement: run it, ask a person, or refuse; the rule that decided
 * ({@code gateway.max-rows}, {@code pattern-delete}, ...) and a one-line reason an agent and a
 * reviewer can read.
 */
public record WriteDecision(Verdict verdict, String rule, String reason) {
  public static WriteDecision allow(String reason) {
    return new WriteDecision(Verdict.ALLOW, "gateway.allowed", reason);
  }

  public static WriteDecision ask(String rule, String reason) {
    return new WriteDecision(Verdict.ASK, rule, reason);
  }

  public static WriteDecision deny(String rule, String reason) {
    return new WriteDecision(Verdict.DENY, rule, reason);
  }

  /** The stricter of two decisions; the first wins a tie, so the earliest reason is kept. */
  public WriteDecision max(WriteDecision other) {
    return other.verdict.compareTo(verdict) > 0 ? other : this;
  }
}
