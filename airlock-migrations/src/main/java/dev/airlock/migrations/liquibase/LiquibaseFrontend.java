package dev.airlock.migrations.liquibase;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads one Liquibase changelog, choosing the reader by the file's extension. */
final class LiquibaseFrontend implements Frontend {
  private final Path path;
  private final Dialect dialect;
  private final Project project;

  LiquibaseFrontend(Path path, Dialect dialect, Project project) {
    this.path = path;
    this.dialect = dialect;
    this.project = project;
  }

  @Override
  public Parsed parse(SourceText source) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".sql")) {
      return new FormattedSql(source, dialect).parse();
    }
    try {
      ChangeNode root =
          name.endsWith(".xml")
              ? XmlChangelog.read(source)
              : YamlChangelog.read(source, name.endsWith(".json"));
      return new ChangelogTranslator(source, dialect, project, path).translate(root);
    } catch (ChangelogException e) {
      int at = Math.min(e.offset(), source.text().length());
      int lineEnd = at;
      while (lineEnd < source.text().length() && source.text().charAt(lineEnd) != '\n' && source.text().charAt(lineEnd) != '\r') {
        lineEnd++;
      }
      return new Parsed(
          List.of(
              new Occurrence(
                  new UnparsedMigration(ChangelogTranslator.FORMAT, e.getMessage()),
                  source.span(at, lineEnd),
                  source.text().substring(at, lineEnd),
                  Optional.empty(),
                  Optional.empty(),
                  List.of())),
          0);
    }
  }
}
