package dev.airlock.migrations.js;

import static dev.airlock.migrations.js.JsFixture.findings;
import static dev.airlock.migrations.js.JsFixture.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.finding.Finding;
import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** End to end through the Checker, format detection, allow comments, broken files and offsets. */
class JsCheckTest {
  private static final Frontend KNEX = source -> KnexWalker.parse(source, Dialect.POSTGRESQL);
  private static final Frontend TYPEORM = source -> TypeOrmWalker.parse(source, Dialect.POSTGRESQL);

  @Test
  void theSeedIncidentInKnex() {
    String js =
        """
        exports.up = function (knex) {
          return knex.schema.table('orders', (table) => {
            table.dropColumn('legacy_order_id');
          });
        };

        exports.down = function (knex) {
          return knex.schema.table('orders', (table) => {
            table.integer('legacy_order_id');
          });
        };
        """;
    assertThat(rules("migrations/20230301_remove_legacy.js", js, KNEX))
        .containsExactly("drop-column", "irreversible-migration");
    Finding f = findings("migrations/20230301_remove_legacy.js", js, KNEX).get(0);
    assertThat(f.generatedSql())
        .hasValue("alter table \"orders\" drop column \"legacy_order_id\";");
    assertThat(f.span().startLine()).isEqualTo(3);
  }

  @Test
  void theSeedIncidentInTypeOrm() {
    String ts =
        JsFixture.migration(
            "await queryRunner.dropColumn(\"order\", \"legacyOrderId\");",
            "await queryRunner.addColumn(\"order\", new TableColumn({ name: \"legacyOrderId\", type: \"int\" }));");
    assertThat(rules("src/migrations/1700000000000-Test.ts", ts, TYPEORM))
        .containsExactly("drop-column", "irreversible-migration");
  }

  @Test
  void deleteWithoutWhereTruncateAndDynamicSql() {
    String js =
        JsFixture.up(
            """
        await knex('audit_log').del();
        await knex('carts').truncate();
        await knex.raw(`DELETE FROM ${table}`);
        await knex('sessions').where({ expired: true }).del();
        """,
            "await knex.raw('INSERT INTO audit_log SELECT * FROM audit_log_backup');");
    assertThat(rules("migrations/x.js", js, KNEX))
        .containsExactly("delete-without-where", "truncate", "dynamic-sql", "delete-rows");
  }

  @Test
  void allowCommentsAcknowledgeFindings() {
    String js =
        JsFixture.up(
            """
        // airlock:allow drop-table the carts moved to redis in 2023
        await knex.schema.dropTable('carts');
        await knex.schema.alterTable('users', (t) => {
          t.dropColumn('nickname'); // airlock:allow drop-column unused since v2
        });
        /*
         * airlock:allow drop-column reviewed by the data team
         */
        await knex.raw('ALTER TABLE orders DROP COLUMN coupon');
        """,
            "await knex.raw('INSERT INTO carts SELECT 1');");
    assertThat(rules("migrations/x.js", js, KNEX))
        .containsExactly("~drop-table", "~drop-column", "~drop-column");
  }

  @Test
  void allowCommentsInTypeOrm() {
    String ts =
        JsFixture.migration(
            """
        // airlock:allow drop-table replaced by the orders_v2 table
        await queryRunner.query(`DROP TABLE "orders_v1"`);
        """,
            "await queryRunner.query(`INSERT INTO \"orders_v1\" SELECT * FROM \"orders_v2\"`);");
    assertThat(rules("src/migrations/1-X.ts", ts, TYPEORM)).containsExactly("~drop-table");
  }

  @Test
  void aSyntaxErrorIsAnUnparsedMigrationAndTheRestIsStillRead() {
    String js =
        "exports.up = async (knex) => {\n  await knex.schema.dropTable('a');\n  const x = ;\n};\n"
            + "exports.down = async (knex) => { await knex.raw('INSERT INTO a SELECT 1'); };\n";
    assertThat(rules("migrations/x.js", js, KNEX)).contains("unparsed-migration", "drop-table");
  }

