package dev.airlock.migrations.django;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.policy.Config;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.python.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scores the frontend on the example history in {@code examples/migrations/django}: every
 * destructive migration must be found, and nothing else may be reported.
 */
class DjangoExampleHistoryTest {
  static final Path ROOT = Path.of("../examples/migrations/django");

  /** file -> the rule ids its findings must have (unsuppressed), in position order. */
  static final Map<String, List<String>> EXPECTED =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(
                  "accounts/migrations/0006_rename_phone_number_customer_phone.py",
                  List.of("rename-column")),
              Map.entry(
                  "accounts/migrations/0008_alter_customer_table.py", List.of("rename-table")),
              Map.entry(
                  "accounts/migrations/0010_remove_customer_marketing_opt_in.py",
                  List.of("drop-column")),
              Map.entry("shop/migrations/0008_backfill_order_totals.py", List.of("data-migration")),
              Map.entry("shop/migrations/0018_set_paid_at.py", List.of("update-rows")),
              Map.entry(
                  "shop/migrations/0019_alter_product_price.py",
                  List.of("alter-column-type", "alter-column-type")),
              Map.entry(
                  "shop/migrations/0026_purge_abandoned_wishlists.py",
                  List.of("delete-rows", "data-migration")),
              Map.entry("shop/migrations/0027_delete_wishlist.py", List.of("drop-table")),
              Map.entry(
                  "shop/migrations/0028_alter_review_unique_together.py",
                  List.of("drop-constraint")),
              Map.entry(
                  "shop/migrations/0029_rename_orderline_orderitem.py", List.of("rename-table")),
              Map.entry(
                  "shop/migrations/0030_remove_product_sku_active_idx.py", List.of("drop-index")),
              Map.entry(
                  "shop/migrations/0031_drop_daily_sales_view.py",
                  List.of("delete-rows", "drop-view")),
              Map.entry("shop/migrations/0033_remove_coupon_check.py", List.of("drop-constraint")),
              Map.entry(
                  "shop/migrations/0034_product_weight_decimal.py",
                  List.of("alter-column-type", "rename-column")),
              Map.entry(
                  "shop/migrations/0042_remove_order_legacy_order_id.py", List.of("drop-column"))));

  @Test
  void everyDestructiveMigrationIsFoundAndNothingElse() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(ROOT)) {
      files =
          s.filter(Files::isRegularFile)
              .map(ROOT::relativize)
              .filter(p -> new DjangoFormat().candidate(p))
              .sorted()
              .toList();
    }
    DjangoFormat format = new DjangoFormat();
    TestProject project = TestProject.on(ROOT);
    Checker checker = new Checker(Config.defaults());
    Map<String, List<String>> actual = new TreeMap<>();
    int statements = 0;
    long t0 = System.nanoTime();
    StringBuilder shown = new StringBuilder();
    for (Path p : files) {
      String text = Files.readString(ROOT.resolve(p));
      assertThat(format.accepts(p, text)).as(p.toString()).isTrue();
      FileReport r =
          checker.check(
              new SourceText(p.toString(), text), format.frontend(p, Dialect.POSTGRESQL, project));
      statements += r.statements();
      List<String> ids =
          r.findings().stream()
              .filter(f -> f.suppression().isEmpty())
              .map(f -> f.rule().id())
              .toList();
      if (!ids.isEmpty()) {
        actual.put(p.toString().replace('\\', '/'), ids);
      }
      for (Finding f : r.findings()) {
        shown
            .append(p)
            .append(':')
            .append(f.span())
            .append(' ')
            .append(f.rule().id())
            .append(f.suppression().isPresent() ? " (allowed)" : "")
            .append(": ")
            .append(f.message())
            .append('\n')
            .append("    ")
            .append(f.generatedSql().orElse("").replace("\n", "\n    "))
            .append('\n');
      }
    }
    double cold = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    DjangoFormat fresh = new DjangoFormat();
    TestProject again = TestProject.on(ROOT);
    for (Path p : files) {
      String text = Files.readString(ROOT.resolve(p));
      checker.check(
          new SourceText(p.toString(), text), fresh.frontend(p, Dialect.POSTGRESQL, again));
    }
    double warm = (System.nanoTime() - t1) / 1e9;
    System.out.printf(
        "django example history: %d files, %d operations, %d files with findings,"
            + " %.0f files/s cold (first run in the JVM), %.0f files/s warm%n%s",
        files.size(), statements, actual.size(), files.size() / cold, files.size() / warm, shown);
    assertThat(files).hasSizeGreaterThanOrEqualTo(50);
    assertThat(actual).isEqualTo(EXPECTED);
  }
}
