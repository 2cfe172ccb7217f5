package dev.airlock.core.operation;

/** A statement no frontend understood; never silently clean. */
public record Unparsed(String reason) implements Operation {}
