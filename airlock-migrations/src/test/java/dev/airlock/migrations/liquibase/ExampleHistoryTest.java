package dev.airlock.migrations.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.policy.Config;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Recall and noise on the example history in {@code examples/migrations/liquibase}: every finding
 * the history should raise is listed per file, and nothing else may fire.
 */
class ExampleHistoryTest {
  static final Path ROOT = findRoot().resolve("examples/migrations/liquibase");

  private static final String DIR = "src/main/resources/db/changelog/";

  /** Expected rule ids per file, in the order of the findings. */
  private static final Map<String, List<String>> EXPECTED =
      Map.ofEntries(
          Map.entry(DIR + "db.changelog-master.xml", List.of()),
          Map.entry(DIR + "changes/001-init-schema.xml", List.of()),
          Map.entry(DIR + "changes/002-customers.yaml", List.of()),
          Map.entry(DIR + "changes/003-orders.yaml", List.of()),
          Map.entry(DIR + "changes/004-products.json", List.of()),
          Map.entry(DIR + "changes/005-indexes.xml", List.of("drop-index")),
          Map.entry(DIR + "changes/006-seed-reference-data.sql", List.of()),
          Map.entry(DIR + "changes/007-drop-legacy-order-id.xml",
              List.of("drop-column", "irreversible-migration", "drop-table", "irreversible-migration", "drop-constraint")),
          Map.entry(DIR + "changes/008-reporting-views.sql", List.of("drop-view")),
          Map.entry(DIR + "changes/009-cleanup-sessions.yaml",
              List.of("delete-rows", "delete-rows", "drop-column", "irreversible-migration")),
          Map.entry(DIR + "changes/010-money-precision.xml", List.of("alter-column-type", "alter-column-type", "update-rows")),
          Map.entry(DIR + "changes/011-audit-log.json", List.of("data-migration")),
          Map.entry(DIR + "changes/012-archive-invoices.sql", List.of("delete-rows", "drop-table")),
          Map.entry(DIR + "changes/013-rename-sku.yaml", List.of("rename-column")));

  @Test
  void everyDestructiveChangeIsFoundAndNothingElse() {
    long t0 = System.nanoTime();
    Map<String, List<String>> actual = scan(ROOT, new LiquibaseFormat(), Dialect.POSTGRESQL);
    double seconds = (System.nanoTime() - t0) / 1e9;
    int findings = actual.values().stream().mapToInt(List::size).sum();
    System.out.printf(
        "liquibase example history: %d changelogs, %d findings, %.0f files/s%n", actual.size(), findings, actual.size() / seconds);
    assertThat(actual).isEqualTo(new TreeMap<>(EXPECTED));
  }

  /** Checks every file the format accepts under {@code root}; rule ids per relative path. */
  static Map<String, List<String>> scan(Path root, MigrationFormat format, Dialect dialect) {
    Map<String, List<String>> out = new TreeMap<>();
    Project project = project(root);
    Checker checker = new Checker(Config.defaults());
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        Path rel = root.relativize(file);
        String text = Files.readString(file);
        if (!format.candidate(rel) || !format.accepts(rel, text)) {
          continue;
        }
        FileReport report = checker.check(new SourceText(rel.toString(), text), format.frontend(rel, dialect, project));
        List<String> ids = new ArrayList<>();
        for (Finding f : report.findings()) {
          ids.add(f.rule().id());
          if (Boolean.getBoolean("airlock.examples.print")) {
            System.out.println(rel + ":" + f.span() + " " + f.rule().id() + " " + f.message()
                + f.generatedSql().map(s -> "\n    -> " + s.replace("\n", "\n       ")).orElse(""));
          }
        }
        out.put(rel.toString().replace('\\', '/'), ids);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Project project(Path root) {
    return new Project() {
      @Override
      public Optional<String> read(Path relative) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) {
          return Optional.empty();
        }
        try {
          return Optional.of(Files.readString(p));
        } catch (IOException e) {
          return Optional.empty();
        }
      }

      @Override
      public List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(root.resolve(dir))) {
          return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        } catch (IOException e) {
          return List.of();
        }
      }
    };
  }

  private static Path findRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("examples"))) {
      p = p.getParent();
    }
    return p == null ? Path.of("..") : p;
  }
}
