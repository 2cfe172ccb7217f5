package dev.airlock.migrations.js;

import static dev.airlock.migrations.js.JsFixture.knex;
import static dev.airlock.migrations.js.JsFixture.risky;
import static dev.airlock.migrations.js.JsFixture.sql;
import static dev.airlock.migrations.js.JsFixture.up;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Truncate;
import dev.airlock.core.operation.UpdateRows;
import dev.airlock.core.sql.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** knex.raw / knex.schema.raw SQL, and writes through the query builder. */
class KnexRawAndQueryTest {
  @Test
  void rawSqlIsAnalysedWithTheSqlFrontend() {
    Parsed p = knex(up("await knex.raw('ALTER TABLE orders DROP COLUMN legacy_order_id');"));
    assertThat(risky(p)).containsExactly(new DropColumn("orders", "legacy_order_id", false, false));
    assertThat(p.occurrences().get(0).statement())
        .isEqualTo("knex.raw('ALTER TABLE orders DROP COLUMN legacy_order_id')");
    assertThat(sql(p).get(0)).isEqualTo("ALTER TABLE orders DROP COLUMN legacy_order_id");
  }

  @Test
  void templateLiteralsWithoutSubstitutionsAreLiterals() {
    Parsed p =
        knex(up("await knex.schema.raw(`\n  DROP TABLE IF EXISTS\n    audit_log_2019;\n`);"));
    assertThat(risky(p))
        .containsExactly(
            new Drop(ObjectKind.TABLE, "table", List.of("audit_log_2019"), true, false));
  }

  @Test
  void substitutionsOfConstantsResolveOthersAreDynamic() {
    Parsed resolved =
        knex("const TABLE = 'sessions';\n" + up("await knex.raw(`TRUNCATE ${TABLE}`);"));
    assertThat(risky(resolved)).containsExactly(new Truncate(List.of("sessions"), false));
    Parsed dynamic = knex(up("for (const t of tables) {\n  await knex.raw(`DROP TABLE ${t}`);\n}"));
    assertThat(risky(dynamic)).singleElement().isInstanceOf(DynamicSql.class);
  }

  @Test
  void concatenatedStringsAreJoined() {
    Parsed p =
        knex(
            up(
                "await knex.raw('DELETE FROM events ' +\n  'WHERE created_at < now() - interval \\'90 days\\'');"));
    assertThat(risky(p)).singleElement().isInstanceOf(DeleteRows.class);
  }

  @Test
  void bindingsFillIdentifierAndValuePlaceholders() {
    Parsed p = knex(up("await knex.raw('DROP TABLE ??', ['old_things']);"));
    assertThat(risky(p)).containsExactly(Drop.of(ObjectKind.TABLE, "old_things"));
  }

  @Test
  void rawAsAValueIsNotAStatement() {
    Parsed p =
        knex(
            up(
                """
        await knex.schema.alterTable('users', (t) => {
          t.timestamp('seen_at').defaultTo(knex.raw('CURRENT_TIMESTAMP'));
        });
        await knex('users').update({ score: knex.raw('score * 2') }).where('score', '>', 0);
        const sqlText = knex.raw('select 1').toString();
        """));
    assertThat(risky(p)).singleElement().isInstanceOf(UpdateRows.class);
  }

  @Test
  void deleteWithAndWithoutWhere() {
    Parsed p =
        knex(
            up(
                """
        await knex('sessions').where({ status: 'expired' }).del();
        await knex('sessions')
          .where('created_at', '<', '2020-01-01')
          .orWhereNull('user_id')
          .delete();
        await knex('audit_log').del();
        await knex.from('tmp').delete();
        """));
    assertThat(risky(p)).hasSize(4);
    DeleteRows first = (DeleteRows) risky(p).get(0);
    assertThat(first.table()).isEqualTo("sessions");
    assertThat(first.where()).isPresent();
    assertThat(risky(p).get(2)).isEqualTo(new DeleteRows("audit_log", Optional.empty()));
    assertThat(risky(p).get(3)).isEqualTo(new DeleteRows("tmp", Optional.empty()));
    assertThat(sql(p))
        .containsExactly(
            "delete from \"sessions\" where \"status\" = 'expired';",
            "delete from \"sessions\" where \"created_at\" < '2020-01-01' or \"user_id\" is null;",
            "delete from \"audit_log\";",
            "delete from \"tmp\";");
  }

  @Test
  void truncatePerDialect() {
    String js = up("await knex('carts').truncate();");
    assertThat(risky(knex(js))).containsExactly(new Truncate(List.of("carts"), false));
    assertThat(sql(knex(js)).get(0)).isEqualTo("truncate \"carts\" restart identity;");
    assertThat(sql(knex(js, Dialect.MYSQL)).get(0)).isEqualTo("truncate `carts`;");
    assertThat(sql(knex(js, Dialect.SQLITE)).get(0)).startsWith("delete from `carts`;");
  }

  @Test
  void updatesNameTheirColumns() {
    Parsed p =
        knex(
            up(
                """
        await knex('orders').update({ channel: 'web', source: null });
        await knex('products').whereIn('id', [1, 2]).update('price', 0);
        await knex('counters').increment('hits', 1);
        """));
    assertThat(risky(p))
        .containsExactly(
            new UpdateRows("orders", List.of("channel", "source"), Optional.empty()),
            new UpdateRows(
                "products",
                List.of("price"),
                Optional.of(dev.airlock.core.operation.Predicate.opaque("whereIn('id', [1, 2])"))),
            new UpdateRows("counters", List.of("hits"), Optional.empty()));
    assertThat(sql(p).get(1))
        .isEqualTo("update \"products\" set \"price\" = ? where \"id\" in (1, 2);");
  }

  @Test
  void insertsAndReadsAreNotRisky() {
    Parsed p =
        knex(
            up(
                """
        await knex('roles').insert([{ name: 'admin' }, { name: 'staff' }]);
        const rows = await knex('users').select('id').where({ active: true });
        await knex.batchInsert('tags', rows, 100);
        """));
    assertThat(risky(p)).isEmpty();
    assertThat(p.statements()).isEqualTo(2);
  }
}
