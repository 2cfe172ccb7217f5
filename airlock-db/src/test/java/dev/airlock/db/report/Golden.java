package dev.airlock.db.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/golden. They change only on purpose: run the tests with
 * {@code -Dgolden.update=true} to rewrite them, then review the diff.
 */
final class Golden {
  static final Path DIR = Path.of("src/test/resources/golden");

  static void assertMatches(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      if (!Boolean.getBoolean("golden.update")) {
        throw new AssertionError("golden file " + file + " was missing and has been written; review it and rerun");
      }
    }
    assertThat(actual).as("golden file %s (rewrite with -Dgolden.update=true)", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  private Golden() {}
}
