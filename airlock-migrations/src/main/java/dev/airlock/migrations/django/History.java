package dev.airlock.migrations.django;

import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The earlier migrations of one app, read through the {@link Project} and replayed to know each
 * model's table and fields before a migration runs. Order: the same-app {@code dependencies} (what
 * Django's loader follows), falling back to file-name order when they cannot be read. Parsed files
 * are cached per project, so checking a whole history parses each file once.
 */
final class History {
  private final Project project;
  private final Map<Path, MigrationFile> cache;

  /**
   * @param cache parsed files by path, shared by the frontends of one format; an entry is used only
   *     while the file's text is unchanged
   */
  History(Project project, Map<Path, MigrationFile> cache) {
    this.project = project;
    this.cache = cache;
  }

  static Map<Path, MigrationFile> newCache() {
    return new ConcurrentHashMap<>();
  }

  /** The parsed file, from the cache when its text has not changed. */
  MigrationFile parse(Path path, String text) {
    MigrationFile cached = cache.get(path);
    if (cached != null && cached.py.text().equals(text)) {
      return cached;
    }
    if (cache.size() > 20_000) {
      cache.clear();
    }
    MigrationFile m = MigrationFile.parse(path, text);
    cache.put(path, m);
    return m;
  }

  /** The app's state just before {@code current} runs. */
  AppState before(MigrationFile current, Dialect dialect) {
    AppState state = new AppState(current.app);
    Path dir = current.path.getParent();
    if (dir == null) {
      return state;
    }
    Map<String, MigrationFile> siblings = new LinkedHashMap<>();
    for (Path p : project.list(dir)) {
      String file = p.getFileName().toString();
      if (!file.endsWith(".py") || file.equals("__init__.py") || p.equals(current.path)) {
        continue;
      }
      load(p).ifPresent(m -> siblings.put(m.name, m));
    }
    for (MigrationFile m : order(current, siblings)) {
      Interpreter replay = new Interpreter(state, dialect, null, m.app + "." + m.name);
      m.operations.ifPresent(ops -> replay.run(ops, Interpreter.Mode.BOTH, "", List.of()));
    }
    return state;
  }

  private Optional<MigrationFile> load(Path p) {
    return project.read(p).map(text -> parse(p, text));
  }

  /** The ancestors of {@code current} among its siblings, dependencies first. */
  static List<MigrationFile> order(MigrationFile current, Map<String, MigrationFile> siblings) {
    List<MigrationFile> out = new ArrayList<>();
    if (!current.dependenciesKnown) {
      for (MigrationFile m : siblings.values()) {
        if (m.name.compareTo(current.name) < 0) {
          out.add(m);
        }
      }
      out.sort((a, b) -> a.name.compareTo(b.name));
      return out;
    }
    Set<String> done = new HashSet<>();
    for (String dep : current.dependencies) {
      visit(dep, siblings, done, out, new HashSet<>());
    }
    return out;
  }

  private static void visit(
      String name,
      Map<String, MigrationFile> siblings,
      Set<String> done,
      List<MigrationFile> out,
      Set<String> path) {
    if (done.contains(name) || !path.add(name)) {
      return;
    }
    MigrationFile m = siblings.get(name);
    if (m == null) {
      done.add(name);
      return;
    }
    if (m.dependenciesKnown) {
      for (String dep : m.dependencies) {
        visit(dep, siblings, done, out, path);
      }
    } else {
      // no readable dependencies: everything before it by name
      siblings.values().stream()
          .filter(s -> s.name.compareTo(name) < 0)
          .sorted((a, b) -> a.name.compareTo(b.name))
          .forEach(s -> visit(s.name, siblings, done, out, path));
    }
    done.add(name);
    out.add(m);
  }
}
