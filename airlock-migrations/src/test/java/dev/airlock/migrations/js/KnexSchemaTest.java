package dev.airlock.migrations.js;

import static dev.airlock.migrations.js.JsFixture.knex;
import static dev.airlock.migrations.js.JsFixture.knexTs;
import static dev.airlock.migrations.js.JsFixture.risky;
import static dev.airlock.migrations.js.JsFixture.sql;
import static dev.airlock.migrations.js.JsFixture.up;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** knex.schema chains: drops, renames, the ways a module exports up, and what must not count. */
class KnexSchemaTest {
  @Test
  void dropTableAndDropTableIfExists() {
    Parsed p =
        knex(
            up(
                "await knex.schema.dropTable('abandoned_carts');\nawait knex.schema.dropTableIfExists('tmp_import');"));
    assertThat(risky(p))
        .containsExactly(
            Drop.of(ObjectKind.TABLE, "abandoned_carts"),
            new Drop(ObjectKind.TABLE, "table", List.of("tmp_import"), true, false));
    assertThat(sql(p))
        .startsWith("drop table \"abandoned_carts\";", "drop table if exists \"tmp_import\";");
  }

  @Test
  void chainedDropsEachGetTheirOwnSpan() {
    String js = up("return knex.schema\n  .dropTable('a')\n  .dropTableIfExists('b');");
    Parsed p = knex(js);
    List<Occurrence> drops =
        p.occurrences().stream().filter(o -> o.operation() instanceof Drop).toList();
    assertThat(drops).hasSize(2);
    assertThat(drops.get(0).statement()).isEqualTo("knex.schema\n    .dropTable('a')");
    assertThat(drops.get(1).statement()).isEqualTo("dropTableIfExists('b')");
    assertThat(drops.get(1).span().startLine()).isEqualTo(4);
  }

  @Test
  void aCallSplitOverManyLinesCounts() {
    Parsed p = knex(up("await knex\n  .schema\n  .dropTable(\n    'legacy_orders'\n  );"));
    assertThat(risky(p)).containsExactly(Drop.of(ObjectKind.TABLE, "legacy_orders"));
    Occurrence o = p.occurrences().get(0);
    assertThat(o.span().startLine()).isEqualTo(2);
    assertThat(o.span().endLine()).isEqualTo(6);
  }

  @Test
  void callsInCommentsAndStringsDoNotCount() {
    Parsed p =
        knex(
            up(
                """
        // await knex.schema.dropTable('users');
        /* knex.schema.dropTable('orders') */
        const note = "knex.schema.dropTable('products')";
        const tpl = `knex.schema.dropTable('carts')`;
        await knex.schema.createTable('audit', (t) => { t.increments('id'); });
        """));
    assertThat(risky(p)).isEmpty();
    assertThat(p.statements()).isEqualTo(1);
  }

  @Test
  void withSchemaQualifiesTheTable() {
    Parsed p = knex(up("await knex.schema.withSchema('billing').dropTable('invoices_old');"));
    assertThat(risky(p)).containsExactly(Drop.of(ObjectKind.TABLE, "billing.invoices_old"));
    assertThat(sql(p).get(0)).isEqualTo("drop table \"billing\".\"invoices_old\";");
  }

  @Test
  void renameTablePerDialect() {
    String js = up("await knex.schema.renameTable('line_items', 'order_items');");
    assertThat(risky(knex(js)))
        .containsExactly(new Rename(ObjectKind.TABLE, "line_items", "order_items"));
    assertThat(sql(knex(js, Dialect.POSTGRESQL)).get(0))
        .isEqualTo("alter table \"line_items\" rename to \"order_items\";");
    assertThat(sql(knex(js, Dialect.MYSQL)).get(0))
        .isEqualTo("rename table `line_items` to `order_items`;");
    assertThat(sql(knex(js, Dialect.SQLITE)).get(0))
        .isEqualTo("alter table `line_items` rename to `order_items`;");
  }

