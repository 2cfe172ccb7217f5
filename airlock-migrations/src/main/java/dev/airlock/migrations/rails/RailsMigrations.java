package dev.airlock.migrations.rails;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rails (ActiveRecord) migrations: {@code db/migrate/*.rb} and any Ruby file whose class inherits
 * {@code ActiveRecord::Migration}. When no dialect is forced, the adapter named in {@code
 * config/database.yml} picks the SQL that is shown.
 */
public final class RailsMigrations implements MigrationFormat {
  private static final Pattern MIGRATION_CLASS = Pattern.compile("<\\s*ActiveRecord::Migration\\b");
  private static final Pattern ADAPTER = Pattern.compile("(?m)^\\s*adapter:\\s*[\"']?([A-Za-z0-9_]+)");

  @Override
  public String id() {
    return "rails";
  }

  @Override
  public boolean candidate(Path relative) {
    return relative.getFileName() != null && relative.getFileName().toString().endsWith(".rb");
  }

  @Override
  public boolean accepts(Path relative, String content) {
    return inMigrateDirectory(relative) || MIGRATION_CLASS.matcher(content).find();
  }

  /** {@code db/migrate/}, and the {@code db/<name>_migrate/} of a second database. */
  static boolean inMigrateDirectory(Path relative) {
    Path parent = relative.getParent();
    if (parent == null || parent.getFileName() == null) {
      return false;
    }
    String dir = parent.getFileName().toString();
    Path grand = parent.getParent();
    return (dir.equals("migrate") || dir.endsWith("_migrate"))
        && grand != null
        && grand.getFileName() != null
        && grand.getFileName().toString().equals("db");
  }

  @Override
  public Frontend frontend(Path relative, Dialect dialect, Project project) {
    Dialect d = dialect;
    if (d == Dialect.GENERIC) {
      d = adapter(project).orElse(Dialect.GENERIC);
    }
    return new RailsFrontend(d);
  }

  /** The first adapter named in config/database.yml: postgresql, mysql2, trilogy, sqlite3. */
  static Optional<Dialect> adapter(Project project) {
    Optional<String> yml = project.read(Path.of("config", "database.yml"));
    if (yml.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = ADAPTER.matcher(yml.get());
    while (m.find()) {
      String a = m.group(1).toLowerCase(Locale.ROOT);
      if (a.startsWith("postg") || a.equals("postgis")) {
        return Optional.of(Dialect.POSTGRESQL);
      }
      if (a.startsWith("mysql") || a.equals("trilogy")) {
        return Optional.of(Dialect.MYSQL);
      }
      if (a.startsWith("sqlite")) {
        return Optional.of(Dialect.SQLITE);
      }
    }
    return Optional.empty();
  }
}
