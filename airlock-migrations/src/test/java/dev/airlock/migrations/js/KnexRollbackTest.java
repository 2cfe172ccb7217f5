package dev.airlock.migrations.js;

import static dev.airlock.migrations.js.JsFixture.knex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.IrreversibleMigration;
import dev.airlock.core.operation.Occurrence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A down that cannot bring back what up destroyed. */
class KnexRollbackTest {
  private static List<Occurrence> irreversible(Parsed p) {
    return p.occurrences().stream()
        .filter(o -> o.operation() instanceof IrreversibleMigration)
        .toList();
  }

  private static final String UP =
      "exports.up = async (knex) => {\n"
          + "  await knex.schema.alterTable('users', (t) => { t.dropColumn('legacy_token'); });\n"
          + "};\n";

  @Test
  void noDownAtAll() {
    List<Occurrence> found = irreversible(knex(UP));
    assertThat(found)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(((IrreversibleMigration) o.operation()).reason())
                  .startsWith("there is no `down`")
                  .contains("column `users.legacy_token`");
              assertThat(o.statement()).isEqualTo("exports.up = async (knex)");
            });
  }

  @Test
  void aDownThatThrows() {
    Parsed p = knex(UP + "exports.down = async () => {\n  throw new Error('irreversible');\n};\n");
    assertThat(irreversible(p))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(((IrreversibleMigration) o.operation()).reason())
                  .startsWith("its `down` throws");
              assertThat(o.span().startLine()).isEqualTo(5);
            });
  }

  @Test
  void aDownThatDoesNothing() {
    Parsed p = knex(UP + "exports.down = function () {};\n");
    assertThat(irreversible(p))
        .singleElement()
        .satisfies(
            o ->
                assertThat(((IrreversibleMigration) o.operation()).reason())
                    .startsWith("`down` does nothing"));
  }

  @Test
  void aDownThatOnlyRecreatesTheColumn() {
    Parsed p =
        knex(
            UP
                + "exports.down = async (knex) => {\n"
                + "  await knex.schema.alterTable('users', (t) => { t.string('legacy_token'); });\n};\n");
    assertThat(irreversible(p))
        .singleElement()
        .satisfies(
            o ->
                assertThat(((IrreversibleMigration) o.operation()).reason())
                    .startsWith("`down` only re-creates the schema"));
  }

  @Test
  void aDownThatRestoresDataIsFine() {
    Parsed p =
        knex(
            UP
                + "exports.down = async (knex) => {\n"
                + "  await knex.schema.alterTable('users', (t) => { t.string('legacy_token'); });\n"
                + "  await knex.raw('UPDATE users u SET legacy_token = b.token FROM users_backup b WHERE b.id = u.id');\n};\n");
    assertThat(irreversible(p)).isEmpty();
  }

  @Test
  void aHarmlessMigrationNeedsNoDown() {
    Parsed p =
        knex("exports.up = (knex) => knex.schema.createTable('x', (t) => { t.increments(); });\n");
    assertThat(irreversible(p)).isEmpty();
  }
}
