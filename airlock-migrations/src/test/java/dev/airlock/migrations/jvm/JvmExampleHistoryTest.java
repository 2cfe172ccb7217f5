package dev.airlock.migrations.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.policy.Config;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlFrontend;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scores the JVM frontends on the example Spring Boot project in {@code
 * examples/migrations/jvm}: every destructive operation listed in its README is found (recall)
 * and nothing else is reported (false positives). Prints the figures.
 */
class JvmExampleHistoryTest {
  private static final List<MigrationFormat> FORMATS = List.of(new FlywayJavaFormat(), new SpringSettingsFormat(), new BuildScriptsFormat());

  private static final List<String> EXPECTED =
      List.of(
          ".github/workflows/ci.yml:38 schema-wipe",
          "Makefile:14 schema-wipe",
          "pom.xml:70 schema-wipe",
          "pom.xml:77 schema-wipe",
          "scripts/reset-db.sh:9 schema-wipe",
          "src/main/java/db/migration/V10__SplitCustomerNames.java:15 update-rows",
          "src/main/java/db/migration/V13__PurgeExpiredSessions.java:14 delete-rows",
          "src/main/java/db/migration/V13__PurgeExpiredSessions.java:16 drop-table",
          "src/main/java/db/migration/V7__BackfillAndCleanup.java:33 drop-column",
          "src/main/java/db/migration/V7__BackfillAndCleanup.java:34 delete-without-where",
          "src/main/java/db/migration/V7__BackfillAndCleanup.java:35 drop-table",
          "src/main/resources/application.yml:27 auto-ddl",
          "src/main/resources/db/migration/V12__rename_order_status.sql:1 rename-column",
          "src/main/resources/db/migration/V15__product_description.sql:2 update-rows",
          "src/main/resources/db/migration/V9__drop_fax_number.sql:2 drop-column");

  static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path candidate = p.resolve("examples/migrations/jvm");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("examples/migrations/jvm not found");
  }

  @Test
  void everyDestructiveOperationAndNothingElse() throws IOException {
    Path root = root();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    Checker checker = new Checker(Config.defaults());
    TreeSet<String> found = new TreeSet<>();
    List<String> suppressed = new ArrayList<>();
    int scanned = 0;
    int statements = 0;
    long t0 = System.nanoTime();
    for (Path file : files) {
      Path rel = root.relativize(file);
      String text = Files.readString(file);
      Optional<Frontend> frontend = frontend(rel, text);
      if (frontend.isEmpty()) {
        continue;
      }
      scanned++;
      FileReport report = checker.check(new SourceText(rel.toString().replace('\\', '/'), text), frontend.get());
      statements += report.statements();
      for (Finding f : report.findings()) {
        String key = report.path() + ":" + f.span().startLine() + " " + f.rule().id();
        if (f.suppression().isPresent()) {
          suppressed.add(key);
        } else {
          found.add(key);
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "jvm example: %d files in the tree, %d scanned, %d statements, %d findings at %d places (+%d suppressed), %.0f files/s%n",
        files.size(), scanned, statements, found.size(), found.size(), suppressed.size(), scanned / seconds);
    found.forEach(f -> System.out.println("  " + f));
    suppressed.forEach(f -> System.out.println("  suppressed " + f));
    assertThat(found).containsExactlyElementsOf(new TreeSet<>(EXPECTED));
    // flyway:clean and -Dflyway.cleanDisabled=false in the acknowledged CI step
    assertThat(suppressed).containsExactly(".github/workflows/ci.yml:32 schema-wipe", ".github/workflows/ci.yml:32 schema-wipe");
  }

  private static Optional<Frontend> frontend(Path rel, String text) {
    for (MigrationFormat f : FORMATS) {
      if (f.candidate(rel) && f.accepts(rel, text)) {
        return Optional.of(f.frontend(rel, Dialect.POSTGRESQL, Project.none()));
      }
    }
    if (rel.toString().endsWith(".sql")) {
      return Optional.of(new SqlFrontend(Dialect.POSTGRESQL));
    }
    return Optional.empty();
  }
}
