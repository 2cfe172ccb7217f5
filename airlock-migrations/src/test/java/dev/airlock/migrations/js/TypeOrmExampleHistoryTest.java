package dev.airlock.migrations.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The example shop's TypeORM history (examples/migrations/typeorm): every destructive migration is
 * found with the expected rules, and the harmless ones stay silent. Prints files, statements,
 * findings and files/s.
 */
class TypeOrmExampleHistoryTest {
  private static final Path ROOT = Path.of("..", "examples", "migrations", "typeorm");

  /** Expected rule ids per file; "~" marks a suppressed finding. Files not listed: none. */
  private static final Map<String, List<String>> EXPECTED =
      Map.ofEntries(
          Map.entry("1676000000000-AddOrderChannel.ts", List.of("update-rows")),
          Map.entry(
              "1677600000000-RemoveLegacyOrderId.ts",
              List.of("drop-column", "irreversible-migration")),
          Map.entry("1679300000000-DropCoupon.ts", List.of("drop-table", "irreversible-migration")),
          Map.entry("1681300000000-RenameUserName.ts", List.of("rename-column")),
          Map.entry(
              "1683300000000-PurgeExpiredSessions.ts",
              List.of("delete-rows", "irreversible-migration")),
          Map.entry(
              "1688100000000-ProductPriceLength.ts",
              List.of("drop-column", "irreversible-migration")),
          Map.entry("1690000000000-RemoveOldPrice.ts", List.of("~drop-column")),
          Map.entry(
              "1694000000000-DropUserLegacyToken.ts",
              List.of("drop-constraint", "drop-column", "irreversible-migration")),
          Map.entry(
              "1696000000000-DeleteSpamReviews.ts",
              List.of("delete-rows", "irreversible-migration")));

  @Test
  void everyDestructiveMigrationIsFoundAndNothingElse() throws IOException {
    HistoryRun run = HistoryRun.of(ROOT, Path.of("src", "migrations"), new TypeOrmMigrations());
    assertThat(run.files).isGreaterThanOrEqualTo(15);
    assertThat(run.actual).isEqualTo(new TreeMap<>(EXPECTED));
    System.out.printf(
        "typeorm history: %d files, %d ORM statements, %d findings in %d files; %.0f files/s%n",
        run.files, run.statements, run.findings, run.actual.size(), run.filesPerSecond);
  }
}
