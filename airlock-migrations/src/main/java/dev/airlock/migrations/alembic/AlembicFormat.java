package dev.airlock.migrations.alembic;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.nio.file.Path;

/**
 * Alembic revisions: {@code alembic/versions/NNN_x.py}, {@code migrations/versions/NNN_x.py}
 * (Flask-Migrate) and any other {@code versions/} directory whose files define {@code upgrade()}
 * with {@code op} calls.
 */
public final class AlembicFormat implements MigrationFormat {
  @Override
  public String id() {
    return "alembic";
  }

  @Override
  public boolean candidate(Path relative) {
    Path name = relative.getFileName();
    Path parent = relative.getParent();
    return name != null
        && name.toString().endsWith(".py")
        && !name.toString().equals("__init__.py")
        && parent != null
        && parent.getFileName() != null
        && parent.getFileName().toString().equals("versions");
  }

  @Override
  public boolean accepts(Path relative, String content) {
    return content.contains("def upgrade")
        && (content.contains("alembic") || content.contains("op."));
  }

  @Override
  public Frontend frontend(Path relative, Dialect dialect, Project project) {
    return new AlembicFrontend(dialect);
  }
}
