package dev.airlock.core.operation;

/** Renames an object; everything that refers to the old name breaks. */
public record Rename(ObjectKind kind, String from, String to) implements Operation {}
