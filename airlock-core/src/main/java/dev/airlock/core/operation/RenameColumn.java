package dev.airlock.core.operation;

/** Renames a column; every query, view or function body that names the old column breaks. */
public record RenameColumn(String table, String from, String to) implements Operation {}
