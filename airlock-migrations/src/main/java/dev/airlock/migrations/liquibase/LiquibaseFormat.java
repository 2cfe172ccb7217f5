package dev.airlock.migrations.liquibase;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Liquibase changelogs: XML, YAML and JSON files whose top element is {@code databaseChangeLog},
 * and SQL files that start with {@code --liquibase formatted sql}.
 */
public final class LiquibaseFormat implements MigrationFormat {
  private static final Pattern YAML_KEY = Pattern.compile("(?m)^\\s*[\"']?databaseChangeLog[\"']?\\s*:");
  private static final Pattern XML_ROOT = Pattern.compile("<(\\w+:)?databaseChangeLog[\\s>/]");

  @Override
  public String id() {
    return "liquibase";
  }

  @Override
  public boolean candidate(Path relative) {
    String n = name(relative);
    return n.endsWith(".xml") || n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || n.endsWith(".sql");
  }

  @Override
  public boolean accepts(Path relative, String content) {
    String n = name(relative);
    if (n.endsWith(".sql")) {
      return FormattedSql.isFormattedSql(content);
    }
    if (n.endsWith(".xml")) {
      return XML_ROOT.matcher(content).find();
    }
    if (n.endsWith(".json")) {
      return content.contains("\"databaseChangeLog\"");
    }
    return YAML_KEY.matcher(content).find();
  }

  @Override
  public Frontend frontend(Path relative, Dialect dialect, Project project) {
    return new LiquibaseFrontend(relative, dialect, project);
  }

  private static String name(Path p) {
    return p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
  }
}
