package dev.airlock.core.operation;

/**
 * Code that changes data inside a migration (Django RunPython, a Rails data loop): its effect
 * cannot be read from the source.
 *
 * @param code what runs, e.g. "RunPython(forwards)"
 * @param reversible whether the migration says how to undo it
 */
public record DataMigration(String code, boolean reversible) implements Operation {}
