package dev.airlock.migrations.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The frontend is total: every prefix of every example changelog parses without an exception. */
class TruncatedInputTest {
  @Test
  void everyPrefixOfEveryExampleParses() throws IOException {
    Path root = ExampleHistoryTest.ROOT;
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    LiquibaseFormat format = new LiquibaseFormat();
    int checked = 0;
    for (Path file : files) {
      Path rel = root.relativize(file);
      String text = Files.readString(file);
      if (!format.accepts(rel, text)) {
        continue;
      }
      for (int end = 0; end <= text.length(); end += 7) {
        String prefix = text.substring(0, end);
        assertThatCode(() -> parse(format, rel, prefix)).as(rel + " cut at " + prefix.length()).doesNotThrowAnyException();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void garbageIsAFindingNotAnException() {
    for (String junk : List.of("", "<", "<databaseChangeLog", "databaseChangeLog: [", "{\"databaseChangeLog\": 3}", "databaseChangeLog:\n  - changeSet: 7\n",
        "databaseChangeLog:\n  - changeSet:\n      changes: {dropTable: x}\n", "a: &a [*a]\n")) {
      for (String name : List.of("c.xml", "c.yaml", "c.json")) {
        assertThatCode(() -> parse(new LiquibaseFormat(), Path.of(name), junk)).as(name + ": " + junk).doesNotThrowAnyException();
      }
    }
    Parsed p = parse(new LiquibaseFormat(), Path.of("c.yaml"), "databaseChangeLog: [");
    assertThat(p.occurrences()).isNotEmpty();
  }

  private static Parsed parse(LiquibaseFormat format, Path rel, String text) {
    return format.frontend(rel, Dialect.POSTGRESQL, Project.none()).parse(new SourceText(rel.toString(), text));
  }
}
