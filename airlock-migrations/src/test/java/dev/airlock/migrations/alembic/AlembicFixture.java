package dev.airlock.migrations.alembic;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.IrreversibleMigration;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.List;

final class AlembicFixture {
  private AlembicFixture() {}

  static String revision(String upgrade, String downgrade) {
    return "\"\"\"drop legacy\n\nRevision ID: 3f2a1b\nRevises: 9c8d7e\n\"\"\"\n"
        + "from alembic import op\nimport sqlalchemy as sa\nfrom sqlalchemy.dialects import postgresql\n\n"
        + "revision = '3f2a1b'\ndown_revision = '9c8d7e'\n\n\n"
        + "def upgrade():\n"
        + body(upgrade)
        + "\n\n\ndef downgrade():\n"
        + body(downgrade)
        + "\n";
  }

  /** Indents a function body written flush left (as text blocks come out). */
  private static String body(String text) {
    return text.startsWith(" ") ? text : text.strip().indent(4).stripTrailing();
  }

  static Parsed parse(String text) {
    return parse(text, Dialect.POSTGRESQL);
  }

  static Parsed parse(String text, Dialect dialect) {
    Path path = Path.of("alembic/versions/3f2a1b_drop_legacy.py");
    return new AlembicFormat()
        .frontend(path, dialect, Project.none())
        .parse(new SourceText(path.toString(), text));
  }

  /** Operations other than the downgrade analysis'. */
  static List<Operation> ops(Parsed p) {
    return p.occurrences().stream()
        .map(Occurrence::operation)
        .filter(o -> !(o instanceof IrreversibleMigration))
        .toList();
  }

  static List<String> irreversible(Parsed p) {
    return p.occurrences().stream()
        .map(Occurrence::operation)
        .filter(o -> o instanceof IrreversibleMigration)
        .map(o -> ((IrreversibleMigration) o).reason())
        .toList();
  }

  static List<String> sql(Parsed p) {
    return p.occurrences().stream()
        .filter(o -> !(o.operation() instanceof IrreversibleMigration))
        .map(o -> o.generatedSql().orElse(""))
        .toList();
  }
}
