package dev.airlock.migrations.alembic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.policy.Config;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scores the frontend on {@code examples/migrations/alembic}: every destructive revision found,
 * nothing else reported.
 */
class AlembicExampleHistoryTest {
  static final Path ROOT = Path.of("../examples/migrations/alembic");

  static final Map<String, List<String>> EXPECTED =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("6f708192a3b4_widen_user_email.py", List.of("alter-column-type")),
              Map.entry("8192a3b4c5d6_backfill_fullname.py", List.of("update-rows")),
              Map.entry("a3b4c5d6e7f8_rename_fullname.py", List.of("rename-column")),
              Map.entry(
                  "b4c5d6e7f809_tasks_batch_cleanup.py",
                  List.of("drop-column", "irreversible-migration")),
              Map.entry("d6e7f8091a2b_drop_memberships_fk.py", List.of("drop-constraint")),
              Map.entry(
                  "f8091a2b3c4d_drop_password_hash.py",
                  List.of("drop-column", "irreversible-migration")),
              Map.entry(
                  "091a2b3c4d5e_drop_legacy_sessions.py",
                  List.of("drop-index", "drop-table", "irreversible-migration")),
              Map.entry("1a2b3c4d5e70_task_priority.py", List.of("update-rows")),
              Map.entry("2b3c4d5e6f81_rename_audit_log.py", List.of("rename-table")),
              Map.entry(
                  "3c4d5e6f7092_tasks_status_text.py", List.of("alter-column-type", "drop-type"))));

  @Test
  void everyDestructiveRevisionIsFoundAndNothingElse() throws IOException {
    AlembicFormat format = new AlembicFormat();
    List<Path> files;
    try (Stream<Path> s = Files.walk(ROOT)) {
      files =
          s.filter(Files::isRegularFile)
              .map(ROOT::relativize)
              .filter(format::candidate)
              .sorted()
              .toList();
    }
    Checker checker = new Checker(Config.defaults());
    Map<String, List<String>> actual = new TreeMap<>();
    StringBuilder shown = new StringBuilder();
    int statements = 0;
    long t0 = System.nanoTime();
    for (Path p : files) {
      String text = Files.readString(ROOT.resolve(p));
      assertThat(format.accepts(p, text)).as(p.toString()).isTrue();
      FileReport r =
          checker.check(
              new SourceText(p.toString(), text),
              format.frontend(p, Dialect.POSTGRESQL, Project.none()));
      statements += r.statements();
      List<String> ids =
          r.findings().stream()
              .filter(f -> f.suppression().isEmpty())
              .map(f -> f.rule().id())
              .toList();
      if (!ids.isEmpty()) {
        actual.put(p.getFileName().toString(), ids);
      }
      for (Finding f : r.findings()) {
        shown
            .append(p.getFileName())
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
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "alembic example history: %d files, %d operations, %d files with findings, %.0f files/s%n%s",
        files.size(), statements, actual.size(), files.size() / seconds, shown);
    assertThat(files).hasSizeGreaterThanOrEqualTo(15);
    assertThat(actual).isEqualTo(EXPECTED);
  }
}
