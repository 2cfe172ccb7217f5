package dev.airlock.migrations.django;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.python.PyNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one Django migration: finds {@code class Migration}, replays the app's earlier migrations
 * for table names and field types, then turns each operation into Occurrences.
 */
final class DjangoFrontend implements Frontend {
  private final Path path;
  private final Dialect dialect;
  private final History history;

  DjangoFrontend(Path path, Dialect dialect, History history) {
    this.path = path;
    this.dialect = dialect;
    this.history = history;
  }

  @Override
  public Parsed parse(SourceText source) {
    MigrationFile file = history.parse(path, source.text());
    String name = file.app + "." + file.name;
    List<Occurrence> out = new ArrayList<>();
    for (PyNode error : file.py.errors()) {
      int line = source.lineOf(error.start());
      out.add(
          new Occurrence(
              new UnparsedMigration(
                  "django",
                  "Python syntax error at line " + line + "; operations there may be missed"),
              source.span(
                  error.start(),
                  Math.max(error.start(), Math.min(error.end(), lineEnd(source, error.start())))),
              source.line(line).strip(),
              Optional.empty(),
              Optional.of("migration " + name),
              List.of()));
    }
    if (file.migrationClass.isEmpty()) {
      out.add(
          new Occurrence(
              new UnparsedMigration(
                  "django", "no `class Migration` found in a file under migrations/"),
              source.span(0, 0),
              "",
              Optional.empty(),
              Optional.of("migration " + name),
              List.of()));
      return new Parsed(out, 0);
    }
    if (file.operations.isEmpty()) {
      return new Parsed(out, 0);
    }
    AppState state = history.before(file, dialect);
    Interpreter interpreter = new Interpreter(state, dialect, source, name);
    interpreter.run(file.operations.get(), Interpreter.Mode.BOTH, "migration " + name, List.of());
    out.addAll(interpreter.occurrences());
    out.sort((a, b) -> Integer.compare(a.span().startOffset(), b.span().startOffset()));
    return new Parsed(out, interpreter.statements());
  }

  private static int lineEnd(SourceText source, int offset) {
    String t = source.text();
    int i = offset;
    while (i < t.length() && t.charAt(i) != '\n' && t.charAt(i) != '\r') {
      i++;
    }
    return i;
  }
}
