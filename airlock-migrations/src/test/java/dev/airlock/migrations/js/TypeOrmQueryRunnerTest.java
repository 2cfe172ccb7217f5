package dev.airlock.migrations.js;

import static dev.airlock.migrations.js.JsFixture.migration;
import static dev.airlock.migrations.js.JsFixture.risky;
import static dev.airlock.migrations.js.JsFixture.sql;
import static dev.airlock.migrations.js.JsFixture.typeorm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.operation.SchemaWipe;
import dev.airlock.core.operation.Truncate;
import dev.airlock.core.operation.UpdateRows;
import dev.airlock.core.sql.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** queryRunner.query SQL and the query runner's schema methods. */
class TypeOrmQueryRunnerTest {
  @Test
  void generatedQueriesAreAnalysedAsSql() {
    Parsed p =
        typeorm(
            migration(
                """
        await queryRunner.query(`ALTER TABLE "order" DROP COLUMN "legacyOrderId"`);
        await queryRunner.query(`ALTER TABLE "order" ADD "channel" character varying`);
        await queryRunner.query(`DROP TABLE "abandoned_cart"`);
        """));
    assertThat(risky(p))
        .containsExactly(
            new DropColumn("order", "legacyOrderId", false, false),
            Drop.of(ObjectKind.TABLE, "abandoned_cart"));
    assertThat(p.statements()).isEqualTo(3);
    assertThat(sql(p).get(0)).isEqualTo("ALTER TABLE \"order\" DROP COLUMN \"legacyOrderId\"");
  }

  @Test
  void aQuerySplitOverLinesAndConcatenated() {
    Parsed p =
        typeorm(
            migration(
                """
        await queryRunner.query(
          "DELETE FROM \\"session\\" " +
            "WHERE \\"expiresAt\\" < now()",
        );
        """));
    assertThat(risky(p)).singleElement().isInstanceOf(DeleteRows.class);
    assertThat(p.occurrences().get(0).span().startLine()).isEqualTo(7);
    assertThat(p.occurrences().get(0).span().endLine()).isEqualTo(10);
  }

  @Test
  void templateLiteralsWithRunTimeValuesAreDynamic() {
    Parsed p =
        typeorm(
            migration(
                "const table = getTableName();\nawait queryRunner.query(`DROP TABLE ${table}`);"));
    assertThat(risky(p)).singleElement().isInstanceOf(DynamicSql.class);
    Parsed constant =
        typeorm(
            "const T = \"legacy_audit\";\n"
                + migration("await queryRunner.query(`DROP TABLE \"${T}\"`);"));
    assertThat(risky(constant)).containsExactly(Drop.of(ObjectKind.TABLE, "legacy_audit"));
  }

  @Test
  void callsInCommentsAndStringsDoNotCount() {
    Parsed p =
        typeorm(
            migration(
                """
        // await queryRunner.dropTable("user");
        /* await queryRunner.dropColumn("user", "email"); */
        const doc = 'queryRunner.query("DROP TABLE user")';
        await queryRunner.createTable(new Table({ name: "audit", columns: [{ name: "id", type: "int" }] }));
        """));
    assertThat(risky(p)).isEmpty();
    assertThat(p.statements()).isEqualTo(1);
  }

  @Test
  void dropTableAndColumnsPerDialect() {
    String ts =
        migration(
            """
        await queryRunner.dropTable("wishlist");
        await queryRunner.dropColumn("user", "legacyToken");
        await queryRunner.dropColumns("product", ["oldSku", new TableColumn({ name: "oldPrice", type: "int" })]);
        """);
    assertThat(risky(typeorm(ts)))
        .containsExactly(
            Drop.of(ObjectKind.TABLE, "wishlist"),
            new DropColumn("user", "legacyToken", false, false),
            new DropColumn("product", "oldSku", false, false),
            new DropColumn("product", "oldPrice", false, false));
    assertThat(sql(typeorm(ts)))
        .startsWith(
            "DROP TABLE \"wishlist\";", "ALTER TABLE \"user\" DROP COLUMN \"legacyToken\";");
    assertThat(sql(typeorm(ts, Dialect.MYSQL)).get(1))
        .isEqualTo("ALTER TABLE `user` DROP COLUMN `legacyToken`;");
    assertThat(sql(typeorm(ts, Dialect.SQLITE)).get(1))
        .startsWith("-- SQLite: TypeORM recreates \"user\" without column \"legacyToken\"")
        .contains("ALTER TABLE \"temporary_user\" RENAME TO \"user\";");
  }

