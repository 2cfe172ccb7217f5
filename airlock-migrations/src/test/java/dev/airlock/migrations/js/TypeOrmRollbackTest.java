package dev.airlock.migrations.js;

import static dev.airlock.migrations.js.JsFixture.migration;
import static dev.airlock.migrations.js.JsFixture.typeorm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.IrreversibleMigration;
import dev.airlock.core.operation.Occurrence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A down that cannot bring back what up destroyed. */
class TypeOrmRollbackTest {
  private static final String UP =
      "await queryRunner.query(`ALTER TABLE \"user\" DROP COLUMN \"legacyToken\"`);";

  private static List<String> reasons(Parsed p) {
    return p.occurrences().stream()
        .map(Occurrence::operation)
        .filter(o -> o instanceof IrreversibleMigration)
        .map(o -> ((IrreversibleMigration) o).reason())
        .toList();
  }

  @Test
  void aDownThatOnlyAddsTheColumnBack() {
    Parsed p =
        typeorm(
            migration(
                UP,
                "await queryRunner.query(`ALTER TABLE \"user\" ADD \"legacyToken\" varchar`);"));
    assertThat(reasons(p))
        .singleElement()
        .asString()
        .startsWith("`down` only re-creates the schema")
        .contains("column `user.legacyToken`");
    Occurrence o =
        p.occurrences().stream()
            .filter(x -> x.operation() instanceof IrreversibleMigration)
            .findFirst()
            .get();
    assertThat(o.statement()).isEqualTo("public async down(queryRunner: QueryRunner)");
  }

  @Test
  void aDownThatThrows() {
    Parsed p = typeorm(migration(UP, "throw new Error(\"This migration cannot be reverted\");"));
    assertThat(reasons(p)).singleElement().asString().startsWith("its `down` throws");
  }

  @Test
  void anEmptyDown() {
    Parsed p = typeorm(migration(UP, "// nothing"));
    assertThat(reasons(p)).singleElement().asString().startsWith("`down` does nothing");
  }

  @Test
  void aDownThatRestoresTheData() {
    Parsed p =
        typeorm(
            migration(
                UP,
                """
        await queryRunner.query(`ALTER TABLE "user" ADD "legacyToken" varchar`);
        await queryRunner.query(`UPDATE "user" u SET "legacyToken" = b."token" FROM "user_backup" b WHERE b.id = u.id`);
        """));
    assertThat(reasons(p)).isEmpty();
  }

  @Test
  void noDownMethod() {
    Parsed p =
        typeorm(
            """
        export class OnlyUp1700000000003 {
          async up(queryRunner) { await queryRunner.dropTable("coupon"); }
        }
        """);
    assertThat(reasons(p)).singleElement().asString().startsWith("there is no `down`");
  }

  @Test
  void harmlessMigrationsAreNotChecked() {
    Parsed p =
        typeorm(
            migration(
                "await queryRunner.query(`CREATE INDEX \"IDX_a\" ON \"user\" (\"a\")`);",
                "// nothing"));
    assertThat(reasons(p)).isEmpty();
  }
}
