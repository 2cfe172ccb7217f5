package dev.airlock.migrations;

import dev.airlock.migrations.alembic.AlembicFormat;
import dev.airlock.migrations.django.DjangoFormat;
import dev.airlock.migrations.js.KnexMigrations;
import dev.airlock.migrations.js.TypeOrmMigrations;
import dev.airlock.migrations.jvm.BuildScriptsFormat;
import dev.airlock.migrations.jvm.FlywayJavaFormat;
import dev.airlock.migrations.jvm.SpringSettingsFormat;
import dev.airlock.migrations.liquibase.LiquibaseFormat;
import dev.airlock.migrations.rails.RailsMigrations;
import dev.airlock.migrations.sqlfiles.FlywayFormat;
import dev.airlock.migrations.sqlfiles.PrismaFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The registry of migration formats, in the order they are tried. */
public final class Migrations {
  /**
   * Most specific first: a Liquibase formatted-SQL file may also be named like a Flyway one, and
   * an Alembic revision lives in a migrations/ folder like Django's.
   */
  private static final List<MigrationFormat> FORMATS =
      List.of(
          new LiquibaseFormat(),
          new AlembicFormat(),
          new DjangoFormat(),
          new RailsMigrations(),
          new TypeOrmMigrations(),
          new KnexMigrations(),
          new FlywayJavaFormat(),
          new SpringSettingsFormat(),
          new BuildScriptsFormat(),
          new PrismaFormat(),
          new FlywayFormat());

  private Migrations() {}

  public static List<MigrationFormat> formats() {
    return FORMATS;
  }

  /** True when some format might read this path (checked by content later). */
  public static boolean candidate(Path relative) {
    return FORMATS.stream().anyMatch(f -> f.candidate(relative));
  }

  /** The format that reads this file, if any. */
  public static Optional<MigrationFormat> detect(Path relative, String content) {
    return FORMATS.stream().filter(f -> f.candidate(relative) && f.accepts(relative, content)).findFirst();
  }

  /** The format with this id, for --format-hint. */
  public static Optional<MigrationFormat> byId(String id) {
    return FORMATS.stream().filter(f -> f.id().equals(id)).findFirst();
  }
}
