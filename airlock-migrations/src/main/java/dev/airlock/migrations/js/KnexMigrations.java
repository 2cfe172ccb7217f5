package dev.airlock.migrations.js;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Knex migrations: JavaScript or TypeScript files in a {@code migrations} directory that export
 * {@code up} (and {@code down}) and use Knex. When no dialect is forced, the {@code client} of the
 * project's {@code knexfile} picks the SQL that is shown.
 */
public final class KnexMigrations implements MigrationFormat {
  private static final Pattern EXPORTS_UP =
      Pattern.compile(
          "\\bexports\\.up\\s*=|\\bexport\\s+(async\\s+)?function\\s+up\\b|\\bexport\\s+const\\s+up\\b"
              + "|\\bmodule\\.exports\\s*=\\s*\\{[^}]*\\bup\\b|\\bexports\\s*=\\s*\\{[^}]*\\bup\\b");
  private static final Pattern KNEX =
      Pattern.compile("(?i)\\bknex\\b|\\.schema\\s*\\.\\s*(create|alter|drop)Table\\b");
  private static final Pattern CLIENT = Pattern.compile("\\bclient\\s*:\\s*[\"'`]([A-Za-z0-9_-]+)");

  @Override
  public String id() {
    return "knex";
  }

  @Override
  public boolean candidate(Path relative) {
    return JsFiles.script(relative) && JsFiles.inMigrationsDirectory(relative);
  }

  @Override
  public boolean accepts(Path relative, String content) {
    return EXPORTS_UP.matcher(content).find()
        && KNEX.matcher(content).find()
        && !TypeOrmMigrations.looksLike(content);
  }

  @Override
  public Frontend frontend(Path relative, Dialect dialect, Project project) {
    Dialect d =
        dialect == Dialect.GENERIC ? client(relative, project).orElse(Dialect.GENERIC) : dialect;
    return source -> KnexWalker.parse(source, d);
  }

  /** The client named in the nearest knexfile, from the migration's directory up to the root. */
  static Optional<Dialect> client(Path relative, Project project) {
    for (Path dir = relative.getParent(); ; dir = dir.getParent()) {
      for (String name :
          new String[] {"knexfile.js", "knexfile.ts", "knexfile.cjs", "knexfile.mjs"}) {
        Optional<String> text = project.read(dir == null ? Path.of(name) : dir.resolve(name));
        if (text.isPresent()) {
          Matcher m = CLIENT.matcher(text.get());
          while (m.find()) {
            Optional<Dialect> d = dialectOf(m.group(1));
            if (d.isPresent()) {
              return d;
            }
          }
        }
      }
      if (dir == null) {
        return Optional.empty();
      }
    }
  }

  static Optional<Dialect> dialectOf(String client) {
    String c = client.toLowerCase(Locale.ROOT);
    if (c.equals("pg")
        || c.startsWith("postgres")
        || c.equals("pg-native")
        || c.equals("cockroachdb")) {
      return Optional.of(Dialect.POSTGRESQL);
    }
    if (c.startsWith("mysql") || c.equals("mariadb")) {
      return Optional.of(Dialect.MYSQL);
    }
    if (c.contains("sqlite")) {
      return Optional.of(Dialect.SQLITE);
    }
    return Optional.empty();
  }
}
