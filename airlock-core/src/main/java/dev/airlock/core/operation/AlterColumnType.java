package dev.airlock.core.operation;

/** Changes the type of a column: rewrites the table, may truncate or fail on existing values. */
public record AlterColumnType(String table, String column, String newType) implements Operation {}
