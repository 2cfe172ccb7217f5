package dev.airlock.migrations.django;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.Project;
import dev.airlock.migrations.python.TestProject;
import java.nio.file.Path;
import java.util.List;

/** Helpers shared by the Django tests. */
final class DjangoFixture {
  private DjangoFixture() {}

  static final String HEADER =
      "from django.db import migrations, models\nimport django.db.models.deletion\n\n\n";

  /** A migration file with the given operations body. */
  static String migration(String deps, String operations) {
    return HEADER
        + "class Migration(migrations.Migration):\n\n"
        + "    dependencies = ["
        + deps
        + "]\n\n"
        + "    operations = [\n"
        + operations
        + "\n    ]\n";
  }

  static Parsed parse(String path, String text) {
    return parse(path, text, Dialect.POSTGRESQL, TestProject.inMemory());
  }

  static Parsed parse(String path, String text, Dialect dialect, Project project) {
    return new DjangoFormat()
        .frontend(Path.of(path), dialect, project)
        .parse(new SourceText(path, text));
  }

  static List<Operation> ops(Parsed p) {
    return p.occurrences().stream().map(Occurrence::operation).toList();
  }

  static List<String> sql(Parsed p) {
    return p.occurrences().stream().map(o -> o.generatedSql().orElse("")).toList();
  }
}
