package dev.airlock.migrations.sqlfiles;

import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.Project;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The database a Flyway migration targets, from the JDBC URL in the nearest configuration: from
 * the migration's directory upwards, {@code flyway.conf} / {@code conf/flyway.conf} ({@code
 * flyway.url}), {@code flyway.toml} / {@code conf/flyway.toml} ({@code url}), Spring's {@code
 * application.properties} / {@code application.yml} ({@code spring.flyway.url}, else {@code
 * spring.datasource.url}), also under {@code src/main/resources}.
 */
final class FlywayConfig {
  private static final Pattern JDBC = Pattern.compile("jdbc:(?:tc:)?([A-Za-z0-9]+):");
  private static final List<String> PROPERTY_KEYS =
      List.of("flyway.url", "spring.flyway.url", "spring.datasource.url", "spring.datasource.jdbc-url", "spring.datasource.jdbcUrl");

  private FlywayConfig() {}

  static Optional<Dialect> dialect(Path migration, Project project) {
    for (Path dir = migration.getParent(); ; dir = dir.getParent()) {
      Path d = dir == null ? Path.of("") : dir;
      for (String name : List.of("flyway.conf", "conf/flyway.conf", "flyway.properties")) {
        Optional<Dialect> found = project.read(d.resolve(name)).flatMap(FlywayConfig::fromProperties);
        if (found.isPresent()) {
          return found;
        }
      }
      for (String name : List.of("flyway.toml", "conf/flyway.toml")) {
        Optional<Dialect> found = project.read(d.resolve(name)).flatMap(t -> Toml.value(t, "url")).flatMap(FlywayConfig::ofUrl);
        if (found.isPresent()) {
          return found;
        }
      }
      for (String prefix : List.of("", "src/main/resources/", "config/", "src/main/resources/config/")) {
        Optional<Dialect> found = project.read(d.resolve(prefix + "application.properties")).flatMap(FlywayConfig::fromProperties);
        if (found.isEmpty()) {
          found = project.read(d.resolve(prefix + "application.yml")).or(() -> project.read(d.resolve(prefix + "application.yaml"))).flatMap(FlywayConfig::fromYaml);
        }
        if (found.isPresent()) {
          return found;
        }
      }
      if (dir == null) {
        return Optional.empty();
      }
    }
  }

  static Optional<Dialect> fromProperties(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    for (String key : PROPERTY_KEYS) {
      String url = p.getProperty(key);
      if (url != null) {
        Optional<Dialect> d = ofUrl(url);
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.empty();
  }

  static Optional<Dialect> fromYaml(String text) {
    try {
      for (Object doc : new Yaml(new LoaderOptions()).loadAll(text)) {
        if (doc instanceof Map<?, ?> map) {
          for (String key : PROPERTY_KEYS) {
            Optional<Dialect> d = lookup(map, key).flatMap(FlywayConfig::ofUrl);
            if (d.isPresent()) {
              return d;
            }
          }
        }
      }
    } catch (YAMLException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** {@code spring.datasource.url} in nested or dotted keys. */
  private static Optional<String> lookup(Map<?, ?> map, String dotted) {
    Object direct = map.get(dotted);
    if (direct != null) {
      return Optional.of(direct.toString());
    }
    int dot = dotted.indexOf('.');
    while (dot > 0) {
      Object head = map.get(dotted.substring(0, dot));
      if (head instanceof Map<?, ?> inner) {
        Optional<String> v = lookup(inner, dotted.substring(dot + 1));
        if (v.isPresent()) {
          return v;
        }
      }
      dot = dotted.indexOf('.', dot + 1);
    }
    return Optional.empty();
  }

  /** The dialect of a JDBC URL (also inside a {@code ${DB_URL:jdbc:...}} placeholder). */
  static Optional<Dialect> ofUrl(String url) {
    Matcher m = JDBC.matcher(url);
    if (!m.find()) {
      return Optional.empty();
    }
    String db = m.group(1).toLowerCase(Locale.ROOT);
    return switch (db) {
      case "postgresql", "pgsql", "redshift", "cockroachdb" -> Optional.of(Dialect.POSTGRESQL);
      case "mysql", "mariadb" -> Optional.of(Dialect.MYSQL);
      case "sqlite" -> Optional.of(Dialect.SQLITE);
      case "h2", "hsqldb", "derby" -> modeOf(url);
      default -> Optional.of(Dialect.GENERIC);
    };
  }

  /** An in-memory database stands in for the real one; its MODE says which, if any. */
  private static Optional<Dialect> modeOf(String url) {
    Matcher m = Pattern.compile("(?i);MODE=(\\w+)").matcher(url);
    return m.find() ? Dialect.parse(m.group(1)) : Optional.empty();
  }
}
