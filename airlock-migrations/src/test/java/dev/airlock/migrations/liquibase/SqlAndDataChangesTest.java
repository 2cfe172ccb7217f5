package dev.airlock.migrations.liquibase;

import static dev.airlock.migrations.liquibase.Changelogs.destructive;
import static dev.airlock.migrations.liquibase.Changelogs.occurrences;
import static dev.airlock.migrations.liquibase.Changelogs.parse;
import static dev.airlock.migrations.liquibase.Changelogs.xml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.DataMigration;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Truncate;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.operation.UpdateRows;
import dev.airlock.core.sql.Dialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlAndDataChangesTest {
  @Test
  void deleteWithWhereIsParsedByTheSqlFrontend() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <changeSet id="20" author="a">
                        <delete tableName="users">
                            <where>email LIKE '%@test.example' AND created_at &lt; '2020-01-01'</where>
                        </delete>
                    </changeSet>
                """));
    Occurrence o = occurrences(p, DeleteRows.class).get(0);
    DeleteRows d = (DeleteRows) o.operation();
    assertThat(d.table()).isEqualTo("users");
    assertThat(d.where()).isPresent();
    assertThat(d.where().get().textMatches()).isNotEmpty();
    assertThat(o.generatedSql()).contains("DELETE FROM users WHERE email LIKE '%@test.example' AND created_at < '2020-01-01';");
    assertThat(o.statement()).startsWith("<delete tableName=\"users\">");
    assertThat(o.within()).hasValueSatisfying(w -> assertThat(w).startsWith("changeset a:20"));
  }

  @Test
  void deleteWithoutWhereDeletesEverything() {
    Parsed p = parse("c.xml", xml("<changeSet id=\"21\" author=\"a\"><delete tableName=\"sessions\"/></changeSet>\n"));
    assertThat(destructive(p)).containsExactly(new DeleteRows("sessions", java.util.Optional.empty()));
  }

  @Test
  void updateRendersItsColumnsAndWhere() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <changeSet id="22" author="a">
                        <update tableName="accounts">
                            <column name="status" value="closed"/>
                            <column name="closed_at" valueComputed="NOW()"/>
                            <where>last_login &lt; '2019-01-01'</where>
                        </update>
                        <update tableName="flags"><column name="enabled" valueBoolean="false"/></update>
                    </changeSet>
                """));
    List<Occurrence> updates = occurrences(p, UpdateRows.class);
    assertThat(updates).hasSize(2);
    assertThat(((UpdateRows) updates.get(0).operation()).where()).isPresent();
    assertThat(updates.get(0).generatedSql())
        .contains("UPDATE accounts SET status = 'closed', closed_at = NOW() WHERE last_login < '2019-01-01';");
    assertThat(((UpdateRows) updates.get(1).operation()).where()).isEmpty();
    assertThat(((UpdateRows) updates.get(1).operation()).columns()).containsExactly("enabled");
  }

  @Test
  void sqlChangeWithCdataAndSeveralStatements() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <changeSet id="23" author="a">
                        <sql splitStatements="true" stripComments="true"><![CDATA[
                            -- clean up the test tenants
                            DELETE FROM tenants WHERE name LIKE 'test-%';
                            TRUNCATE TABLE tenant_cache;
                            ALTER TABLE tenants DROP COLUMN trial_ends_at;
                        ]]></sql>
                    </changeSet>
                """));
    assertThat(destructive(p))
        .hasAtLeastOneElementOfType(DeleteRows.class)
        .contains(new Truncate(List.of("tenant_cache"), false), new DropColumn("tenants", "trial_ends_at", false, false));
    Occurrence drop = occurrences(p, DropColumn.class).get(0);
    assertThat(drop.generatedSql()).contains("ALTER TABLE tenants DROP COLUMN trial_ends_at;");
    assertThat(drop.statement()).startsWith("<sql splitStatements=\"true\"");
    // a DROP COLUMN written in a changeset without rollback
    assertThat(Changelogs.ops(p)).anyMatch(o -> o instanceof dev.airlock.core.operation.IrreversibleMigration);
  }

  @Test
  void sqlWithEndDelimiter() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <changeSet id="24" author="a" dbms="mysql">
                        <sql endDelimiter="//">
                            DROP TABLE IF EXISTS tmp_a//
                            DROP TABLE IF EXISTS tmp_b
                            //
                        </sql>
                    </changeSet>
                """));
    assertThat(destructive(p).stream().filter(o -> o instanceof Drop).toList())
        .containsExactly(
            new Drop(ObjectKind.TABLE, "table", List.of("tmp_a"), true, false),
            new Drop(ObjectKind.TABLE, "table", List.of("tmp_b"), true, false));
  }

  @Test
  void sqlFileIsReadRelativeToTheChangelog() {
    var project =
        Changelogs.project(
            Map.of(
                "src/main/resources/db/changelog/sql/cleanup.sql",
                "DELETE FROM audit_log WHERE created_at < now() - interval '1 year';\nDROP TABLE audit_log_old;\n"));
    Parsed p =
        parse(
            "src/main/resources/db/changelog/db.changelog-master.xml",
            xml(
                """
                    <changeSet id="25" author="a">
                        <sqlFile path="sql/cleanup.sql" relativeToChangelogFile="true"/>
                    </changeSet>
                    <changeSet id="26" author="a">
                        <sqlFile path="db/changelog/sql/cleanup.sql"/>
                    </changeSet>
                    <changeSet id="27" author="a">
                        <sqlFile path="sql/missing.sql" relativeToChangelogFile="true"/>
                    </changeSet>
                """),
            Dialect.POSTGRESQL,
            project);
    assertThat(occurrences(p, Drop.class)).hasSize(2);
    assertThat(occurrences(p, DeleteRows.class)).hasSize(2);
    assertThat(occurrences(p, Drop.class).get(0).within()).hasValueSatisfying(w -> assertThat(w).contains("sqlFile sql/cleanup.sql"));
    assertThat(occurrences(p, UnparsedMigration.class)).hasSize(1);
  }

  @Test
  void createProcedureBodyIsLookedInto() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <changeSet id="28" author="a">
                        <createProcedure procedureName="purge_carts">
                            CREATE OR REPLACE FUNCTION purge_carts() RETURNS void AS $$
                            BEGIN
                                DELETE FROM carts;
                            END;
                            $$ LANGUAGE plpgsql;
                        </createProcedure>
                    </changeSet>
                """));
    assertThat(destructive(p)).contains(new DeleteRows("carts", java.util.Optional.empty()));
  }

  @Test
  void customChangeAndExecuteCommand() {
    Parsed p =
        parse(
            "c.xml",
            xml(
                """
                    <changeSet id="29" author="a">
                        <customChange class="com.example.db.BackfillSlugs">
                            <param name="batchSize" value="500"/>
                        </customChange>
                    </changeSet>
                    <changeSet id="30" author="a">
                        <executeCommand executable="/usr/local/bin/reindex.sh">
                            <arg value="--all"/>
                        </executeCommand>
                    </changeSet>
                """));
    assertThat(destructive(p))
        .containsExactly(
            new DataMigration("customChange com.example.db.BackfillSlugs", false),
            new DynamicSql("executeCommand runs `/usr/local/bin/reindex.sh --all` on the machine that runs Liquibase"));
  }
}
