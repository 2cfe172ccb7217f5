package dev.airlock.migrations.sqlfiles;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlFrontend;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Prisma Migrate: {@code prisma/migrations/<timestamp>_<name>/migration.sql}. The files are plain
 * SQL (Prisma's {@code -- AlterTable} headers are ordinary comments), so the frontend is the SQL
 * frontend, in the dialect {@code migration_lock.toml} names ({@code provider = "postgresql"}).
 */
public final class PrismaFormat implements MigrationFormat {
  @Override
  public String id() {
    return "prisma";
  }

  @Override
  public boolean candidate(Path relative) {
    Path name = relative.getFileName();
    Path parent = relative.getParent();
    Path migrations = parent == null ? null : parent.getParent();
    return name != null
        && name.toString().equals("migration.sql")
        && migrations != null
        && migrations.getFileName() != null
        && migrations.getFileName().toString().equals("migrations");
  }

  @Override
  public boolean accepts(Path relative, String content) {
    return true;
  }

  @Override
  public Frontend frontend(Path relative, Dialect dialect, Project project) {
    return new SqlFrontend(dialect(relative, project).orElse(dialect));
  }

  /** The provider of the {@code migration_lock.toml} next to the migration directories. */
  static Optional<Dialect> dialect(Path relative, Project project) {
    Path migrations = relative.getParent() == null ? null : relative.getParent().getParent();
    if (migrations == null) {
      return Optional.empty();
    }
    return project.read(migrations.resolve("migration_lock.toml")).flatMap(Toml::provider).flatMap(PrismaFormat::ofProvider);
  }

  static Optional<Dialect> ofProvider(String provider) {
    return switch (provider) {
      case "postgresql", "postgres", "cockroachdb" -> Optional.of(Dialect.POSTGRESQL);
      case "mysql" -> Optional.of(Dialect.MYSQL);
      case "sqlite" -> Optional.of(Dialect.SQLITE);
      case "sqlserver" -> Optional.of(Dialect.GENERIC);
      default -> Optional.empty();
    };
  }
}
