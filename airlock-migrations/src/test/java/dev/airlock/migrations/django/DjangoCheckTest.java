package dev.airlock.migrations.django;

import static dev.airlock.migrations.django.DjangoFixture.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.policy.Config;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.python.TestProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole pipeline: Django source through the Checker to rule ids, spans and allowances. */
class DjangoCheckTest {
  private static FileReport check(String path, String text) {
    return new Checker(Config.defaults())
        .check(
            new SourceText(path, text),
            new DjangoFormat().frontend(Path.of(path), Dialect.POSTGRESQL, TestProject.inMemory()));
  }

  private static List<String> ids(FileReport r) {
    return r.findings().stream()
        .filter(f -> f.suppression().isEmpty())
        .map(f -> f.rule().id())
        .toList();
  }

  /** Incident 4: a tidy operations list whose SQL drops a column. */
  @Test
  void seedIncidentFiresDropColumnWithTheGeneratedSql() {
    FileReport r =
        check(
            "shop/migrations/0042_remove_legacy.py",
            migration(
                "('shop', '0041_order_external_ref')",
                "        migrations.RemoveField('order', 'legacy_order_id'),"));
    assertThat(ids(r)).containsExactly("drop-column");
    Finding f = r.findings().get(0);
    assertThat(f.message()).contains("`legacy_order_id`").contains("`shop_order`");
    assertThat(f.generatedSql())
        .contains("ALTER TABLE \"shop_order\" DROP COLUMN \"legacy_order_id\" CASCADE;");
    assertThat(f.span().startLine()).isEqualTo(10);
    assertThat(f.span().startColumn()).isEqualTo(9);
    assertThat(r.statements()).isEqualTo(1);
  }

  @Test
  void callsInCommentsAndStringsDoNotCount() {
    FileReport r =
        check(
            "shop/migrations/0043_x.py",
            migration(
                "",
                """
                # migrations.RemoveField('order', 'legacy_order_id'),
                migrations.AlterModelOptions(
                    name='order',
                    options={'verbose_name': "migrations.DeleteModel('Order')"},
                ),"""));
    assertThat(ids(r)).isEmpty();
    assertThat(r.statements()).isEqualTo(1);
  }

  @Test
  void allowCommentAboveTheCallSuppressesWithItsReason() {
    FileReport r =
        check(
            "shop/migrations/0044_x.py",
            migration(
                "",
                """
                # airlock:allow drop-table the wishlist feature was removed in 2022; data exported to S3
                migrations.DeleteModel(name='Wishlist'),
                migrations.DeleteModel(name='Cart'),  # airlock:allow drop-table
                """));
    assertThat(r.findings())
        .extracting(f -> f.rule().id())
        .containsExactlyInAnyOrder("drop-table", "drop-table", "invalid-suppression");
    assertThat(r.findings().stream().filter(f -> f.suppression().isPresent()))
        .singleElement()
        .satisfies(
            f -> assertThat(f.suppression().orElseThrow().reason()).contains("exported to S3"));
  }

  @Test
  void allowCommentOnSeparateDatabaseAndStateCoversItsDatabaseOperations() {
    FileReport r =
        check(
            "shop/migrations/0045_x.py",
            migration(
                "",
                """
                # airlock:allow drop-column column moved to shop_order_archive in 0044
                migrations.SeparateDatabaseAndState(
                    database_operations=[migrations.RunSQL('ALTER TABLE shop_order DROP COLUMN legacy')],
                    state_operations=[migrations.RemoveField('order', 'legacy')],
                ),"""));
    assertThat(ids(r)).isEmpty();
    assertThat(r.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.rule().id()).isEqualTo("drop-column"));
  }

  @Test
  void runPythonWithoutReverseIsADataMigrationFinding() {
    String text =
        "from django.db import migrations\n\n\ndef forwards(apps, schema_editor):\n    pass\n\n\n"
            + "class Migration(migrations.Migration):\n    dependencies = [('shop', '0001_initial')]\n"
            + "    operations = [migrations.RunPython(forwards)]\n";
    FileReport r = check("shop/migrations/0002_data.py", text);
    assertThat(ids(r)).containsExactly("data-migration");
    assertThat(r.findings().get(0).message()).contains("no reverse code");
  }

  @Test
  void brokenPythonIsReportedNotSkipped() {
    String text =
        migration(
            "",
            "        migrations.RemoveField('order', 'legacy_order_id'),\n        migrations.AddField('order', 'x', models.CharField(max_length=3)\n");
    FileReport r = check("shop/migrations/0046_x.py", text);
    assertThat(ids(r)).contains("unparsed-migration");
  }

  @Test
  void fileWithoutMigrationClassIsUnparsed() {
    var parsed =
        new DjangoFormat()
            .frontend(
                Path.of("shop/migrations/0047_x.py"), Dialect.POSTGRESQL, TestProject.inMemory())
            .parse(
                new SourceText(
                    "x",
                    "from django.db import migrations\nops = [migrations.RemoveField('a', 'b')]\n"));
    assertThat(parsed.occurrences())
        .singleElement()
        .satisfies(o -> assertThat(o.operation()).isInstanceOf(UnparsedMigration.class));
  }

  @Test
  void nonAsciiTextKeepsSpansExact() {
    String text =
        migration(
            "",
            "        # Entfernt die Spalte „Altbestellnummer“ ☕\n        migrations.RemoveField('order', 'legacy_order_id'),");
    FileReport r = check("shop/migrations/0048_x.py", text);
    Finding f = r.findings().get(0);
    assertThat(text.substring(f.span().startOffset(), f.span().endOffset()))
        .isEqualTo("migrations.RemoveField('order', 'legacy_order_id')");
  }

  @Test
  void formatDetection() {
    DjangoFormat f = new DjangoFormat();
    assertThat(f.candidate(Path.of("shop/migrations/0001_initial.py"))).isTrue();
    assertThat(f.candidate(Path.of("shop/migrations/__init__.py"))).isFalse();
    assertThat(f.candidate(Path.of("migrations/versions/abc.py"))).isFalse();
    assertThat(f.accepts(Path.of("shop/migrations/0001_initial.py"), migration("", ""))).isTrue();
  }
}
