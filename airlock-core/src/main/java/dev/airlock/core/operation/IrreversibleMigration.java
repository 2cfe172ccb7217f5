package dev.airlock.core.operation;

/**
 * A migration whose rollback cannot restore what it destroyed: a down step that raises, a
 * downgrade that recreates an empty column, a changeset without rollback that drops.
 */
public record IrreversibleMigration(String reason) implements Operation {}
