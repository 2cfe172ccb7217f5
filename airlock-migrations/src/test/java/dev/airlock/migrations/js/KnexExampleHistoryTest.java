package dev.airlock.migrations.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The example shop's Knex history (examples/migrations/knex): every destructive migration is found
 * with the expected rules, and the harmless ones stay silent. Prints files, statements, findings
 * and files/s.
 */
class KnexExampleHistoryTest {
  private static final Path ROOT = Path.of("..", "examples", "migrations", "knex");

  /** Expected rule ids per file; "~" marks a suppressed finding. Files not listed: none. */
  private static final Map<String, List<String>> EXPECTED =
      Map.ofEntries(
          Map.entry("20230214101000_add_channel_to_orders.js", List.of("update-rows")),
          Map.entry(
              "20230301120000_remove_legacy_order_id.js",
              List.of("drop-index", "drop-column", "irreversible-migration")),
          Map.entry("20230320084500_drop_abandoned_carts.js", List.of("drop-table")),
          Map.entry(
              "20230412110000_tidy_customers.js",
              List.of("rename-column", "drop-column", "irreversible-migration")),
          Map.entry(
              "20230505093000_purge_expired_sessions.js",
              List.of("delete-rows", "irreversible-migration")),
          Map.entry("20230712100000_remove_legacy_sku.js", List.of("~drop-column")),
          Map.entry(
              "20230815120000_price_to_decimal.js",
              List.of("alter-column-type", "update-without-where")),
          Map.entry("20231018150000_rename_line_items.js", List.of("rename-table")),
          Map.entry(
              "20231102101500_drop_product_tags.js",
              List.of("update-without-where", "drop-table", "irreversible-migration")),
          Map.entry(
              "20240110120000_delete_spam_reviews.js",
              List.of("irreversible-migration", "delete-rows")),
          Map.entry(
              "20240202100000_clear_audit_log.js", List.of("truncate", "irreversible-migration")));

  @Test
  void everyDestructiveMigrationIsFoundAndNothingElse() throws IOException {
    HistoryRun run = HistoryRun.of(ROOT, Path.of("migrations"), new KnexMigrations());
    assertThat(run.files).isGreaterThanOrEqualTo(15);
    assertThat(run.actual).isEqualTo(new TreeMap<>(EXPECTED));
    System.out.printf(
        "knex history: %d files, %d ORM statements, %d findings in %d files; %.0f files/s%n",
        run.files, run.statements, run.findings, run.actual.size(), run.filesPerSecond);
  }
}
