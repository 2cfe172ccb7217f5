package dev.airlock.migrations.liquibase;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test helpers: parse a changelog text, look at its non-benign operations. */
final class Changelogs {
  private Changelogs() {}

  static Parsed parse(String path, String text) {
    return parse(path, text, Dialect.POSTGRESQL, Project.none());
  }

  static Parsed parse(String path, String text, Dialect dialect, Project project) {
    return new LiquibaseFormat().frontend(Path.of(path), dialect, project).parse(new SourceText(path, text));
  }

  static List<Operation> ops(Parsed p) {
    return p.occurrences().stream().map(Occurrence::operation).toList();
  }

  static List<Operation> destructive(Parsed p) {
    return ops(p).stream().filter(o -> !(o instanceof Benign)).toList();
  }

  static List<Occurrence> occurrences(Parsed p, Class<? extends Operation> type) {
    return p.occurrences().stream().filter(o -> type.isInstance(o.operation())).toList();
  }

  static Project project(Map<String, String> files) {
    return new Project() {
      @Override
      public Optional<String> read(Path relative) {
        return Optional.ofNullable(files.get(relative.normalize().toString().replace('\\', '/')));
      }

      @Override
      public List<Path> list(Path dir) {
        return files.keySet().stream().map(Path::of).filter(p -> dir.equals(p.getParent())).sorted().toList();
      }
    };
  }

  static String xml(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog
            xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
        """
        + body
        + "</databaseChangeLog>\n";
  }
}
