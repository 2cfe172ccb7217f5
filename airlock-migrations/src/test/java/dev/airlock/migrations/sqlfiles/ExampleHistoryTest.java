package dev.airlock.migrations.sqlfiles;

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
 * Recall and noise on the example histories in {@code examples/migrations/prisma} and {@code
 * examples/migrations/flyway}: every finding each history should raise, per file, and no other.
 */
class ExampleHistoryTest {
  private static final Path EXAMPLES = findRoot().resolve("examples/migrations");

  @Test
  void prismaHistory() {
    String m = "prisma/migrations/";
    Map<String, List<String>> expected = new TreeMap<>();
    for (String dir :
        List.of("20230912083015_init", "20230920101500_add_profile", "20231002140233_orders", "20231015091122_add_post_slug",
            "20231103170405_coupons", "20231205121314_post_tags", "20240215101010_profile_avatar", "20240402090000_order_audit")) {
      expected.put(m + dir + "/migration.sql", List.of());
    }
    expected.put(m + "20231120080000_drop_legacy_order_id/migration.sql", List.of("drop-column"));
    expected.put(m + "20240110094500_total_precision/migration.sql", List.of("alter-column-type"));
    expected.put(m + "20240201153000_remove_coupons/migration.sql", List.of("drop-table"));
    expected.put(m + "20240301110000_rename_post_content/migration.sql", List.of("rename-column"));
    expected.put(m + "20240318084512_user_role_cleanup/migration.sql", List.of("drop-constraint"));
    assertThat(scan("prisma", new PrismaFormat())).isEqualTo(expected);
  }

  @Test
  void flywayHistory() {
    String m = "src/main/resources/db/migration/";
    Map<String, List<String>> expected = new TreeMap<>();
    for (String f :
        List.of("V1__create_warehouses", "V2__create_items", "V3__seed_warehouses", "V4__stock_movements",
            "V5__items_add_dimensions", "V8__suppliers", "V12__supplier_contacts")) {
      expected.put(m + f + ".sql", List.of());
    }
    expected.put(m + "V6__drop_legacy_sku.sql", List.of("drop-column"));
    expected.put(m + "V7__widen_title.sql", List.of("alter-column-type"));
    expected.put(m + "V9__purge_test_movements.sql", List.of("delete-rows"));
    expected.put(m + "V10__rename_movements.sql", List.of("rename-table"));
    expected.put(m + "V11__drop_stock_levels.sql", List.of("drop-constraint", "drop-table"));
    expected.put(m + "V13__items_normalise_sku.sql", List.of("update-without-where"));
    expected.put(m + "R__views.sql", List.of("update-rows"));
    expected.put(m + "U12__supplier_contacts.sql", List.of("drop-table"));
    assertThat(scan("flyway", new FlywayFormat())).isEqualTo(expected);
  }

  private static Map<String, List<String>> scan(String ecosystem, MigrationFormat format) {
    Path root = EXAMPLES.resolve(ecosystem);
    Map<String, List<String>> out = new TreeMap<>();
    Project project = project(root);
    Checker checker = new Checker(Config.defaults());
    long t0 = System.nanoTime();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        Path rel = root.relativize(file);
        String text = Files.readString(file);
        if (!format.candidate(rel) || !format.accepts(rel, text)) {
          continue;
        }
        FileReport report = checker.check(new SourceText(rel.toString(), text), format.frontend(rel, Dialect.GENERIC, project));
        List<String> ids = new ArrayList<>();
        for (Finding f : report.findings()) {
          ids.add(f.rule().id());
          if (Boolean.getBoolean("airlock.examples.print")) {
            System.out.println(rel + ":" + f.span() + " " + f.rule().id() + " " + f.message() + f.within().map(w -> " [" + w + "]").orElse(""));
          }
        }
        out.put(rel.toString().replace('\\', '/'), ids);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%s example history: %d files, %d findings, %.0f files/s%n",
        ecosystem, out.size(), out.values().stream().mapToInt(List::size).sum(), out.size() / seconds);
    return out;
  }

  private static Project project(Path root) {
    return new Project() {
      @Override
      public Optional<String> read(Path relative) {
        Path p = root.resolve(relative).normalize();
        try {
          return p.startsWith(root) && Files.isRegularFile(p) ? Optional.of(Files.readString(p)) : Optional.empty();
        } catch (IOException e) {
          return Optional.empty();
        }
      }

      @Override
      public List<Path> list(Path dir) {
        return List.of();
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
