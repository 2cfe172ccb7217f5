package dev.airlock.core.operation;

/**
 * Drops every object of a schema or database at once: {@code flyway clean}, {@code liquibase
 * drop-all}, Hibernate's {@code create} / {@code create-drop}, a setting that enables them.
 *
 * @param how the command or setting, as written
 */
public record SchemaWipe(String how) implements Operation {}
