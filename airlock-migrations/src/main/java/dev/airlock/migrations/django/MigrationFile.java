package dev.airlock.migrations.django;

import dev.airlock.migrations.python.PyLiterals;
import dev.airlock.migrations.python.PyNode;
import dev.airlock.migrations.python.PythonSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Django migration file read far enough to order it and replay it: its app label (the directory
 * above {@code migrations/}), name, same-app dependencies and {@code operations} list.
 */
final class MigrationFile {
  final Path path;
  final String app;
  final String name;
  final PythonSource py;

  /** the Migration class, if the file has one */
  final Optional<PyNode> migrationClass;

  /** the expression assigned to {@code operations}, if any */
  final Optional<PyNode> operations;

  /** names of this app's migrations this one depends on */
  final List<String> dependencies = new ArrayList<>();

  /** whether {@code dependencies} could be read */
  boolean dependenciesKnown;

  private MigrationFile(Path path, String text) {
    this.path = path;
    this.app = appLabel(path);
    String file = path.getFileName().toString();
    this.name = file.endsWith(".py") ? file.substring(0, file.length() - 3) : file;
    this.py = PythonSource.parse(text);
    this.migrationClass = findClass(py.root());
    this.operations = migrationClass.flatMap(c -> attribute(c, "operations"));
    migrationClass.flatMap(c -> attribute(c, "dependencies")).ifPresent(this::readDependencies);
  }

  static MigrationFile parse(Path path, String text) {
    return new MigrationFile(path, text);
  }

  /** The directory name above {@code migrations/}: Django's default app label. */
  static String appLabel(Path path) {
    Path dir = path.getParent();
    if (dir != null
        && dir.getFileName() != null
        && dir.getFileName().toString().equals("migrations")) {
      Path app = dir.getParent();
      if (app != null && app.getFileName() != null) {
        return app.getFileName().toString();
      }
    }
    return dir != null && dir.getParent() != null && dir.getParent().getFileName() != null
        ? dir.getParent().getFileName().toString()
        : "app";
  }

  private static Optional<PyNode> findClass(PyNode module) {
    PyNode found = null;
    for (PyNode stmt : module.named()) {
      PyNode def = stmt.is("decorated_definition") ? stmt.child("definition").orElse(stmt) : stmt;
      if (def.is("class_definition")
          && def.child("name").map(n -> n.text().equals("Migration")).orElse(false)) {
        found = def;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The value last assigned to a class attribute ({@code operations = [...]}). */
  static Optional<PyNode> attribute(PyNode classDef, String attr) {
    PyNode body = classDef.child("body").orElse(null);
    if (body == null) {
      return Optional.empty();
    }
    PyNode value = null;
    for (PyNode stmt : body.named()) {
      if (!stmt.is("expression_statement")) {
        continue;
      }
      for (PyNode e : stmt.named()) {
        if (e.is("assignment")
            && e.child("left").map(l -> l.text().equals(attr)).orElse(false)
            && e.child("right").isPresent()) {
          value = e.child("right").get();
        }
      }
    }
    return Optional.ofNullable(value);
  }

  private void readDependencies(PyNode list) {
    Optional<List<PyNode>> items = PyLiterals.elements(list);
    if (items.isEmpty()) {
      return;
    }
    dependenciesKnown = true;
    for (PyNode item : items.get()) {
      Optional<List<PyNode>> pair = PyLiterals.elements(item);
      if (pair.isPresent() && pair.get().size() == 2) {
        Optional<String> app = PyLiterals.string(pair.get().get(0));
        Optional<String> dep = PyLiterals.string(pair.get().get(1));
        if (app.isPresent() && dep.isPresent() && app.get().equals(this.app)) {
          dependencies.add(dep.get());
        }
      }
    }
  }
}