  @Test
  void nonAsciiTextKeepsSpansExact() {
    String js =
        "// Migration für Bestellungen — entfernt die alte Spalte 🚀\n"
            + "exports.up = (knex) => knex.schema.table('bestellungen', (t) => { t.dropColumn('größe'); });\n"
            + "exports.down = (knex) => knex.raw('INSERT INTO x SELECT 1');\n";
    Parsed p = KnexWalker.parse(new SourceText("migrations/ü.js", js), Dialect.POSTGRESQL);
    Occurrence o =
        p.occurrences().stream().filter(x -> x.operation() instanceof DropColumn).findFirst().get();
    assertThat(o.operation()).isEqualTo(new DropColumn("bestellungen", "größe", false, false));
    assertThat(o.statement()).isEqualTo("t.dropColumn('größe')");
    assertThat(js.substring(o.span().startOffset(), o.span().endOffset())).isEqualTo(o.statement());
  }

  @Test
  void crlfAndLoneCrLineEndings() {
    String body =
        "exports.up = (knex) => {\n  // knex.schema.dropTable('commented')\n  return knex.schema.dropTable('real');\n};\n";
    for (String eol : List.of("\r\n", "\r")) {
      String js = body.replace("\n", eol);
      Parsed p = KnexWalker.parse(new SourceText("migrations/x.js", js), Dialect.POSTGRESQL);
      assertThat(JsFixture.risky(p)).as(eol.replace("\r", "CR").replace("\n", "LF")).hasSize(1);
      Occurrence o = p.occurrences().get(0);
      assertThat(o.span().startLine()).isEqualTo(3);
    }
  }

  @Test
  void formatDetection() {
    KnexMigrations knex = new KnexMigrations();
    TypeOrmMigrations typeorm = new TypeOrmMigrations();
    String knexFile = "exports.up = function (knex) { return knex.schema.dropTable('x'); };";
    String typeormFile =
        "import { MigrationInterface, QueryRunner } from 'typeorm';\n"
            + "export class X1700000000000 implements MigrationInterface { async up(queryRunner: QueryRunner) {} }";
    String sequelize =
        "module.exports = { up: async (queryInterface, Sequelize) => { await queryInterface.dropTable('x'); } };";
    assertThat(knex.candidate(Path.of("migrations/20230101_x.js"))).isTrue();
    assertThat(knex.candidate(Path.of("db/migrations/20230101_x.ts"))).isTrue();
    assertThat(knex.candidate(Path.of("src/lib/x.js"))).isFalse();
    assertThat(knex.candidate(Path.of("migrations/x.d.ts"))).isFalse();
    assertThat(knex.accepts(Path.of("migrations/x.js"), knexFile)).isTrue();
    assertThat(knex.accepts(Path.of("migrations/x.js"), sequelize)).isFalse();
    assertThat(knex.accepts(Path.of("migrations/x.ts"), typeormFile)).isFalse();
    assertThat(typeorm.candidate(Path.of("src/migrations/1700000000000-X.ts"))).isTrue();
    assertThat(typeorm.candidate(Path.of("src/db/1700000000000-AddUsers.ts"))).isTrue();
    assertThat(typeorm.accepts(Path.of("src/migrations/1700000000000-X.ts"), typeormFile)).isTrue();
    assertThat(typeorm.accepts(Path.of("migrations/x.js"), knexFile)).isFalse();
  }

  @Test
  void theDialectComesFromTheProject() {
    Project project =
        new Project() {
          private final Map<String, String> files =
              Map.of(
                  "knexfile.js",
                      "module.exports = { production: { client: 'mysql2', connection: {} } };",
                  "src/data-source.ts",
                      "export const AppDataSource = new DataSource({ type: \"sqlite\", database: \"db\" });");

          @Override
          public Optional<String> read(Path relative) {
            return Optional.ofNullable(files.get(relative.toString().replace('\\', '/')));
          }

          @Override
          public List<Path> list(Path relativeDirectory) {
            return List.of();
          }
        };
    String js = JsFixture.up("await knex.schema.renameTable('a', 'b');");
    Parsed k =
        new KnexMigrations()
            .frontend(Path.of("migrations/x.js"), Dialect.GENERIC, project)
            .parse(new SourceText("migrations/x.js", js));
    assertThat(JsFixture.sql(k)).containsExactly("rename table `a` to `b`;");
    String ts = JsFixture.migration("await queryRunner.clearTable(\"s\");");
    Parsed t =
        new TypeOrmMigrations()
            .frontend(Path.of("src/migrations/1-X.ts"), Dialect.GENERIC, project)
            .parse(new SourceText("src/migrations/1-X.ts", ts));
    assertThat(JsFixture.sql(t)).containsExactly("DELETE FROM \"s\";");
  }
}
