package dev.airlock.core.operation;

/** A file that looks like a migration of some format but could not be read as one. */
public record UnparsedMigration(String format, String reason) implements Operation {}
