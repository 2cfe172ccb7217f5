package dev.airlock.migrations.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.policy.Config;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The whole pipeline: a changelog in, the same rule ids out as for the SQL it generates. */
class LiquibaseCheckTest {
  private static FileReport check(String path, String text) {
    return new Checker(Config.defaults())
        .check(new SourceText(path, text), new LiquibaseFormat().frontend(Path.of(path), Dialect.POSTGRESQL, Project.none()));
  }

  @Test
  void incidentFourAsALiquibaseChangeset() {
    FileReport r =
        check(
            "db/changelog/042.xml",
            Changelogs.xml(
                """
                    <changeSet id="42" author="maria">
                        <comment>tidy up orders</comment>
                        <dropColumn tableName="orders" columnName="legacy_order_id"/>
                    </changeSet>
                """));
    assertThat(r.findings()).extracting(f -> f.rule().id()).containsExactly("drop-column", "irreversible-migration");
    Finding f = r.findings().get(0);
    assertThat(f.message()).contains("`legacy_order_id`").contains("`orders`");
    assertThat(f.generatedSql()).contains("ALTER TABLE orders DROP COLUMN legacy_order_id;");
    assertThat(f.span().startLine()).isEqualTo(9);
  }

  @Test
  void everyDestructiveChangeFiresItsRule() {
    FileReport r =
        check(
            "db/changelog/100.yaml",
            """
            databaseChangeLog:
              - changeSet:
                  id: 100
                  author: ops
                  changes:
                    - dropTable: {tableName: user_sessions, cascadeConstraints: true}
                    - dropView: {viewName: v_report}
                    - dropIndex: {indexName: ix_orders_status, tableName: orders}
                    - modifyDataType: {tableName: orders, columnName: note, newDataType: varchar(50)}
                    - renameColumn: {tableName: orders, oldColumnName: qty, newColumnName: quantity}
                    - renameTable: {oldTableName: line_items, newTableName: order_lines}
                    - dropForeignKeyConstraint: {baseTableName: orders, constraintName: fk_cust}
                    - delete: {tableName: users}
                    - update:
                        tableName: users
                        columns: [{column: {name: plan, value: free}}]
                    - customChange: {class: com.acme.Backfill}
                    - executeCommand: {executable: rm}
                    - dropSequence: {sequenceName: old_seq}
                  rollback: empty
            """);
    assertThat(r.findings())
        .extracting(f -> f.rule().id())
        .contains(
            "drop-table", "drop-view", "drop-index", "alter-column-type", "rename-column", "rename-table",
            "drop-constraint", "delete-without-where", "update-without-where", "data-migration",
            "dynamic-sql", "drop-type", "irreversible-migration");
  }

  @Test
  void allowCommentSuppressesInAYamlChangelog() {
    FileReport r =
        check(
            "c.yaml",
            """
            databaseChangeLog:
              - changeSet:
                  id: 1
                  author: a
                  changes:
                    # airlock:allow drop-table,irreversible-migration emptied and archived in OPS-991
                    - dropTable:
                        tableName: import_staging
            """);
    assertThat(r.findings()).hasSize(2).allMatch(f -> f.suppression().isPresent());
  }

  @Test
  void unreadableChangelogIsAFinding() {
    FileReport r = check("c.json", "{ \"databaseChangeLog\": [ { \"changeSet\": ");
    assertThat(r.findings()).extracting(f -> f.rule().id()).containsExactly("unparsed-migration");
  }
}
