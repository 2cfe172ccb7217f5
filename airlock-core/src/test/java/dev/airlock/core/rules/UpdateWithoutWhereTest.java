package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class UpdateWithoutWhereTest {
  private final RuleTester tester = RuleTester.forRule("update-without-where");

  @Test
  void aJoinRestrictsOnlyBeforeSet() {
    tester.expect(
        """
        -- FINDING: in every row of `t`
        UPDATE t SET x = 1 FROM a JOIN b ON a.id = b.a_id;
        UPDATE t JOIN u ON t.id = u.t_id SET t.x = u.x;
        """);
  }

  @Test
  void updatesWithoutWhereAreFound() {
    tester.expect(
        """
        -- FINDING: overwrites `status` in every row of `orders`: there is no WHERE
        UPDATE orders SET status = 'cancelled';
        -- FINDING: overwrites `a`, `b` in every row of `t`
        update t set a = 1, b = 2;
        -- FINDING: overwrites `a`, `b` in every row of `t`
        UPDATE t SET (a, b) = (1, 2);
        -- FINDING: in every row of `s.Mixed`
        UPDATE ONLY "s"."Mixed" SET x = 0 RETURNING *;
        -- FINDING: in every row of `t`
        UPDATE t AS x SET a = DEFAULT;
        -- FINDING: overwrites `a` in every row of `t`
        UPDATE t
        SET a = (SELECT max(v) FROM u WHERE u.id = 1);
        """);
  }

  @Test
  void fromWithoutWhereDoesNotRestrict() {
    tester.expect(
        """
        -- FINDING: overwrites `a` in every row of `t`: there is no WHERE
        UPDATE t SET a = u.a FROM u;
        UPDATE t SET a = u.a FROM u WHERE t.id = u.id;
        UPDATE t SET a = 1 WHERE CURRENT OF c;
        """);
  }

  @Test
  void updatesHiddenInOtherStatementsAreFound() {
    tester.expect(
        """
        -- FINDING: in every row of `t`
        WITH u AS (UPDATE t SET a = 1 RETURNING *) SELECT count(*) FROM u;
        -- FINDING: in every row of `t`
        EXPLAIN ANALYZE UPDATE t SET a = 1;
        -- FINDING: in every row of `t`
        PREPARE p AS UPDATE t SET a = $1;
        EXPLAIN UPDATE t SET a = 1;
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          -- FINDING: overwrites `a` in every row of `t`: there is no WHERE (inside function `f`)
          UPDATE t SET a = 0;
        END $$;
        -- FINDING: (inside DO block, EXECUTE)
        DO $$ BEGIN EXECUTE 'UPDATE t SET a = 0'; END $$;
        """);
  }

  @Test
  void restrictedUpdatesAndLookAlikesAreNotFound() {
    tester.expect(
        """
        UPDATE t SET a = 1 WHERE id = 5;
        UPDATE t SET a = 1 WHERE 1 = 1;
        MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET x = s.x;
        INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = excluded.a;
        SELECT 'UPDATE t SET a = 1';
        -- UPDATE t SET a = 1;
        CREATE TABLE update_log (id int);
        GRANT UPDATE ON t TO app;
        CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();
        SELECT * FROM t FOR UPDATE;
        """);
  }

  @Test
  void mysqlAndSqliteForms() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: overwrites `a` in every row of `db.t`
            UPDATE LOW_PRIORITY IGNORE `db`.`t` SET `a` = 1;
            # FINDING: overwrites `t1.a` in every row of `t1`
            UPDATE t1, t2 SET t1.a = t2.a;
            # FINDING: in every row of `t`
            UPDATE t SET a = 1 ORDER BY id LIMIT 10;
            UPDATE t1 JOIN t2 ON t1.id = t2.id SET t1.a = t2.a;
            INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = 1;
            """);
    RuleTester.forRule("update-without-where")
        .dialect(Dialect.SQLITE)
        .expect(
            """
            -- FINDING: overwrites `a` in every row of `t`
            UPDATE OR IGNORE t SET a = 1;
            CREATE TRIGGER tr AFTER DELETE ON a
            BEGIN
              -- FINDING: overwrites `n` in every row of `c`: there is no WHERE (inside trigger `tr`)
              UPDATE c SET n = n - 1;
            END;
            """);
  }
}
