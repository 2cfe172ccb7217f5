package dev.airlock.core.finding;

import dev.airlock.core.source.Span;

/** A reviewer's acknowledgement of a finding, with the reason they gave and where. */
public record Suppression(String reason, Span span) {}
