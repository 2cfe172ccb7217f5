package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class TruncateTest {
  private final RuleTester tester = RuleTester.forRule("truncate");

  @Test
  void truncatesAreFound() {
    tester.expect(
        """
        -- FINDING: deletes every row of `import_staging`
        TRUNCATE import_staging;
        -- FINDING: deletes every row of `t`
        truncate table t;
        -- FINDING: deletes every row of `a`, `b`
        TRUNCATE a, b;
        -- FINDING: deletes every row of `orders`; CASCADE also empties every table that references it
        TRUNCATE TABLE ONLY orders RESTART IDENTITY CASCADE;
        -- FINDING: deletes every row of `s.Mixed`
        TRUNCATE "s"."Mixed" *;
        -- FINDING: deletes every row of `x`, `y`
        TRUNCATE TABLE ONLY x, ONLY y CONTINUE IDENTITY RESTRICT;
        -- FINDING: `t`
        TRUNCATE
          t;
        """);
  }

  @Test
  void lookAlikesAreNotTruncates() {
    tester.expect(
        """
        CREATE TABLE truncate_log (id int);
        SELECT 'TRUNCATE t';
        SELECT trunc(1.5), date_trunc('day', now());
        -- TRUNCATE t;
        /* TRUNCATE t; */
        GRANT TRUNCATE ON t TO app;
        REVOKE TRUNCATE ON t FROM app;
        INSERT INTO t (truncate) VALUES (1);
        DELETE FROM t WHERE id = 1;
        """);
  }

  @Test
  void truncatesInsideBodiesAreFound() {
    tester.expect(
        """
        CREATE OR REPLACE FUNCTION reset_all() RETURNS void LANGUAGE plpgsql AS $fn$
        DECLARE
          n int := 0;
        BEGIN
          IF n > 0 THEN
            -- FINDING: deletes every row of `audit_log` (inside function `reset_all`)
            TRUNCATE audit_log;
          END IF;
          WHILE n < 3 LOOP
            -- FINDING: deletes every row of `w` (inside function `reset_all`)
            TRUNCATE w;
          END LOOP;
          -- FINDING: deletes every row of `t2` (inside function `reset_all`, EXECUTE)
          EXECUTE 'TRUNCATE t2';
        END;
        $fn$;
        -- FINDING: deletes every row of `q` (inside procedure `p`)
        CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN TRUNCATE q; COMMIT; END $$;
        -- FINDING: deletes every row of `z` (inside function `f`)
        CREATE FUNCTION f() RETURNS void LANGUAGE sql BEGIN ATOMIC TRUNCATE z; END;
        -- FINDING: (inside rule `r`)
        CREATE RULE r AS ON INSERT TO t DO ALSO (TRUNCATE u; INSERT INTO v VALUES (1));
        """);
  }

  @Test
  void mysqlAndSqliteForms() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: deletes every row of `db.t`
            TRUNCATE `db`.`t`;
            # FINDING: deletes every row of `partition p1 of t`, `partition p2 of t`
            ALTER TABLE t TRUNCATE PARTITION p1, p2;
            # FINDING: (tablespace discarded)
            ALTER TABLE t DISCARD TABLESPACE;
            # FINDING: (inside event `nightly`)
            CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO TRUNCATE TABLE scratch;
            """);
  }
}
