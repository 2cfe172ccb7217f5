package dev.airlock.core.operation;

/** SQL built at run time whose effect cannot be known from the source. */
public record DynamicSql(String reason) implements Operation {}
