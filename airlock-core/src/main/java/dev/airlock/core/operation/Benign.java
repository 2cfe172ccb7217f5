package dev.airlock.core.operation;

/**
 * A statement that was understood and changes nothing irreversibly (SELECT, INSERT, CREATE
 * TABLE, ...). It is kept so that counts and reports cover every statement.
 *
 * @param verb what the statement is, e.g. "CREATE TABLE"
 */
public record Benign(String verb) implements Operation {}
