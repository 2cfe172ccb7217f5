package dev.airlock.migrations.django;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Django migrations: {@code <app>/migrations/NNNN_name.py} files holding {@code class
 * Migration} with an {@code operations} list.
 */
public final class DjangoFormat implements MigrationFormat {
  /** Parsed sibling migrations per project, so a history is parsed once, not once per file. */
  private final Map<Project, Map<Path, Optional<MigrationFile>>> caches =
      Collections.synchronizedMap(new WeakHashMap<>());

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
    return content.contains("class Migration") && (content.contains("django") || content.contains("migrations."));
  }

  @Override
  public Frontend frontend(Path relative, Dialect dialect, Project project) {
    Map<Path, Optional<MigrationFile>> cache = caches.computeIfAbsent(project, p -> History.newCache());
    return new DjangoFrontend(relative, dialect, new History(project, cache));
  }
}
