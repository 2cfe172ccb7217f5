package dev.airlock.migrations.js;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TypeORM migrations: TypeScript or JavaScript classes implementing {@code MigrationInterface} (or
 * with an {@code up(queryRunner)} method) in a migrations directory or named {@code
 * <timestamp>-<Name>.ts}. When no dialect is forced, the {@code type} of the project's data source
 * ({@code ormconfig.*}, {@code data-source.ts}) picks the SQL that is shown.
 */
public final class TypeOrmMigrations implements MigrationFormat {
  private static final Pattern TIMESTAMPED = Pattern.compile("\\d{10,}-.+");
  private static final Pattern MIGRATION =
      Pattern.compile("\\bMigrationInterface\\b|\\bup\\s*\\(\\s*queryRunner\\b|\\bQueryRunner\\b");
  private static final Pattern TYPE =
      Pattern.compile(
          "\\b(?:type|\"type\")\\s*:\\s*[\"'`]([A-Za-z0-9_-]+)[\"'`]|^\\s*TYPEORM_CONNECTION\\s*=\\s*(\\S+)",
          Pattern.MULTILINE);
  private static final List<String> CONFIGS =
      List.of(
          "ormconfig.json",
          "ormconfig.js",
          "ormconfig.ts",
          "ormconfig.yml",
          "ormconfig.yaml",
          "ormconfig.env",
          "data-source.ts",
          "data-source.js",
          "src/data-source.ts",
          "src/data-source.js",
          "src/db/data-source.ts",
          "src/database/data-source.ts",
          "typeorm.config.ts",
          "src/typeorm.config.ts",
          "src/config/typeorm.config.ts");

  @Override
  public String id() {
    return "typeorm";
  }

  @Override
  public boolean candidate(Path relative) {
    if (!JsFiles.script(relative)) {
      return false;
    }
    String name = relative.getFileName().toString();
    return JsFiles.inMigrationsDirectory(relative) || TIMESTAMPED.matcher(name).matches();
  }

  @Override
  public boolean accepts(Path relative, String content) {
    return looksLike(content);
  }

  static boolean looksLike(String content) {
    return MIGRATION.matcher(content).find();
  }

  @Override
  public Frontend frontend(Path relative, Dialect dialect, Project project) {
    Dialect d = dialect == Dialect.GENERIC ? driver(project).orElse(Dialect.GENERIC) : dialect;
    return source -> TypeOrmWalker.parse(source, d);
  }

  /** The driver type of the project's data source. */
  static Optional<Dialect> driver(Project project) {
    for (String config : CONFIGS) {
      Optional<String> text = project.read(Path.of(config));
      if (text.isEmpty()) {
        continue;
      }
      Matcher m = TYPE.matcher(text.get());
      while (m.find()) {
        String type = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
        if (type.equals("postgres")
            || type.equals("cockroachdb")
            || type.equals("aurora-postgres")) {
          return Optional.of(Dialect.POSTGRESQL);
        }
        if (type.equals("mysql") || type.equals("mariadb") || type.equals("aurora-mysql")) {
          return Optional.of(Dialect.MYSQL);
        }
        if (type.contains("sqlite")
            || type.equals("sqljs")
            || type.equals("capacitor")
            || type.equals("expo")) {
          return Optional.of(Dialect.SQLITE);
        }
      }
    }
    return Optional.empty();
  }
}
