package dev.airlock.migrations.jvm;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Flyway Java migrations: {@code V3__Cleanup.java}, {@code R__Refresh.java}, {@code
 * U3__Undo.java}, or any Java file in a {@code db/migration} folder, that extends {@code
 * BaseJavaMigration} or implements {@code JavaMigration}.
 */
public final class FlywayJavaFormat implements MigrationFormat {
  private static final Pattern NAME = Pattern.compile("(?:[VUR]\\d[\\w.]*__|R__)\\w*\\.java");

  @Override
  public String id() {
    return FlywayJavaFrontend.FORMAT;
  }

  @Override
  public boolean candidate(Path relative) {
    if (relative.getFileName() == null) {
      return false;
    }
    String name = relative.getFileName().toString();
    if (!name.endsWith(".java")) {
      return false;
    }
    String p = relative.toString().replace('\\', '/');
    return NAME.matcher(name).matches() || p.contains("db/migration/") || p.contains("/migrations/") || p.contains("/migration/");
  }

  @Override
  public boolean accepts(Path relative, String content) {
    return content.contains("JavaMigration") || content.contains("org.flywaydb.core.api.migration");
  }

  @Override
  public Frontend frontend(Path relative, Dialect dialect, Project project) {
    return new FlywayJavaFrontend(dialect);
  }
}
