package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class RenameColumnTest {
  private final RuleTester tester = RuleTester.forRule("rename-column");

  @Test
  void columnRenamesAreFound() {
    tester.expect(
        """
        -- FINDING: renames column `t.a` to `b`; every query and function that names the old column breaks
        ALTER TABLE t RENAME COLUMN a TO b;
        -- FINDING: renames column `t.a` to `b`
        alter table t rename a to b;
        -- FINDING: renames column `s.Users.Email` to `email`
        ALTER TABLE IF EXISTS ONLY s."Users" RENAME COLUMN "Email" TO email;
        -- FINDING: renames column `v.a` to `b`
        ALTER VIEW v RENAME COLUMN a TO b;
        -- FINDING: renames column `mv.a` to `b`
        ALTER MATERIALIZED VIEW mv RENAME COLUMN a TO b;
        -- FINDING: renames column `mood.a` to `b`
        ALTER TYPE mood RENAME ATTRIBUTE a TO b;
        -- FINDING: renames column `ft.a` to `b`
        ALTER FOREIGN TABLE ft RENAME COLUMN a TO b;
        """);
  }

  @Test
  void otherRenamesAreNotColumnRenames() {
    tester.expect(
        """
        ALTER TABLE t RENAME TO u;
        ALTER TABLE t RENAME CONSTRAINT a TO b;
        ALTER INDEX i RENAME TO j;
        ALTER TABLE t ADD COLUMN rename_me int;
        ALTER TABLE t ALTER COLUMN a TYPE text;
        SELECT 'ALTER TABLE t RENAME COLUMN a TO b';
        -- ALTER TABLE t RENAME COLUMN a TO b;
        """);
  }

  @Test
  void renamesInsideBodiesAreFound() {
    tester.expect(
        """
        DO $$ BEGIN
          -- FINDING: renames column `t.a` to `b`; every query and function that names the old column breaks (inside DO block)
          ALTER TABLE t RENAME COLUMN a TO b;
        END $$;
        """);
  }

  @Test
  void mysqlAndSqliteForms() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: renames column `t.a` to `b`
            ALTER TABLE t CHANGE a b int;
            # FINDING: renames column `t.old_name` to `new_name`
            ALTER TABLE `t` CHANGE COLUMN `old_name` `new_name` varchar(20) NOT NULL;
            # FINDING: renames column `t.a` to `b`
            ALTER TABLE t RENAME COLUMN a TO b;
            ALTER TABLE t CHANGE a a bigint;
            ALTER TABLE t RENAME u;
            ALTER TABLE t RENAME INDEX i TO j;
            ALTER TABLE t RENAME KEY i TO j;
            """);
    RuleTester.forRule("rename-column")
        .dialect(Dialect.SQLITE)
        .expect(
            """
            -- FINDING: renames column `t.a` to `b`
            ALTER TABLE t RENAME COLUMN a TO b;
            -- FINDING: renames column `t.old col` to `new col`
            ALTER TABLE t RENAME [old col] TO [new col];
            """);
  }
}
