package dev.airlock.core.operation;

/** Drops a column of a table (or an attribute of a composite type) with every value in it. */
public record DropColumn(String table, String column, boolean ifExists, boolean cascade)
    implements Operation {}
