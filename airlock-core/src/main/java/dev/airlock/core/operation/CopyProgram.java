package dev.airlock.core.operation;

/**
 * Runs a shell command through COPY: on the database server ({@code COPY ... PROGRAM}) or, for
 * psql's {@code \copy ... program}, on the client machine.
 */
public record CopyProgram(String command, boolean onClient) implements Operation {}
