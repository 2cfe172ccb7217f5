package dev.airlock.migrations.liquibase;

import static dev.airlock.migrations.liquibase.Changelogs.destructive;
import static dev.airlock.migrations.liquibase.Changelogs.occurrences;
import static dev.airlock.migrations.liquibase.Changelogs.parse;
import static dev.airlock.migrations.liquibase.Changelogs.xml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.IrreversibleMigration;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.Project;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XmlChangelogTest {
  @Test
  void dropColumnIsTheSameOperationAsSqlWithLiquibasesSql() {
    Parsed p =
        parse(
            "db/changelog/042-orders.xml",
            xml(
                """
                    <changeSet id="42" author="maria">
                        <dropColumn tableName="orders" columnName="legacy_order_id"/>
                        <rollback>
                            <addColumn tableName="orders">
                                <column name="legacy_order_id" type="BIGINT"/>
                            </addColumn>
                        </rollback>
                    </changeSet>
                """));
    Occurrence drop = occurrences(p, DropColumn.class).get(0);
    assertThat(drop.operation()).isEqualTo(new DropColumn("orders", "legacy_order_id", false, false));
    assertThat(drop.generatedSql()).contains("ALTER TABLE orders DROP COLUMN legacy_order_id;");
    assertThat(drop.within()).contains("changeset maria:42");
    assertThat(drop.statement()).isEqualTo("<dropColumn tableName=\"orders\" columnName=\"legacy_order_id\"/>");
    assertThat(drop.span().startLine()).isEqualTo(8);
    assertThat(drop.span().startColumn()).isEqualTo(9);
    assertThat(p.statements()).isEqualTo(1);
    // the rollback recreates the column, empty
    assertThat(occurrences(p, IrreversibleMigration.class))
        .extracting(o -> ((IrreversibleMigration) o.operation()).reason())
        .containsExactly(
            "changeset maria:42 drops column `orders.legacy_order_id`; its rollback recreates it empty, the data cannot be restored");
  }

  @Test
  void nestedColumnsOfDropColumnEachBecomeADrop() {
    Parsed p =
        parse(
            "changelog.xml",
            xml(
                """
                    <changeSet id="7" author="ops">
                        <dropColumn schemaName="billing"
                                    tableName="invoices">
                            <column name="fax_number"/>
                            <column
                                name="telex"/>
                        </dropColumn>
                    </changeSet>
                """));
    assertThat(occurrences(p, DropColumn.class))
        .extracting(Occurrence::operation)
        .containsExactly(
            new DropColumn("billing.invoices", "fax_number", false, false),
            new DropColumn("billing.invoices", "telex", false, false));
    assertThat(occurrences(p, DropColumn.class).get(0).generatedSql())
        .contains("ALTER TABLE billing.invoices DROP COLUMN fax_number;");
    assertThat(occurrences(p, DropColumn.class).get(0).span().startLine()).isEqualTo(8);
    assertThat(occurrences(p, DropColumn.class).get(0).span().endLine()).isEqualTo(13);
    assertThat(occurrences(p, IrreversibleMigration.class)).hasSize(2);
    assertThat(((IrreversibleMigration) occurrences(p, IrreversibleMigration.class).get(0).operation()).reason())
        .isEqualTo("changeset ops:7 drops column `billing.invoices.fax_number` and has no rollback");
  }

  @Test
  void dropTableWithCascadePerDialect() {
    String text =
        xml(
            """
                <changeSet id="1" author="a">
                    <dropTable tableName="user_sessions" cascadeConstraints="true"/>
                </changeSet>
            """);
    assertThat(destructive(parse("c.xml", text)).get(0))
        .isEqualTo(new Drop(ObjectKind.TABLE, "table", List.of("user_sessions"), false, true));
    assertThat(sql(parse("c.xml", text, Dialect.POSTGRESQL, Project.none()))).isEqualTo("DROP TABLE user_sessions CASCADE;");
    assertThat(sql(parse("c.xml", text, Dialect.MYSQL, Project.none()))).isEqualTo("DROP TABLE user_sessions CASCADE;");
    assertThat(sql(parse("c.xml", text, Dialect.SQLITE, Project.none()))).isEqualTo("DROP TABLE user_sessions;");
  }

  @Test
  void modifyRenameAndConstraintDropsRenderPerDialect() {
    String text =
        xml(
            """
                <changeSet id="2" author="a">
                    <modifyDataType tableName="orders" columnName="total" newDataType="DECIMAL(12,2)"/>
                    <renameColumn tableName="orders" oldColumnName="cust" newColumnName="customer_id" columnDataType="BIGINT"/>
                    <renameTable oldTableName="order_lines" newTableName="order_items"/>
                    <dropForeignKeyConstraint baseTableName="orders" constraintName="fk_orders_customer"/>
                    <dropUniqueConstraint tableName="users" constraintName="uq_users_email"/>
                    <dropPrimaryKey tableName="carts"/>
                    <dropIndex indexName="idx_orders_created" tableName="orders"/>
                </changeSet>
            """);
    Parsed pg = parse("c.xml", text);
    assertThat(destructive(pg))
        .containsExactly(
            new AlterColumnType("orders", "total", "DECIMAL(12,2)"),
            new RenameColumn("orders", "cust", "customer_id"),
            new Rename(ObjectKind.TABLE, "order_lines", "order_items"),
            new DropConstraint("orders", "fk_orders_customer", false),
            new DropConstraint("users", "uq_users_email", false),
            new DropConstraint("carts", "primary key", false),
            new Drop(ObjectKind.INDEX, "index", List.of("idx_orders_created"), false, false));
    assertThat(pg.occurrences()).extracting(o -> o.generatedSql().orElse(""))
        .containsExactly(
            "ALTER TABLE orders ALTER COLUMN total TYPE DECIMAL(12,2) USING (total::DECIMAL(12,2));",
            "ALTER TABLE orders RENAME COLUMN cust TO customer_id;",
            "ALTER TABLE order_lines RENAME TO order_items;",
            "ALTER TABLE orders DROP CONSTRAINT fk_orders_customer;",
            "ALTER TABLE users DROP CONSTRAINT uq_users_email;",
            "ALTER TABLE carts DROP CONSTRAINT carts_pkey;",
            "DROP INDEX idx_orders_created;");
    Parsed my = parse("c.xml", text, Dialect.MYSQL, Project.none());
    assertThat(my.occurrences()).extracting(o -> o.generatedSql().orElse(""))
        .containsExactly(
            "ALTER TABLE orders MODIFY total DECIMAL(12,2);",
            "ALTER TABLE orders CHANGE cust customer_id BIGINT;",
            "ALTER TABLE order_lines RENAME order_items;",
            "ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer;",
            "ALTER TABLE users DROP KEY uq_users_email;",
            "ALTER TABLE carts DROP PRIMARY KEY;",
            "DROP INDEX idx_orders_created ON orders;");
  }

  @Test
  void viewsSequencesProceduresAndBenignDrops() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <changeSet id="3" author="a">
                        <dropView viewName="v_active_users"/>
                        <renameView oldViewName="v_a" newViewName="v_b"/>
                        <dropSequence sequenceName="invoice_seq"/>
                        <dropProcedure procedureName="recalc_totals"/>
                        <dropNotNullConstraint tableName="users" columnName="phone" columnDataType="VARCHAR(20)"/>
                        <dropDefaultValue tableName="users" columnName="status"/>
                        <createTable tableName="audit_log"><column name="id" type="BIGINT"/></createTable>
                    </changeSet>
                """));
    assertThat(Changelogs.ops(p))
        .containsExactly(
            new Drop(ObjectKind.VIEW, "view", List.of("v_active_users"), false, false),
            new Rename(ObjectKind.VIEW, "v_a", "v_b"),
            new Drop(ObjectKind.SEQUENCE, "sequence", List.of("invoice_seq"), false, false),
            new Drop(ObjectKind.PROCEDURE, "procedure", List.of("recalc_totals"), false, false),
            new Benign("dropNotNullConstraint"),
            new Benign("dropDefaultValue"),
            new Benign("createTable"));
    assertThat(p.statements()).isEqualTo(7);
  }

  @Test
  void changesInsideXmlCommentsDoNotCount() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <!-- <changeSet id="old" author="a"><dropTable tableName="users"/></changeSet> -->
                    <changeSet id="4" author="a">
                        <comment>we used to <dropTable tableName="x"/> here</comment>
                        <addColumn tableName="users"><column name="nickname" type="TEXT"/></addColumn>
                    </changeSet>
                """));
    assertThat(destructive(p)).isEmpty();
    assertThat(p.statements()).isEqualTo(1);
  }

  @Test
  void allowCommentBeforeChangeOrChangesetIsCarried() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <!-- airlock:allow drop-table archived to s3 in ticket OPS-12 -->
                    <changeSet id="5" author="a">
                        <!-- airlock:allow irreversible-migration table is empty since 2023 -->
                        <dropTable tableName="legacy_events"/>
                    </changeSet>
                """));
    Occurrence drop = occurrences(p, Drop.class).get(0);
    assertThat(drop.allowances()).extracting(a -> a.ruleId()).containsExactly("drop-table", "irreversible-migration");
    assertThat(drop.allowances().get(0).reason()).isEqualTo("archived to s3 in ticket OPS-12");
  }

  @Test
  void propertiesAreSubstituted() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <property name="schema" value="shop"/>
                    <changeSet id="6" author="a">
                        <dropTable schemaName="${schema}" tableName="carts"/>
                    </changeSet>
                """));
    assertThat(destructive(p).get(0)).isEqualTo(new Drop(ObjectKind.TABLE, "table", List.of("shop.carts"), false, false));
    assertThat(sql(p)).isEqualTo("DROP TABLE shop.carts;");
  }

  @Test
  void crlfFilesHaveExactLocations() {
    String text = xml("""
            <changeSet id="8" author="a">
                <dropTable tableName="t"/>
            </changeSet>
        """).replace("\n", "\r\n");
    Occurrence o = occurrences(parse("c.xml", text), Drop.class).get(0);
    assertThat(o.span().startLine()).isEqualTo(8);
    assertThat(o.span().startColumn()).isEqualTo(9);
    assertThat(o.statement()).isEqualTo("<dropTable tableName=\"t\"/>");
  }

  @Test
  void malformedXmlIsAnUnparsedMigration() {
    Parsed p = parse("c.xml", xml("<changeSet id=\"9\" author=\"a\">\n  <dropTable tableName=\"t\">\n</changeSet>\n"));
    assertThat(Changelogs.ops(p)).hasSize(1);
    assertThat(Changelogs.ops(p).get(0)).isInstanceOf(UnparsedMigration.class);
    assertThat(((UnparsedMigration) Changelogs.ops(p).get(0)).reason()).startsWith("malformed XML at line");
  }

  @Test
  void unknownChangesAndEntriesAreUnparsedNeverSilent() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <changeSet id="10" author="a">
                        <dropEverythingFast tableName="t"/>
                    </changeSet>
                """));
    assertThat(Changelogs.ops(p)).containsExactly(new UnparsedMigration("liquibase", "unknown change `dropEverythingFast`: what it runs cannot be told"));
  }

  @Test
  void emptyRollbackAndMissingRollback() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <changeSet id="11" author="a">
                        <dropTable tableName="tmp_import"/>
                        <rollback/>
                    </changeSet>
                    <changeSet id="12" author="a">
                        <dropTable tableName="old_prices"/>
                        <rollback>
                            CREATE TABLE old_prices AS SELECT * FROM old_prices_backup;
                            INSERT INTO old_prices SELECT * FROM old_prices_archive;
                        </rollback>
                    </changeSet>
                    <changeSet id="13" author="a">
                        <createTable tableName="x"><column name="id" type="INT"/></createTable>
                    </changeSet>
                """));
    assertThat(occurrences(p, IrreversibleMigration.class))
        .extracting(o -> ((IrreversibleMigration) o.operation()).reason())
        .containsExactly("changeset a:11 drops `tmp_import`; its rollback is empty");
  }

  @Test
  void rollbackReferringToAnotherChangeset() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <changeSet id="create-tags" author="a">
                        <createTable tableName="tags"><column name="id" type="INT"/></createTable>
                    </changeSet>
                    <changeSet id="drop-tags" author="a">
                        <dropTable tableName="tags"/>
                        <rollback changeSetId="create-tags" changeSetAuthor="a"/>
                    </changeSet>
                """));
    assertThat(occurrences(p, IrreversibleMigration.class))
        .extracting(o -> ((IrreversibleMigration) o.operation()).reason())
        .containsExactly("changeset a:drop-tags drops `tags`; its rollback recreates it empty, the data cannot be restored");
  }

  @Test
  void includesAreBenignAndCounted() {
    Parsed p =
        parse(
            "db.changelog-master.xml",
            xml(
                """
                    <include file="changes/001-init.yaml" relativeToChangelogFile="true"/>
                    <includeAll path="db/changelog/changes/"/>
                """));
    assertThat(Changelogs.ops(p)).containsExactly(new Benign("include"), new Benign("includeAll"));
    assertThat(p.statements()).isEqualTo(2);
  }

  @Test
  void mergeColumnsDropsBothColumns() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <changeSet id="14" author="a">
                        <mergeColumns tableName="people" column1Name="first_name" column2Name="last_name"
                                      finalColumnName="full_name" finalColumnType="VARCHAR(255)" joinString=" "/>
                    </changeSet>
                """));
    assertThat(occurrences(p, DropColumn.class)).extracting(Occurrence::operation)
        .containsExactly(new DropColumn("people", "first_name", false, false), new DropColumn("people", "last_name", false, false));
  }

  @Test
  void dbmsAttributeChoosesTheDialect() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <changeSet id="15" author="a" dbms="mysql">
                        <dropForeignKeyConstraint baseTableName="orders" constraintName="fk_o"/>
                    </changeSet>
                """));
    assertThat(sql(p)).isEqualTo("ALTER TABLE orders DROP FOREIGN KEY fk_o;");
    assertThat(p.occurrences().get(0).within()).contains("changeset a:15 (dbms mysql)");
  }

  private static String sql(Parsed p) {
    return p.occurrences().stream().map(Occurrence::generatedSql).flatMap(Optional::stream).findFirst().orElse("");
  }
}
