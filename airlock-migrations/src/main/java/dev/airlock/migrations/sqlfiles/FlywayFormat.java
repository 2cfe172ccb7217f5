package dev.airlock.migrations.sqlfiles;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlFrontend;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Flyway SQL migrations: versioned {@code V<version>__<description>.sql}, repeatable {@code
 * R__<description>.sql} and undo {@code U<version>__<description>.sql}, wherever they live
 * (Flyway's default location is {@code db/migration}). They are plain SQL, read in the dialect of
 * the JDBC URL in the project's Flyway or Spring configuration when there is one. Undo migrations
 * say so in every occurrence's context: they run only on {@code flyway undo}.
 */
public final class FlywayFormat implements MigrationFormat {
  private static final Pattern VERSIONED = Pattern.compile("[VU]\\d[0-9._]*__.*\\.sql");
  private static final Pattern REPEATABLE = Pattern.compile("R__.+\\.sql");

  @Override
  public String id() {
    return "flyway";
  }

  @Override
  public boolean candidate(Path relative) {
    Path name = relative.getFileName();
    if (name == null) {
      return false;
    }
    String n = name.toString();
    return VERSIONED.matcher(n).matches() || REPEATABLE.matcher(n).matches();
  }

  @Override
  public boolean accepts(Path relative, String content) {
    return true;
  }

  @Override
  public Frontend frontend(Path relative, Dialect dialect, Project project) {
    SqlFrontend sql = new SqlFrontend(FlywayConfig.dialect(relative, project).orElse(dialect));
    String name = relative.getFileName().toString();
    if (!name.startsWith("U")) {
      return sql;
    }
    String within = "undo migration " + name.substring(0, name.length() - 4) + " (runs only on flyway undo)";
    return source -> undo(sql.parse(source), within);
  }

  private static Parsed undo(Parsed parsed, String within) {
    List<Occurrence> out =
        parsed.occurrences().stream()
            .map(o -> new Occurrence(
                o.operation(),
                o.span(),
                o.statement(),
                o.generatedSql(),
                Optional.of(o.within().map(w -> within + ", " + w).orElse(within)),
                o.allowances()))
            .toList();
    return new Parsed(out, parsed.statements());
  }
}
