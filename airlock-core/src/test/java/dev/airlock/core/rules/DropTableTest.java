package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class DropTableTest {
  private final RuleTester tester = RuleTester.forRule("drop-table");

  @Test
  void dropsOfTablesAreFound() {
    tester.expect(
        """
        -- FINDING: drops table `user_sessions` and every row in it; IF EXISTS hides a wrong name
        DROP TABLE IF EXISTS user_sessions;
        -- FINDING: drops tables `a`, `b`
        drop table a, b cascade;
        -- FINDING: CASCADE also drops
        DROP TABLE public."Orders" CASCADE;
        -- FINDING: `s.t`
        DROP
          TABLE s.t;
        -- FINDING: partition
        ALTER TABLE measurements DROP PARTITION p2019;
        """);
  }

  @Test
  void lookAlikesAreNotDrops() {
    tester.expect(
        """
        CREATE TABLE drop_table (id int);
        SELECT 'DROP TABLE x' AS s;
        -- DROP TABLE commented_out;
        /* DROP TABLE in_block_comment; */
        ALTER TABLE t DROP COLUMN c;
        DROP VIEW v;
        DROP INDEX i;
        DELETE FROM "DROP TABLE";
        """);
  }

  @Test
  void dropsInsideBodiesAreFound() {
    tester.expect(
        """
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          -- FINDING: drops table `inner_t` and every row in it (inside function `f`)
          DROP TABLE inner_t;
        END $$;
        DO $$ BEGIN
          IF true THEN
            -- FINDING: (inside DO block)
            DROP TABLE in_do;
          END IF;
        END $$;
        """);
  }

  @Test
  void mysqlTemporaryAndDelimiters() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            -- FINDING: temporary table `tmp`
            DROP TEMPORARY TABLE tmp;
            DELIMITER $$
            CREATE PROCEDURE cleanup()
            BEGIN
              -- FINDING: (inside procedure `cleanup`)
              DROP TABLE `old_orders`;
            END$$
            DELIMITER ;
            # FINDING: `x`
            DROP TABLE x;
            """);
  }
}
