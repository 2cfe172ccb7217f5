package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class DropColumnTest {
  private final RuleTester tester = RuleTester.forRule("drop-column");

  @Test
  void dropsOfColumnsAreFound() {
    tester.expect(
        """
        -- FINDING: drops column `legacy_order_id` of `orders` and every value in it; code and functions that read it break
        ALTER TABLE orders DROP COLUMN legacy_order_id;
        -- FINDING: drops column `c` of `t`
        alter table t drop column c;
        -- FINDING: drops column `c` of `t`
        ALTER TABLE t DROP c;
        -- FINDING: IF EXISTS hides a wrong name
        ALTER TABLE t DROP COLUMN IF EXISTS c;
        -- FINDING: CASCADE also drops the views and constraints that use it
        ALTER TABLE t DROP COLUMN c CASCADE;
        -- FINDING: drops column `c` of `t`
        ALTER TABLE t DROP COLUMN c RESTRICT;
        -- FINDING: drops column `Mixed Case` of `public.Orders`
        ALTER TABLE "public"."Orders" DROP COLUMN "Mixed Case";
        -- FINDING: drops column `select` of `t`
        ALTER TABLE t DROP "select";
        -- FINDING: of `s.t`
        ALTER TABLE IF EXISTS ONLY s.t DROP COLUMN c;
        -- FINDING: of `t`
        ALTER TABLE t *
          DROP COLUMN c;
        -- FINDING: of `ft`
        ALTER FOREIGN TABLE ft DROP COLUMN c;
        -- FINDING: drops column `a` of `mood`
        ALTER TYPE mood DROP ATTRIBUTE a;
        -- FINDING: IF EXISTS
        ALTER TYPE mood DROP ATTRIBUTE IF EXISTS a CASCADE;
        """);
  }

  @Test
  void everyDropOfAMultiActionAlterIsFound() {
    tester.expect(
        """
        -- FINDING: drops column `a` of `t`
        -- FINDING: drops column `b` of `t`
        ALTER TABLE t DROP COLUMN a, ADD COLUMN z int, DROP b;
        -- FINDING: drops column `d` of `t` and every value in it; code and functions that read it break; CASCADE also drops the views and constraints that use it; IF EXISTS hides a wrong name
        ALTER TABLE t ADD COLUMN b int, ALTER COLUMN c TYPE varchar(20), DROP COLUMN IF EXISTS d CASCADE;
        -- FINDING: `x`
        ALTER TABLE t
          ADD COLUMN y int,
          DROP COLUMN x;
        """);
  }

  @Test
  void otherDropsAndLookAlikesAreNotColumnDrops() {
    tester.expect(
        """
        ALTER TABLE t DROP CONSTRAINT c;
        ALTER TABLE t DROP CONSTRAINT IF EXISTS c CASCADE;
        ALTER TABLE t ALTER COLUMN a DROP NOT NULL;
        ALTER TABLE t ALTER COLUMN a DROP DEFAULT;
        ALTER TABLE t ALTER COLUMN a DROP IDENTITY IF EXISTS;
        ALTER TABLE t ALTER COLUMN a DROP EXPRESSION;
        ALTER TABLE t ADD COLUMN "drop" int;
        ALTER TABLE t ALTER COLUMN "Drop" SET NOT NULL;
        ALTER TABLE t RENAME COLUMN drop_me TO keep_me;
        ALTER TABLE t DETACH PARTITION p;
        CREATE TABLE drop_column (drop_column int);
        SELECT 'ALTER TABLE t DROP COLUMN c';
        -- ALTER TABLE t DROP COLUMN c;
        /* ALTER TABLE t DROP COLUMN c; */
        DROP TABLE t;
        COMMENT ON COLUMN t.c IS 'DROP COLUMN later';
        """);
  }

  @Test
  void dropsInsideBodiesAreFound() {
    tester.expect(
        """
        CREATE FUNCTION migrate() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = 'c') THEN
            -- FINDING: drops column `c` of `t` and every value in it; code and functions that read it break (inside function `migrate`)
            ALTER TABLE t DROP COLUMN c;
          END IF;
        END $$;
        DO $$ BEGIN
          -- FINDING: (inside DO block, EXECUTE)
          EXECUTE 'ALTER TABLE t DROP COLUMN c';
        END $$;
        """);
  }

  @Test
  void mysqlAndSqliteForms() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: drops column `legacy` of `db.users`
            ALTER TABLE `db`.`users` DROP COLUMN `legacy`;
            # FINDING: `a`
            # FINDING: `b`
            ALTER TABLE t DROP a, DROP COLUMN b, ADD INDEX i (c);
            ALTER TABLE t DROP INDEX idx;
            ALTER TABLE t DROP KEY idx;
            ALTER TABLE t DROP PRIMARY KEY;
            ALTER TABLE t DROP FOREIGN KEY fk;
            ALTER TABLE t DROP CHECK chk;
            ALTER TABLE t MODIFY COLUMN a bigint;
            """);
    RuleTester.forRule("drop-column")
        .dialect(Dialect.SQLITE)
        .expect(
            """
            -- FINDING: drops column `old col` of `t`
            ALTER TABLE t DROP COLUMN [old col];
            """);
  }
}
