package dev.airlock.migrations.rails;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which files are Rails migrations, and the adapter from config/database.yml. */
class RailsMigrationsTest {
  private final RailsMigrations format = new RailsMigrations();

  @Test
  void recognisesMigrateDirectoriesAndMigrationClasses() {
    assertThat(format.id()).isEqualTo("rails");
    assertThat(format.candidate(Path.of("db/migrate/20240101_x.rb"))).isTrue();
    assertThat(format.candidate(Path.of("db/migrate/notes.md"))).isFalse();
    assertThat(format.accepts(Path.of("db/migrate/20240101_x.rb"), "")).isTrue();
    assertThat(format.accepts(Path.of("db/analytics_migrate/20240101_x.rb"), "")).isTrue();
    assertThat(format.accepts(Path.of("engines/billing/db/migrate/1_x.rb"), "")).isTrue();
    assertThat(format.accepts(Path.of("lib/tasks/cleanup.rb"), "class X < ActiveRecord::Migration[7.1]\nend")).isTrue();
    assertThat(format.accepts(Path.of("app/models/user.rb"), "class User < ApplicationRecord\nend")).isFalse();
    assertThat(format.accepts(Path.of("db/schema.rb"), "ActiveRecord::Schema[7.1].define(version: 1) do\nend")).isFalse();
  }

  @Test
  void adapterFromDatabaseYml() {
    assertThat(RailsMigrations.adapter(project("default: &default\n  adapter: mysql2\n  encoding: utf8mb4\n")))
        .contains(Dialect.MYSQL);
    assertThat(RailsMigrations.adapter(project("development:\n  adapter: postgresql\n"))).contains(Dialect.POSTGRESQL);
    assertThat(RailsMigrations.adapter(project("development:\n  adapter: sqlite3\n"))).contains(Dialect.SQLITE);
    assertThat(RailsMigrations.adapter(Project.none())).isEmpty();
  }

  @Test
  void genericDialectFollowsTheProjectAdapter() {
    var frontend = format.frontend(Path.of("db/migrate/1_x.rb"), Dialect.GENERIC, project("production:\n  adapter: trilogy\n"));
    var parsed = frontend.parse(new dev.airlock.core.source.SourceText("db/migrate/1_x.rb",
        RailsTesting.change("remove_column :orders, :legacy_order_id")));
    assertThat(parsed.occurrences().get(0).generatedSql()).contains("ALTER TABLE `orders` DROP COLUMN `legacy_order_id`;");
  }

  private static Project project(String databaseYml) {
    return new Project() {
      @Override
      public Optional<String> read(Path relative) {
        return relative.equals(Path.of("config/database.yml")) ? Optional.of(databaseYml) : Optional.empty();
      }

      @Override
      public List<Path> list(Path relativeDirectory) {
        return List.of();
      }
    };
  }
}
