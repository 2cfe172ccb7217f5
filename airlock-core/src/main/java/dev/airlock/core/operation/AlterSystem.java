package dev.airlock.core.operation;

/** Changes server-wide configuration that outlives the session and the transaction. */
public record AlterSystem(String setting) implements Operation {}
