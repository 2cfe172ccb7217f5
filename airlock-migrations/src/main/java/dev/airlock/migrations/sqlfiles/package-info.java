/**
 * Migration tools whose migrations are plain SQL files: Prisma Migrate ({@link
 * dev.airlock.migrations.sqlfiles.PrismaFormat}) and Flyway ({@link
 * dev.airlock.migrations.sqlfiles.FlywayFormat}). They are recognised by path and read with the
 * core SQL frontend unchanged; all they add is the dialect, taken from the tool's configuration.
 */
package dev.airlock.migrations.sqlfiles;
