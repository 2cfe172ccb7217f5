package dev.airlock.migrations.jvm;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Build files, scripts and CI pipelines that can wipe a schema: {@code pom.xml}, Gradle scripts,
 * shell scripts, Makefiles, GitHub Actions / GitLab CI / CircleCI / Bitbucket / Azure / Travis /
 * Drone pipelines, docker-compose files and Jenkinsfiles. A file is taken only when it mentions
 * Flyway, Liquibase or a DDL setting at all.
 */
public final class BuildScriptsFormat implements MigrationFormat {
  private static final Pattern NAME =
      Pattern.compile(
          "pom\\.xml|.*\\.gradle(?:\\.kts)?|jenkinsfile.*|.*\\.jenkinsfile|makefile|gnumakefile|.*\\.mk|.*\\.(?:sh|bash|zsh)"
              + "|\\.gitlab-ci\\.ya?ml|bitbucket-pipelines\\.ya?ml|azure-pipelines.*\\.ya?ml|\\.travis\\.ya?ml|\\.drone\\.ya?ml"
              + "|(?:docker-)?compose.*\\.ya?ml");
  private static final Pattern CI_DIR = Pattern.compile("(?:^|.*/)(?:\\.github/workflows|\\.gitlab|\\.circleci|\\.buildkite|ci|\\.ci)/[^/]*\\.ya?ml");

  @Override
  public String id() {
    return BuildScriptsFrontend.FORMAT;
  }

  @Override
  public boolean candidate(Path relative) {
    if (relative.getFileName() == null) {
      return false;
    }
    String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
    String path = relative.toString().replace('\\', '/');
    return NAME.matcher(name).matches() || CI_DIR.matcher(path).matches();
  }

  @Override
  public boolean accepts(Path relative, String content) {
    String c = content.toLowerCase(Locale.ROOT);
    return c.contains("flyway") || c.contains("liquibase") || c.contains("dropall") || c.contains("drop-all") || c.contains("ddl");
  }

  @Override
  public Frontend frontend(Path relative, Dialect dialect, Project project) {
    return new BuildScriptsFrontend(BuildScriptsFrontend.kindOf(relative));
  }
}
