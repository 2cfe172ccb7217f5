package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class RenameTableTest {
  private final RuleTester tester = RuleTester.forRule("rename-table");

  @Test
  void renamesOfRelationsAreFound() {
    tester.expect(
        """
        -- FINDING: renames table `t` to `u`; everything that names the old table breaks
        ALTER TABLE t RENAME TO u;
        -- FINDING: renames table `s.t` to `u`
        alter table if exists only s.t rename to u;
        -- FINDING: renames table `Orders` to `orders_old`
        ALTER TABLE "Orders" RENAME TO orders_old;
        -- FINDING: renames view `v` to `w`; everything that names the old view breaks
        ALTER VIEW v RENAME TO w;
        -- FINDING: renames materialized view `mv` to `mv2`
        ALTER MATERIALIZED VIEW mv RENAME TO mv2;
        -- FINDING: renames foreign table `ft` to `ft2`
        ALTER FOREIGN TABLE ft RENAME TO ft2;
        -- FINDING: renames schema `s` to `s2`
        ALTER SCHEMA s RENAME TO s2;
        -- FINDING: renames database `d` to `e`
        ALTER DATABASE d RENAME TO e;
        """);
  }

  @Test
  void movingToAnotherSchemaIsARename() {
    tester.expect(
        """
        -- FINDING: renames table `t` to `archive.t`
        ALTER TABLE t SET SCHEMA archive;
        -- FINDING: renames table `s.t` to `archive.t`
        ALTER TABLE IF EXISTS s.t SET SCHEMA archive;
        -- FINDING: renames view `s.v` to `archive.v`
        ALTER VIEW s.v SET SCHEMA archive;
        """);
  }

  @Test
  void otherRenamesAreNotRelationRenames() {
    tester.expect(
        """
        ALTER TABLE t RENAME COLUMN a TO b;
        ALTER TABLE t RENAME a TO b;
        ALTER TABLE t RENAME CONSTRAINT a TO b;
        ALTER INDEX i RENAME TO j;
        ALTER SEQUENCE s RENAME TO s2;
        ALTER FUNCTION f() RENAME TO g;
        ALTER TYPE mood RENAME TO feeling;
        ALTER TRIGGER tr ON t RENAME TO tr2;
        ALTER ROLE app RENAME TO app2;
        ALTER FUNCTION f() SET SCHEMA archive;
        CREATE TABLE rename_log (id int);
        SELECT 'ALTER TABLE t RENAME TO u';
        -- ALTER TABLE t RENAME TO u;
        """);
  }

  @Test
  void renamesInsideBodiesAreFound() {
    tester.expect(
        """
        DO $$ BEGIN
          -- FINDING: renames table `t` to `t_old`; everything that names the old table breaks (inside DO block)
          ALTER TABLE t RENAME TO t_old;
        END $$;
        """);
  }

  @Test
  void mysqlAndSqliteForms() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: renames table `a` to `b`
            # FINDING: renames table `c` to `d`
            RENAME TABLE a TO b, c TO d;
            # FINDING: renames table `db.t` to `db.u`
            RENAME TABLE `db`.`t` TO `db`.`u`;
            # FINDING: renames table `t` to `u`
            ALTER TABLE t RENAME u;
            # FINDING: renames table `t` to `u`
            ALTER TABLE t RENAME AS u;
            # FINDING: renames table `t` to `u`
            ALTER TABLE t RENAME TO u;
            ALTER TABLE t RENAME COLUMN a TO b;
            ALTER TABLE t RENAME INDEX i TO j;
            """);
    RuleTester.forRule("rename-table")
        .dialect(Dialect.SQLITE)
        .expect(
            """
            -- FINDING: renames table `t` to `u`
            ALTER TABLE "t" RENAME TO "u";
            """);
  }
}
