package dev.airlock.migrations.rails;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.policy.Config;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
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
 * The example shop's migration history (examples/migrations/rails): every destructive migration
 * is found with the expected rules, and the harmless ones stay silent. Prints the figures the
 * issue asks for (files, statements, findings, files/s).
 */
class RailsHistoryTest {
  private static final Path ROOT = Path.of("..", "examples", "migrations", "rails");

  /** Expected rule ids per file; a leading "~" marks a suppressed finding. Files not listed: none. */
  private static final Map<String, List<String>> EXPECTED =
      Map.ofEntries(
          Map.entry("20230214101000_backfill_order_channel.rb", List.of("update-rows")),
          Map.entry("20230301120000_remove_legacy_order_id_from_orders.rb",
              List.of("drop-index", "drop-column", "irreversible-migration")),
          Map.entry("20230320084500_drop_abandoned_carts.rb", List.of("drop-table")),
          Map.entry("20230412110000_tidy_customers.rb", List.of("drop-column", "rename-column")),
          Map.entry("20230505093000_purge_stale_sessions.rb", List.of("delete-rows")),
          Map.entry("20230601140000_remove_coupon_from_orders.rb", List.of("drop-column")),
          Map.entry("20230712100000_remove_legacy_sku_from_products.rb", List.of("~drop-column")),
          Map.entry("20230815120000_change_products_price_to_decimal.rb",
              List.of("update-without-where", "alter-column-type")),
          Map.entry("20230920090000_drop_status_index_on_orders.rb", List.of("drop-index")),
          Map.entry("20231018150000_rename_line_items_to_order_items.rb", List.of("rename-table")),
          Map.entry("20231102101500_drop_products_tags.rb", List.of("drop-table")),
          Map.entry("20231201083000_remove_legacy_credentials_from_users.rb",
              List.of("drop-column", "drop-column", "irreversible-migration")),
          Map.entry("20240110120000_delete_spam_reviews.rb", List.of("delete-rows", "irreversible-migration")));

  @Test
  void everyDestructiveMigrationIsFoundAndNothingElse() throws IOException {
    RailsMigrations format = new RailsMigrations();
    Project project = project();
    Checker checker = new Checker(Config.defaults());
    List<Path> files = files();
    assertThat(files).hasSizeGreaterThanOrEqualTo(30);
    Map<String, List<String>> actual = new TreeMap<>();
    int statements = 0;
    int findings = 0;
    for (Path file : files) {
      Path relative = ROOT.relativize(file);
      String text = Files.readString(file);
      assertThat(format.candidate(relative) && format.accepts(relative, text)).as(relative.toString()).isTrue();
      FileReport report = checker.check(new SourceText(relative.toString(), text),
          format.frontend(relative, Dialect.GENERIC, project));
      statements += report.statements();
      findings += report.findings().size();
      List<String> ids = new ArrayList<>();
      for (Finding f : report.findings()) {
        ids.add((f.suppression().isPresent() ? "~" : "") + f.rule().id());
        assertThat(f.generatedSql().isPresent() || f.rule().id().equals("irreversible-migration"))
            .as("generated SQL of " + f.rule().id() + " in " + relative).isTrue();
      }
      if (!ids.isEmpty()) {
        actual.put(file.getFileName().toString(), ids);
      }
    }
    assertThat(actual).isEqualTo(new TreeMap<>(EXPECTED));

    int rounds = 20;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      for (Path file : files) {
        Path relative = ROOT.relativize(file);
        checker.check(new SourceText(relative.toString(), Files.readString(file)),
            format.frontend(relative, Dialect.POSTGRESQL, project));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("rails history: %d files, %d ORM statements, %d findings in %d destructive files; %.0f files/s%n",
        files.size(), statements, findings, EXPECTED.size(), files.size() * rounds / seconds);
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(ROOT.resolve("db/migrate"))) {
      return s.filter(p -> p.toString().endsWith(".rb")).sorted().toList();
    }
  }

  private static Project project() {
    return new Project() {
      @Override
      public Optional<String> read(Path relative) {
        try {
          Path p = ROOT.resolve(relative);
          return Files.isRegularFile(p) ? Optional.of(Files.readString(p)) : Optional.empty();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public List<Path> list(Path relativeDirectory) {
        return List.of();
      }
    };
  }
}
