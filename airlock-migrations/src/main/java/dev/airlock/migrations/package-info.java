/**
 * Migration frontends. Each format lives in its own package and implements {@link
 * dev.airlock.migrations.MigrationFormat}; {@link dev.airlock.migrations.Migrations} lists them.
 * Every frontend turns its format into the same core Operations as the SQL frontend, so every
 * rule applies unchanged, and records the SQL each ORM call will generate.
 */
package dev.airlock.migrations;