  @Test
  void tablesFromGetTableAndTableObjects() {
    Parsed p =
        typeorm(
            migration(
                """
        const table = await queryRunner.getTable("post");
        await queryRunner.dropColumn(table!, "summary");
        await queryRunner.dropTable(new Table({ name: "post_draft" }), true);
        """));
    assertThat(risky(p))
        .containsExactly(
            new DropColumn("post", "summary", false, false),
            new Drop(ObjectKind.TABLE, "table", List.of("post_draft"), true, false));
  }

  @Test
  void renames() {
    Parsed p =
        typeorm(
            migration(
                """
        await queryRunner.renameColumn("user", "name", "fullName");
        await queryRunner.renameTable("line_item", "order_item");
        """));
    assertThat(risky(p))
        .containsExactly(
            new RenameColumn("user", "name", "fullName"),
            new Rename(ObjectKind.TABLE, "line_item", "order_item"));
    assertThat(sql(p))
        .containsExactly(
            "ALTER TABLE \"user\" RENAME COLUMN \"name\" TO \"fullName\";",
            "ALTER TABLE \"line_item\" RENAME TO \"order_item\";");
    assertThat(
            sql(typeorm(migration("await queryRunner.renameTable(\"a\", \"b\");"), Dialect.MYSQL)))
        .containsExactly("RENAME TABLE `a` TO `b`;");
  }

  @Test
  void changeColumnByNameChangesTheTypeAndShowsTheDropAndAdd() {
    Parsed p =
        typeorm(
            migration(
                "await queryRunner.changeColumn(\"product\", \"price\",\n  new TableColumn({ name: \"price\", type: \"numeric\", precision: 12, scale: 2 }));"));
    assertThat(risky(p)).containsExactly(new AlterColumnType("product", "price", "numeric"));
    assertThat(sql(p).get(0)).contains("ALTER TABLE \"product\" DROP COLUMN \"price\";");
  }

  @Test
  void changeColumnWithBothColumnsKnownIsADropWhenTheTypeDiffers() {
    Parsed p =
        typeorm(
            migration(
                """
        const oldColumn = new TableColumn({ name: "title", type: "varchar", length: "50" });
        const newColumn = new TableColumn({ name: "title", type: "varchar", length: "100" });
        await queryRunner.changeColumn("post", oldColumn, newColumn);
        await queryRunner.changeColumn("post", new TableColumn({ name: "body", type: "text" }),
          new TableColumn({ name: "body", type: "text", isNullable: true }));
        """));
    assertThat(risky(p)).containsExactly(new DropColumn("post", "title", false, false));
    assertThat(sql(p).get(0))
        .isEqualTo(
            "ALTER TABLE \"post\" DROP COLUMN \"title\";\n"
                + "ALTER TABLE \"post\" ADD \"title\" character varying(100);");
    assertThat(p.statements()).isEqualTo(2);
  }

  @Test
  void indexesAndConstraints() {
    Parsed p =
        typeorm(
            migration(
                """
        await queryRunner.dropIndex("user", "IDX_user_email");
        await queryRunner.dropForeignKey("order", "FK_order_customer");
        await queryRunner.dropPrimaryKey("tag");
        await queryRunner.dropUniqueConstraint("user", "UQ_user_handle");
        await queryRunner.dropCheckConstraint("product", "CHK_price_positive");
        """));
    assertThat(risky(p))
        .containsExactly(
            Drop.of(ObjectKind.INDEX, "IDX_user_email"),
            new DropConstraint("order", "FK_order_customer", false),
            new DropConstraint("tag", "primary key", false),
            new DropConstraint("user", "UQ_user_handle", false),
            new DropConstraint("product", "CHK_price_positive", false));
    assertThat(sql(p))
        .containsExactly(
            "DROP INDEX \"IDX_user_email\";",
            "ALTER TABLE \"order\" DROP CONSTRAINT \"FK_order_customer\";",
            "ALTER TABLE \"tag\" DROP CONSTRAINT \"PK_…\";",
            "ALTER TABLE \"user\" DROP CONSTRAINT \"UQ_user_handle\";",
            "ALTER TABLE \"product\" DROP CONSTRAINT \"CHK_price_positive\";");
    assertThat(
            sql(
                typeorm(
                    migration("await queryRunner.dropIndex(\"user\", \"IDX_e\");"), Dialect.MYSQL)))
        .containsExactly("DROP INDEX `IDX_e` ON `user`;");
  }

