package dev.airlock.migrations.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every frontend is total: truncated and mangled files give operations, never an exception. */
class JvmTotalityTest {
  private static final String NOISE = "\"'`$(){}[]<>#\\\n\t:|;&=-*/";
  private static final List<MigrationFormat> FORMATS = List.of(new FlywayJavaFormat(), new SpringSettingsFormat(), new BuildScriptsFormat());

  @Test
  void truncatedAndMangledExampleFilesNeverThrow() throws IOException {
    Path root = JvmExampleHistoryTest.root();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    Random random = new Random(42);
    int runs = 0;
    for (Path file : files) {
      Path rel = root.relativize(file);
      String text = Files.readString(file);
      for (MigrationFormat f : FORMATS) {
        if (!f.candidate(rel)) {
          continue;
        }
        for (int cut = 0; cut <= text.length(); cut += Math.max(1, text.length() / 40)) {
          check(f, rel, text.substring(0, cut));
          char[] mangled = text.toCharArray();
          for (int k = 0; k < 5 && mangled.length > 0; k++) {
            mangled[random.nextInt(mangled.length)] = NOISE.charAt(random.nextInt(NOISE.length()));
          }
          check(f, rel, new String(mangled));
          runs += 2;
        }
      }
    }
    assertThat(runs).isGreaterThan(500);
  }

  private static void check(MigrationFormat f, Path rel, String text) {
    Parsed p = f.frontend(rel, Dialect.POSTGRESQL, Project.none()).parse(new SourceText(rel.toString(), text));
    assertThat(p.statements()).isGreaterThanOrEqualTo(0);
    p.occurrences().forEach(o -> assertThat(o.span().endOffset()).isLessThanOrEqualTo(text.length()));
  }
}
