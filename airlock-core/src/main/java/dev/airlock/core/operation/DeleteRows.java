package dev.airlock.core.operation;

import java.util.Optional;

/** Deletes rows of a table: all of them when there is no condition. */
public record DeleteRows(String table, Optional<Predicate> where) implements Operation {}
