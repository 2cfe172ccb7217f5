package dev.airlock.core.operation;

/** Runs a shell command on the database server (COPY ... PROGRAM). */
public record CopyProgram(String command) implements Operation {}
