package dev.airlock.migrations.jvm;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spring Boot, Hibernate, JPA and Flyway settings that destroy or silently change schemas:
 * {@code spring.jpa.hibernate.ddl-auto}, {@code hibernate.hbm2ddl.auto}, the JPA schema-generation
 * action, {@code spring.flyway.clean-disabled}, {@code spring.liquibase.drop-first} and friends.
 */
public final class SpringSettingsFormat implements MigrationFormat {
  private static final Pattern NAME =
      Pattern.compile(
          "(?:application|bootstrap)(?:-[\\w.-]+)?\\.(?:properties|ya?ml)|persistence\\.xml|hibernate(?:[\\w.-]*)\\.(?:cfg\\.xml|xml|properties)|[\\w.-]*\\.cfg\\.xml|applicationcontext[\\w.-]*\\.xml|flyway[\\w.-]*\\.(?:conf|properties)|gradle\\.properties");

  @Override
  public String id() {
    return SpringSettingsFrontend.FORMAT;
  }

  @Override
  public boolean candidate(Path relative) {
    return relative.getFileName() != null && NAME.matcher(relative.getFileName().toString().toLowerCase(Locale.ROOT)).matches();
  }

  @Override
  public boolean accepts(Path relative, String content) {
    String c = content.toLowerCase(Locale.ROOT);
    return c.contains("ddl") || c.contains("schema") || c.contains("clean") || c.contains("drop");
  }

  @Override
  public Frontend frontend(Path relative, Dialect dialect, Project project) {
    return new SpringSettingsFrontend(relative);
  }
}
