package dev.airlock.migrations.liquibase;

import static dev.airlock.migrations.liquibase.Changelogs.destructive;
import static dev.airlock.migrations.liquibase.Changelogs.occurrences;
import static dev.airlock.migrations.liquibase.Changelogs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.IrreversibleMigration;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.Project;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormattedSqlTest {
  @Test
  void changesetsWithAndWithoutRollback() {
    Parsed p =
        parse(
            "db/changelog/005-cleanup.sql",
            """
            --liquibase formatted sql

            --changeset maria:5-1
            CREATE TABLE order_notes (id BIGSERIAL PRIMARY KEY, body TEXT);
            --rollback DROP TABLE order_notes;

            --changeset maria:5-2 runAlways:false
            --comment: the legacy id is no longer read anywhere
            ALTER TABLE orders DROP COLUMN legacy_order_id;

            --changeset maria:5-3
            DROP TABLE coupons_old;
            --rollback CREATE TABLE coupons_old (id INT);
            """);
    assertThat(destructive(p))
        .containsExactly(
            new DropColumn("orders", "legacy_order_id", false, false),
            new IrreversibleMigration("changeset maria:5-2 drops column `orders.legacy_order_id` and has no rollback"),
            new Drop(ObjectKind.TABLE, "table", List.of("coupons_old"), false, false),
            new IrreversibleMigration("changeset maria:5-3 drops `coupons_old`; its rollback recreates it empty, the data cannot be restored"));
    Occurrence drop = occurrences(p, DropColumn.class).get(0);
    assertThat(drop.span().startLine()).isEqualTo(9);
    assertThat(drop.span().startColumn()).isEqualTo(1);
    assertThat(drop.statement()).isEqualTo("ALTER TABLE orders DROP COLUMN legacy_order_id;");
    assertThat(drop.within()).contains("changeset maria:5-2");
    assertThat(p.statements()).isEqualTo(3);
  }

  @Test
  void rollbackLinesAreNotRun() {
    Parsed p =
        parse(
            "x.sql",
            """
            -- liquibase formatted sql
            -- changeset a:1
            CREATE INDEX ix_orders_created ON orders (created_at);
            -- rollback DROP INDEX ix_orders_created;
            /* liquibase rollback
            DROP TABLE everything;
            */
            """);
    assertThat(destructive(p)).isEmpty();
    assertThat(Changelogs.ops(p)).hasSize(1).allMatch(o -> o instanceof Benign);
  }

  @Test
  void aMissingSemicolonDoesNotRunIntoTheNextChangeset() {
    Parsed p =
        parse(
            "x.sql",
            """
            --liquibase formatted sql
            --changeset a:1
            CREATE TABLE t1 (id INT)
            --changeset a:2
            DROP TABLE t2
            """);
    assertThat(destructive(p)).contains(new Drop(ObjectKind.TABLE, "table", List.of("t2"), false, false));
    assertThat(occurrences(p, Drop.class).get(0).span().startLine()).isEqualTo(5);
  }

  @Test
  void endDelimiterAndDbms() {
    Parsed p =
        parse(
            "x.sql",
            """
            --liquibase formatted sql
            --changeset dba:proc endDelimiter:/ dbms:mysql splitStatements:true
            DROP PROCEDURE IF EXISTS recalc
            /
            DROP TABLE `order lines`
            /
            """);
    assertThat(destructive(p))
        .contains(
            new Drop(ObjectKind.PROCEDURE, "procedure", List.of("recalc"), true, false),
            new Drop(ObjectKind.TABLE, "table", List.of("order lines"), false, false));
    assertThat(occurrences(p, Drop.class).get(0).within()).contains("changeset dba:proc (dbms mysql)");
  }

  @Test
  void quotedAuthorAndDataRestoringRollback() {
    Parsed p =
        parse(
            "x.sql",
            """
            --liquibase formatted sql
            --changeset "Jane Doe":archive-1
            DROP TABLE invoices_2019;
            --rollback CREATE TABLE invoices_2019 AS SELECT * FROM archive.invoices_2019;
            --rollback INSERT INTO audit(msg) VALUES ('restored');
            """);
    assertThat(occurrences(p, IrreversibleMigration.class)).isEmpty();
    assertThat(occurrences(p, Drop.class).get(0).within()).contains("changeset Jane Doe:archive-1");
  }

  @Test
  void allowCommentAboveChangesetAndInsideIt() {
    Parsed p =
        parse(
            "x.sql",
            """
            --liquibase formatted sql

            -- airlock:allow irreversible-migration the data lives in the warehouse
            --changeset a:9
            -- airlock:allow drop-table replaced by carts_v2
            DROP TABLE carts;
            """);
    Occurrence drop = occurrences(p, Drop.class).get(0);
    assertThat(drop.allowances()).extracting(a -> a.ruleId()).containsExactly("irreversible-migration", "drop-table");
    assertThat(drop.allowances().get(1).span().startLine()).isEqualTo(5);
  }

  @Test
  void destructiveStatementsInCommentsAndStringsDoNotCount() {
    Parsed p =
        parse(
            "x.sql",
            """
            --liquibase formatted sql
            --changeset a:1
            -- DROP TABLE users;
            INSERT INTO notes(body) VALUES ('remember: DROP TABLE users; later');
            """,
            Dialect.POSTGRESQL,
            Project.none());
    assertThat(destructive(p)).isEmpty();
  }

  @Test
  void crlfLineEndings() {
    Parsed p = parse("x.sql", "--liquibase formatted sql\r\n--changeset a:1\r\nSELECT 1;\r\n--changeset a:2\r\n  DROP VIEW v_sales;\r\n");
    Occurrence o = occurrences(p, Drop.class).get(0);
    assertThat(o.span().startLine()).isEqualTo(5);
    assertThat(o.span().startColumn()).isEqualTo(3);
    assertThat(o.statement()).isEqualTo("DROP VIEW v_sales;");
  }

  @Test
  void preconditionsAndCommentsAreNotStatements() {
    Parsed p =
        parse(
            "x.sql",
            """
            --liquibase formatted sql
            --changeset ops:purge context:prod labels:cleanup
            --preconditions onFail:MARK_RAN onError:HALT
            --precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_locks WHERE granted = false
            --comment: purge tombstoned rows older than 90 days
            DELETE FROM documents
             WHERE deleted_at < now() - interval '90 days';
            --rollback not required
            """);
    assertThat(destructive(p)).hasSize(1).first().isInstanceOf(dev.airlock.core.operation.DeleteRows.class);
    assertThat(occurrences(p, dev.airlock.core.operation.DeleteRows.class).get(0).span().startLine()).isEqualTo(6);
    assertThat(p.statements()).isEqualTo(1);
  }
}
