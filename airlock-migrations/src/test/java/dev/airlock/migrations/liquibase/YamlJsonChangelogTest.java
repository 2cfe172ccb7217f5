package dev.airlock.migrations.liquibase;

import static dev.airlock.migrations.liquibase.Changelogs.destructive;
import static dev.airlock.migrations.liquibase.Changelogs.occurrences;
import static dev.airlock.migrations.liquibase.Changelogs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.IrreversibleMigration;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.operation.UnparsedMigration;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlJsonChangelogTest {
  @Test
  void yamlDropColumnWithExactSpan() {
    Parsed p =
        parse(
            "db/changelog/changes/003-drop-legacy.yaml",
            """
            databaseChangeLog:
              - changeSet:
                  id: 003-drop-legacy
                  author: maria
                  changes:
                    - dropColumn:
                        tableName: orders
                        columnName: legacy_order_id
                    # the next one is harmless
                    - addColumn:
                        tableName: orders
                        columns:
                          - column:
                              name: external_ref
                              type: varchar(64)
            """);
    Occurrence drop = occurrences(p, DropColumn.class).get(0);
    assertThat(drop.operation()).isEqualTo(new DropColumn("orders", "legacy_order_id", false, false));
    assertThat(drop.span().startLine()).isEqualTo(6);
    assertThat(drop.span().startColumn()).isEqualTo(11);
    assertThat(drop.span().endLine()).isEqualTo(8);
    assertThat(drop.statement()).isEqualTo("dropColumn:\n            tableName: orders\n            columnName: legacy_order_id");
    assertThat(drop.generatedSql()).contains("ALTER TABLE orders DROP COLUMN legacy_order_id;");
    assertThat(drop.within()).contains("changeset maria:003-drop-legacy");
    assertThat(p.statements()).isEqualTo(2);
    assertThat(occurrences(p, IrreversibleMigration.class)).hasSize(1);
  }

  @Test
  void nestedColumnListInYaml() {
    Parsed p =
        parse(
            "c.yaml",
            """
            databaseChangeLog:
              - changeSet:
                  id: 4
                  author: a
                  changes:
                    - dropColumn:
                        tableName: users
                        columns:
                          - column:
                              name: fax
                          - column: {name: pager}
                  rollback:
                    - addColumn:
                        tableName: users
                        columns:
                          - column: {name: fax, type: text}
                          - column: {name: pager, type: text}
            """);
    assertThat(destructive(p).stream().filter(o -> o instanceof DropColumn).toList())
        .containsExactly(new DropColumn("users", "fax", false, false), new DropColumn("users", "pager", false, false));
    assertThat(occurrences(p, IrreversibleMigration.class))
        .extracting(o -> ((IrreversibleMigration) o.operation()).reason())
        .allMatch(r -> r.endsWith("its rollback recreates it empty, the data cannot be restored"));
  }

  @Test
  void anchorsAliasesAndMergeKeysWork() {
    Parsed p =
        parse(
            "c.yml",
            """
            databaseChangeLog:
              - changeSet:
                  id: 5
                  author: a
                  changes:
                    - dropTable: &dropOld
                        tableName: old_events
                        cascadeConstraints: true
                    - modifyDataType:
                        <<: &orders
                          tableName: orders
                          schemaName: shop
                        columnName: amount
                        newDataType: numeric(14,2)
                    - renameColumn:
                        <<: *orders
                        oldColumnName: amount
                        newColumnName: total_amount
              - changeSet:
                  id: 6
                  author: a
                  changes:
                    - dropTable: *dropOld
            """);
    assertThat(destructive(p).stream().filter(o -> !(o instanceof IrreversibleMigration)).toList())
        .containsExactly(
            new Drop(ObjectKind.TABLE, "table", List.of("old_events"), false, true),
            new AlterColumnType("shop.orders", "amount", "numeric(14,2)"),
            new RenameColumn("shop.orders", "amount", "total_amount"),
            new Drop(ObjectKind.TABLE, "table", List.of("old_events"), false, true));
    assertThat(occurrences(p, AlterColumnType.class).get(0).generatedSql())
        .contains("ALTER TABLE shop.orders ALTER COLUMN amount TYPE numeric(14,2) USING (amount::numeric(14,2));");
  }

  @Test
  void yamlCommentsDoNotCountAndCarryAllowances() {
    Parsed p =
        parse(
            "c.yaml",
            """
            databaseChangeLog:
              # - changeSet:
              #     changes:
              #       - dropTable: {tableName: users}
              - changeSet:
                  id: 7
                  author: a
                  comment: "we no longer dropTable anything here"
                  changes:
                    # airlock:allow drop-table replaced by the events_v2 table in release 41
                    - dropTable:
                        tableName: events_v1
                  rollback: "CREATE TABLE events_v1 AS SELECT * FROM events_v1_backup; INSERT INTO events_v1 SELECT 1"
            """);
    assertThat(destructive(p)).containsExactly(new Drop(ObjectKind.TABLE, "table", List.of("events_v1"), false, false));
    assertThat(occurrences(p, Drop.class).get(0).allowances()).extracting(a -> a.ruleId()).containsExactly("drop-table");
  }

  @Test
  void multiLineSqlAndWhereInYaml() {
    Parsed p =
        parse(
            "c.yaml",
            """
            databaseChangeLog:
              - changeSet:
                  id: 8
                  author: a
                  changes:
                    - sql:
                        dbms: postgresql
                        splitStatements: true
                        sql: |
                          UPDATE users SET status = 'inactive'
                           WHERE last_seen < now() - interval '2 years';
                          DELETE FROM sessions;
                    - delete:
                        tableName: carts
                        where: "updated_at < '2022-01-01'"
            """);
    assertThat(occurrences(p, DeleteRows.class)).extracting(o -> ((DeleteRows) o.operation()).table()).containsExactly("sessions", "carts");
    assertThat(((DeleteRows) occurrences(p, DeleteRows.class).get(1).operation()).where()).isPresent();
    assertThat(p.statements()).isEqualTo(2);
  }

  @Test
  void jsonChangelogWithTabs() {
    Parsed p =
        parse(
            "db/changelog/010.json",
            "{\n\t\"databaseChangeLog\": [\n\t\t{\n\t\t\t\"changeSet\": {\n\t\t\t\t\"id\": \"10\",\n\t\t\t\t\"author\": \"kim\",\n"
                + "\t\t\t\t\"changes\": [\n\t\t\t\t\t{ \"dropTable\": { \"tableName\": \"coupons\" } },\n"
                + "\t\t\t\t\t{ \"createIndex\": { \"tableName\": \"orders\", \"indexName\": \"ix\", \"columns\": [ { \"column\": { \"name\": \"created_at\" } } ] } }\n"
                + "\t\t\t\t]\n\t\t\t}\n\t\t}\n\t]\n}\n");
    Occurrence drop = occurrences(p, Drop.class).get(0);
    assertThat(drop.operation()).isEqualTo(new Drop(ObjectKind.TABLE, "table", List.of("coupons"), false, false));
    assertThat(drop.span().startLine()).isEqualTo(8);
    assertThat(drop.statement()).isEqualTo("{ \"dropTable\": { \"tableName\": \"coupons\" } }");
    assertThat(drop.span().startColumn()).isEqualTo(6);
    assertThat(Changelogs.ops(p)).contains(new Benign("createIndex"));
    assertThat(p.statements()).isEqualTo(2);
  }

  @Test
  void malformedYamlIsUnparsed() {
    Parsed p = parse("c.yaml", "databaseChangeLog:\n  - changeSet:\n      id: 1\n     author: [\n");
    assertThat(Changelogs.ops(p)).hasSize(1).first().isInstanceOf(UnparsedMigration.class);
    assertThat(p.occurrences().get(0).span().startLine()).isGreaterThan(1);
  }

  @Test
  void formatAcceptsByContent() {
    LiquibaseFormat f = new LiquibaseFormat();
    assertThat(f.accepts(java.nio.file.Path.of("db/changelog.yaml"), "databaseChangeLog:\n  - include: {file: a.yaml}\n")).isTrue();
    assertThat(f.accepts(java.nio.file.Path.of("config/application.yaml"), "spring:\n  liquibase:\n    change-log: x\n")).isFalse();
    assertThat(f.accepts(java.nio.file.Path.of("package.json"), "{\"name\": \"x\"}")).isFalse();
    assertThat(f.accepts(java.nio.file.Path.of("db/master.xml"), "<?xml version=\"1.0\"?>\n<databaseChangeLog xmlns=\"x\">")).isTrue();
    assertThat(f.accepts(java.nio.file.Path.of("pom.xml"), "<project><properties><changeLogFile>x</changeLogFile></properties></project>")).isFalse();
    assertThat(f.accepts(java.nio.file.Path.of("001.sql"), "\n--liquibase formatted sql\n--changeset a:1\n")).isTrue();
    assertThat(f.accepts(java.nio.file.Path.of("001.sql"), "-- plain\nDROP TABLE x;")).isFalse();
  }
}
