package dev.airlock.migrations.jvm;

/**
 * What the schema-destroying tools and settings do, shown as each finding's generated SQL. They
 * run no SQL the user wrote, so reviewers see the effect in SQL words instead.
 */
final class Effects {
  static final String FLYWAY_CLEAN =
      "-- flyway clean: DROP every table, view, sequence, function and type in the configured schemas";
  static final String LIQUIBASE_DROP_ALL =
      "-- liquibase drop-all: DROP every table, view, sequence, procedure and other object in the"
          + " target schema";
  static final String FLYWAY_CLEAN_ENABLED =
      "-- flyway clean is enabled: one `flyway clean` (mvn flyway:clean, gradle flywayClean, a"
          + " Spring Flyway bean) will DROP every object in the configured schemas";
  static final String FLYWAY_CLEAN_ON_VALIDATION_ERROR =
      "-- flyway cleanOnValidationError: when a migration checksum does not match, DROP every"
          + " object in the configured schemas, then migrate from scratch";
  static final String LIQUIBASE_DROP_FIRST =
      "-- liquibase drop-first: DROP every object in the target schema before every update";
  static final String HIBERNATE_CREATE =
      "-- hibernate schema action create: at start-up DROP TABLE every mapped table (and its rows),"
          + " then CREATE TABLE them again from the entities";
  static final String HIBERNATE_CREATE_DROP =
      "-- hibernate schema action create-drop: at start-up DROP TABLE and CREATE TABLE every mapped"
          + " table, and DROP TABLE them all again at shutdown";
  static final String HIBERNATE_DROP =
      "-- hibernate schema action drop: at start-up DROP TABLE every mapped table";
  static final String HIBERNATE_TRUNCATE =
      "-- hibernate schema action truncate: at start-up TRUNCATE (delete every row of) every mapped"
          + " table";
  static final String HIBERNATE_UPDATE =
      "-- hibernate schema action update: at start-up CREATE TABLE for missing entities and ALTER"
          + " TABLE ... ADD COLUMN for missing fields, unreviewed (it never drops)";
  static final String HIBERNATE_CREATE_ONLY =
      "-- hibernate schema action create-only: at start-up CREATE TABLE every mapped table from the"
          + " entities, unreviewed";
  static final String GENERATE_DDL =
      "-- spring.jpa.generate-ddl=true: at start-up Hibernate runs CREATE TABLE / ALTER TABLE ..."
          + " ADD COLUMN from the entities, unreviewed";

  private Effects() {}
}
