package dev.airlock.core.operation;

import dev.airlock.core.source.Span;

/**
 * An {@code airlock:allow <rule-id> <reason>} comment in front of a statement: a reviewer's
 * acknowledgement of one rule's finding there. An empty reason makes it invalid.
 */
public record Allowance(String ruleId, String reason, Span span, String text) {}
