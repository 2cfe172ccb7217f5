package dev.airlock.migrations.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fail closed: every prefix of every example migration, and randomly mangled copies, parse without
 * an exception, and a syntax error always yields an UnparsedMigration.
 */
class JsTotalityTest {
  private static List<Path> files(String ecosystem) throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("..", "examples", "migrations", ecosystem))) {
      return s.filter(
              p ->
                  p.toString().contains("migrations" + java.io.File.separator + ecosystem)
                      && p.getParent().getFileName().toString().equals("migrations")
                      && JsFiles.script(p))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyPrefixParses() throws IOException {
    for (String eco : List.of("knex", "typeorm")) {
      for (Path f : files(eco)) {
        String text = Files.readString(f);
        for (int end = 0; end <= text.length(); end += 11) {
          String prefix = text.substring(0, end);
          Parsed p = parse(eco, f, prefix);
          assertThat(p).as(f + " [0, " + end + ")").isNotNull();
          boolean broken =
              new JsSource(new SourceText(f.getFileName().toString(), prefix)).root.hasError();
          if (broken) {
            assertThat(p.occurrences())
                .as(f + " [0, " + end + ")")
                .anyMatch(o -> o.operation() instanceof UnparsedMigration);
          }
        }
      }
    }
  }

  @Test
  void mangledInputNeverThrows() throws IOException {
    Random random = new Random(42);
    String alphabet = "(){}[]`'\"$;.,=>/*\\\n\r\tabcXYZ ü🚀";
    for (String eco : List.of("knex", "typeorm")) {
      for (Path f : files(eco)) {
        String text = Files.readString(f);
        for (int round = 0; round < 20; round++) {
          StringBuilder sb = new StringBuilder(text);
          for (int k = 0; k < 5 && sb.length() > 0; k++) {
            int at = random.nextInt(sb.length());
            int cp =
                alphabet.codePointAt(
                    alphabet.offsetByCodePoints(
                        0, random.nextInt(alphabet.codePointCount(0, alphabet.length()))));
            sb.replace(
                at,
                Math.min(sb.length(), at + random.nextInt(3)),
                new String(Character.toChars(cp)));
          }
          String mangled = sb.toString();
          if (Character.isLowSurrogate(mangled.isEmpty() ? 'x' : mangled.charAt(0))) {
            continue;
          }
          assertThat(parse(eco, f, mangled)).isNotNull();
        }
      }
    }
  }

  private static Parsed parse(String eco, Path f, String text) {
    SourceText source = new SourceText(f.getFileName().toString(), text);
    return eco.equals("knex")
        ? KnexWalker.parse(source, Dialect.POSTGRESQL)
        : TypeOrmWalker.parse(source, Dialect.MYSQL);
  }
}