  @Test
  void aForeignKeyFoundAtRunTime() {
    Parsed p =
        typeorm(
            migration(
                """
        const table = await queryRunner.getTable("question");
        const foreignKey = table!.foreignKeys.find((fk) => fk.columnNames.indexOf("categoryId") !== -1);
        await queryRunner.dropForeignKey("question", foreignKey!);
        """));
    DropConstraint d = (DropConstraint) risky(p).get(0);
    assertThat(d.table()).isEqualTo("question");
    assertThat(d.constraint()).contains("categoryId");
    assertThat(sql(p).get(0))
        .startsWith("ALTER TABLE \"question\" DROP CONSTRAINT \"…\";  -- the name");
  }

  @Test
  void clearTableAndDatabaseWipes() {
    Parsed p =
        typeorm(
            migration(
                "await queryRunner.clearTable(\"session\");\nawait queryRunner.clearDatabase();"));
    assertThat(risky(p))
        .containsExactly(
            new Truncate(List.of("session"), false), new SchemaWipe("queryRunner.clearDatabase()"));
    assertThat(
            sql(typeorm(migration("await queryRunner.clearTable(\"session\");"), Dialect.SQLITE)))
        .containsExactly("DELETE FROM \"session\";");
  }

  @Test
  void managerAndQueryBuilderWrites() {
    Parsed p =
        typeorm(
            migration(
                """
        await queryRunner.manager.query(`UPDATE "user" SET "role" = 'member'`);
        await queryRunner.manager.delete(AuditLog, {});
        await queryRunner.manager.delete("session", { expired: true });
        await queryRunner.manager
          .createQueryBuilder()
          .update(UserProfile)
          .set({ verified: false })
          .where("verifiedAt IS NULL")
          .execute();
        """));
    assertThat(risky(p))
        .containsExactly(
            new UpdateRows("user", List.of("role"), Optional.empty()),
            new DeleteRows("audit_log", Optional.empty()),
            new DeleteRows(
                "session",
                Optional.of(dev.airlock.core.operation.Predicate.opaque("{ expired: true }"))),
            new UpdateRows(
                "user_profile",
                List.of("verified"),
                Optional.of(
                    dev.airlock.core.operation.Predicate.opaque("where(\"verifiedAt IS NULL\")"))));
    assertThat(sql(p).get(3))
        .isEqualTo("UPDATE \"user_profile\" SET \"verified\" = … WHERE verifiedAt IS NULL;");
  }

  @Test
  void helperMethodsCalledWithTheQueryRunner() {
    Parsed p =
        typeorm(
            """
        import { MigrationInterface, QueryRunner } from "typeorm";
        export class Cleanup1700000000001 implements MigrationInterface {
          public async up(queryRunner: QueryRunner): Promise<void> {
            await this.dropLegacy(queryRunner);
          }
          private async dropLegacy(runner: QueryRunner) {
            for (const table of ["legacy_a", "legacy_b"]) {
              await runner.dropTable(table);
            }
          }
          public async down(): Promise<void> {}
        }
        """);
    assertThat(risky(p))
        .containsExactly(
            Drop.of(ObjectKind.TABLE, "legacy_a"), Drop.of(ObjectKind.TABLE, "legacy_b"));
  }

  @Test
  void aJavaScriptMigrationClass() {
    Parsed p =
        dev.airlock.migrations.js.TypeOrmWalker.parse(
            new dev.airlock.core.source.SourceText(
                "migrations/1700000000002-Drop.js",
                """
        module.exports = class Drop1700000000002 {
          async up(queryRunner) {
            await queryRunner.query(`DROP TABLE "coupon"`);
          }
          async down(queryRunner) {}
        };
        """),
            Dialect.POSTGRESQL);
    assertThat(risky(p)).containsExactly(Drop.of(ObjectKind.TABLE, "coupon"));
  }

  @Test
  void aFileWithoutAMigrationClassIsReported() {
    Parsed p =
        typeorm(
            "import { QueryRunner } from 'typeorm';\nexport const helper = (q: QueryRunner) => q;\n");
    assertThat(p.occurrences())
        .singleElement()
        .satisfies(o -> assertThat(o.operation().toString()).contains("UnparsedMigration"));
  }
}
