package dev.airlock.migrations.django;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.Map;

/**
 * Django migrations: {@code <app>/migrations/NNNN_name.py} files holding {@code class Migration}
 * with an {@code operations} list.
 */
public final class DjangoFormat implements MigrationFormat {
  /**
   * Parsed migrations by path (checked against their text on every use), so that checking a history
   * of N files parses each once instead of N times over.
   */
  private final Map<Path, MigrationFile> cache = History.newCache();

  @Override
  public String id() {
    return "django";
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
        && parent.getFileName().toString().equals("migrations");
  }

  @Override
  public boolean accepts(Path relative, String content) {
    return content.contains("class Migration")
        && (content.contains("django") || content.contains("migrations."));
  }

  @Override
  public Frontend frontend(Path relative, Dialect dialect, Project project) {
    return new DjangoFrontend(relative, dialect, new History(project, cache));
  }
}
