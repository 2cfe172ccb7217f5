package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class AlterColumnTypeTest {
  private final RuleTester tester = RuleTester.forRule("alter-column-type");

  @Test
  void typeChangesAreFound() {
    tester.expect(
        """
        -- FINDING: changes the type of `t.a` to `bigint`; the table is rewritten under lock and values that do not fit are lost or fail
        ALTER TABLE t ALTER COLUMN a TYPE bigint USING a::bigint;
        -- FINDING: changes the type of `t.a` to `text`
        alter table t alter a set data type text;
        -- FINDING: changes the type of `s.Orders.Total` to `numeric(10, 2)`
        ALTER TABLE ONLY s."Orders" ALTER COLUMN "Total" TYPE numeric(10, 2);
        -- FINDING: to `varchar(20)`
        ALTER TABLE t ADD COLUMN b int, ALTER COLUMN c TYPE varchar(20);
        -- FINDING: `t.a` to `int`
        -- FINDING: `t.b` to `text`
        ALTER TABLE t ALTER COLUMN a TYPE int, ALTER COLUMN b TYPE text COLLATE "C";
        -- FINDING: changes the type of `mood.a` to `text`
        ALTER TYPE mood ALTER ATTRIBUTE a TYPE text;
        -- FINDING: changes the type of `ft.c` to `int`
        ALTER FOREIGN TABLE ft ALTER COLUMN c TYPE int;
        """);
  }

  @Test
  void otherColumnChangesAreNotTypeChanges() {
    tester.expect(
        """
        ALTER TABLE t ALTER COLUMN a SET DEFAULT 0;
        ALTER TABLE t ALTER COLUMN a DROP DEFAULT;
        ALTER TABLE t ALTER COLUMN a SET NOT NULL;
        ALTER TABLE t ALTER COLUMN a SET STATISTICS 100;
        ALTER TABLE t ALTER COLUMN a SET STORAGE EXTERNAL;
        ALTER TABLE t ADD COLUMN type text;
        ALTER TABLE t RENAME COLUMN type TO kind;
        CREATE TYPE t AS (a int);
        ALTER TYPE mood ADD VALUE 'x';
        SELECT 'ALTER TABLE t ALTER COLUMN a TYPE int';
        -- ALTER TABLE t ALTER COLUMN a TYPE int;
        """);
  }

  @Test
  void typeChangesInsideBodiesAreFound() {
    tester.expect(
        """
        DO $$ BEGIN
          -- FINDING: changes the type of `t.a` to `bigint`; the table is rewritten under lock and values that do not fit are lost or fail (inside DO block)
          ALTER TABLE t ALTER COLUMN a TYPE bigint;
        END $$;
        """);
  }

  @Test
  void mysqlModifyAndChange() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: changes the type of `t.a` to `bigint`
            ALTER TABLE t MODIFY COLUMN a bigint NOT NULL;
            # FINDING: changes the type of `t.a` to `varchar(255)`
            ALTER TABLE `t` MODIFY `a` varchar(255) CHARACTER SET utf8mb4;
            # FINDING: changes the type of `t.a` to `bigint`
            ALTER TABLE t CHANGE a a bigint;
            # FINDING: changes the type of `t.b` to `int`
            ALTER TABLE t ADD COLUMN z int, MODIFY b int AFTER z;
            ALTER TABLE t CHANGE a b int;
            ALTER TABLE t ALTER COLUMN a SET DEFAULT 1;
            """);
  }
}
