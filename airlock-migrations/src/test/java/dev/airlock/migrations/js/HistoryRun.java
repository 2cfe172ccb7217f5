package dev.airlock.migrations.js;

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

/** Runs the Checker over an example history and reports rule ids per file and the figures. */
final class HistoryRun {
  final Map<String, List<String>> actual = new TreeMap<>();
  int files;
  int statements;
  int findings;
  double filesPerSecond;

  static HistoryRun of(Path root, Path migrations, MigrationFormat format) throws IOException {
    HistoryRun run = new HistoryRun();
    Project project = project(root);
    Checker checker = new Checker(Config.defaults());
    List<Path> paths;
    try (Stream<Path> s = Files.list(root.resolve(migrations))) {
      paths = s.filter(p -> JsFiles.script(p)).sorted().toList();
    }
    run.files = paths.size();
    for (Path file : paths) {
      Path relative = root.relativize(file);
      String text = Files.readString(file);
      assertThat(format.candidate(relative) && format.accepts(relative, text))
          .as(relative.toString())
          .isTrue();
      FileReport report =
          checker.check(
              new SourceText(relative.toString(), text),
              format.frontend(relative, Dialect.GENERIC, project));
      run.statements += report.statements();
      run.findings += report.findings().size();
      List<String> ids = new ArrayList<>();
      for (Finding f : report.findings()) {
        ids.add((f.suppression().isPresent() ? "~" : "") + f.rule().id());
        assertThat(f.generatedSql().isPresent() || f.rule().id().equals("irreversible-migration"))
            .as("generated SQL of " + f.rule().id() + " in " + relative)
            .isTrue();
      }
      if (!ids.isEmpty()) {
        run.actual.put(file.getFileName().toString(), ids);
      }
    }
    int rounds = 20;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      for (Path file : paths) {
        Path relative = root.relativize(file);
        checker.check(
            new SourceText(relative.toString(), Files.readString(file)),
            format.frontend(relative, Dialect.POSTGRESQL, project));
      }
    }
    run.filesPerSecond = paths.size() * rounds / ((System.nanoTime() - start) / 1e9);
    return run;
  }

  private static Project project(Path root) {
    return new Project() {
      @Override
      public Optional<String> read(Path relative) {
        try {
          Path p = root.resolve(relative);
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