  @Test
  void viewsSchemasAndExtensions() {
    Parsed p =
        knex(
            up(
                """
        await knex.schema.dropViewIfExists('active_users');
        await knex.schema.dropMaterializedView('sales_summary');
        await knex.schema.dropSchemaIfExists('staging', true);
        await knex.schema.dropExtension('hstore');
        """));
    assertThat(risky(p))
        .containsExactly(
            new Drop(ObjectKind.VIEW, "view", List.of("active_users"), true, false),
            new Drop(
                ObjectKind.MATERIALIZED_VIEW,
                "materialized view",
                List.of("sales_summary"),
                false,
                false),
            new Drop(ObjectKind.SCHEMA, "schema", List.of("staging"), true, true),
            new Drop(ObjectKind.EXTENSION, "extension", List.of("hstore"), false, false));
    assertThat(sql(p).get(2)).isEqualTo("drop schema if exists \"staging\" cascade;");
  }

  @Test
  void esModuleTypeScriptMigration() {
    Parsed p =
        knexTs(
            """
        import type { Knex } from "knex";

        export async function up(knex: Knex): Promise<void> {
          await knex.schema.dropTable("feature_flags");
        }

        export async function down(knex: Knex): Promise<void> {
          await knex.schema.createTable("feature_flags", (table) => {
            table.increments("id");
            table.string("name").notNullable();
          });
        }
        """);
    assertThat(risky(p)).first().isEqualTo(Drop.of(ObjectKind.TABLE, "feature_flags"));
  }

  @Test
  void moduleExportsObjectWithShorthandAndMethods() {
    Parsed shorthand =
        knex(
            """
        async function up(knex) {
          await knex.schema.dropTable('coupons');
        }
        async function down() {}
        module.exports = { up, down };
        """);
    assertThat(risky(shorthand)).first().isEqualTo(Drop.of(ObjectKind.TABLE, "coupons"));
    Parsed methods =
        knex(
            """
        module.exports = {
          async up(knex) { await knex.schema.dropTable('wishlists'); },
          async down(knex) {},
        };
        """);
    assertThat(risky(methods)).first().isEqualTo(Drop.of(ObjectKind.TABLE, "wishlists"));
  }

  @Test
  void theParameterIsTheKnexInstanceWhateverItsName() {
    Parsed p =
        knex(
            "exports.up = (db) => db.schema.dropTable('x');\nexports.down = (db) => db.schema.createTable('x', t => {});\n");
    assertThat(risky(p)).first().isEqualTo(Drop.of(ObjectKind.TABLE, "x"));
  }

  @Test
  void transactionsAndThenCallbacks() {
    Parsed p =
        knex(
            up(
                """
        await knex.transaction(async (trx) => {
          await trx.schema.dropTable('old_a');
        });
        return knex.schema.hasTable('old_b').then((exists) => {
          if (exists) return knex.schema.dropTable('old_b');
        });
        """));
    assertThat(risky(p))
        .containsExactly(Drop.of(ObjectKind.TABLE, "old_a"), Drop.of(ObjectKind.TABLE, "old_b"));
  }

  @Test
  void loopsOverLiteralTableNames() {
    Parsed p =
        knex(
            up(
                """
        const LEGACY = ['legacy_a', 'legacy_b'];
        for (const name of LEGACY) {
          await knex.schema.dropTableIfExists(name);
        }
        await Promise.all(['tmp_1', 'tmp_2'].map((t) => knex.schema.dropTable(t)));
        """));
    assertThat(risky(p))
        .extracting(o -> ((Drop) o).names().get(0))
        .containsExactly("legacy_a", "legacy_b", "tmp_1", "tmp_2");
  }

  @Test
  void aSchemaAliasIsFollowed() {
    Parsed p = knex(up("const schema = knex.schema;\nawait schema.dropTable('aliased');"));
    assertThat(risky(p)).containsExactly(Drop.of(ObjectKind.TABLE, "aliased"));
  }

  @Test
  void createTableIsBenignAndCounted() {
    Parsed p =
        knex(
            up(
                """
        await knex.schema.createTable('orders', (t) => {
          t.increments('id');
          t.uuid('public_id').defaultTo(knex.raw('gen_random_uuid()'));
          t.timestamps(true, true);
        });
        """));
    assertThat(risky(p)).isEmpty();
    assertThat(p.statements()).isEqualTo(1);
  }

  @Test
  void aFileWithoutUpIsReported() {
    Parsed p =
        knex("const x = require('knex');\nmodule.exports = { config: { transaction: false } };\n");
    assertThat(p.occurrences())
        .singleElement()
        .satisfies(
            o ->
                assertThat(o.operation().toString())
                    .contains("UnparsedMigration")
                    .contains("no exported `up`"));
  }
}
