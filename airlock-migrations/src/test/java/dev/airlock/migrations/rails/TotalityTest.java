package dev.airlock.migrations.rails;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.DropColumn;
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

/** Fail closed: truncated, garbled and odd input never throws and never comes back empty. */
class TotalityTest {
  @Test
  void everyPrefixOfEveryExampleParses() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("../examples/migrations/rails/db/migrate"))) {
      files = s.sorted().toList();
    }
    for (Path file : files) {
      String text = Files.readString(file);
      for (int cut = 0; cut <= text.length(); cut += 7) {
        String prefix = text.substring(0, cut);
        for (Dialect d : Dialect.values()) {
          Parsed p = new RailsFrontend(d).parse(new SourceText(file.toString(), prefix));
          if (!prefix.contains("end\nend")) {
            // an unfinished class is a syntax error (or no class at all): never silence
            assertThat(p.occurrences()).as(file + " cut at " + cut).isNotEmpty();
          }
        }
      }
    }
  }

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(42);
    String alphabet = "remove_column:orders,\"'#{}()[]<<~SQL\n end do|t| def up change_table %q( \\ é漢 =begin\n=end\n";
    for (int i = 0; i < 500; i++) {
      StringBuilder sb = new StringBuilder("class X < ActiveRecord::Migration[7.1]\n def up\n");
      int n = random.nextInt(200);
      for (int k = 0; k < n; k++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      Parsed p = new RailsFrontend(Dialect.POSTGRESQL).parse(new SourceText("x.rb", sb.toString()));
      assertThat(p.occurrences()).isNotEmpty();
    }
  }

  @Test
  void crlfAndCrLineEndings() {
    String lf = RailsTesting.change("# airlock:allow drop-column archived\nremove_column :orders, :legacy_order_id");
    for (String eol : List.of("\r\n", "\r")) {
      Parsed p = new RailsFrontend(Dialect.POSTGRESQL).parse(new SourceText("x.rb", lf.replace("\n", eol)));
      assertThat(RailsTesting.risky(p)).containsExactly(new DropColumn("orders", "legacy_order_id", false, false));
      assertThat(p.occurrences().get(0).span().startLine()).isEqualTo(4);
      assertThat(p.occurrences().get(0).allowances()).hasSize(1);
    }
  }

  @Test
  void emptyFileIsUnparsedMigration() {
    Parsed p = new RailsFrontend(Dialect.POSTGRESQL).parse(new SourceText("db/migrate/1_x.rb", ""));
    assertThat(p.occurrences()).singleElement().satisfies(o -> assertThat(o.operation()).isInstanceOf(UnparsedMigration.class));
  }
}
