package dev.airlock.core.operation;

/** An ORM setting that changes the schema at start-up with no reviewed migration (Hibernate update). */
public record AutoDdl(String setting) implements Operation {}
