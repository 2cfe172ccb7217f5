package dev.airlock.core.operation;

/**
 * Drops a constraint (check, unique, foreign or primary key) of a table or domain.
 *
 * @param constraint the constraint's name, or a description such as "primary key"
 */
public record DropConstraint(String table, String constraint, boolean cascade)
    implements Operation {}
