package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class UpdateRowsTest {
  private final RuleTester tester = RuleTester.forRule("update-rows");

  @Test
  void filteredUpdatesAreFound() {
    tester.expect(
        """
        -- FINDING: overwrites `status` of `carts` where `status = 'open' AND updated_at < now() - interval '30 days'`
        UPDATE carts
        SET status = 'abandoned'
        WHERE status = 'open'
          AND updated_at < now() - interval '30 days';
        -- FINDING: overwrites `email` of `users` where `email <> lower(email)`
        update users set email = lower(email) where email <> lower(email);
        -- FINDING: overwrites `a`, `b` of `t` where `id = 1`
        UPDATE t SET (a, b) = (1, 2) WHERE id = 1;
        -- FINDING: overwrites `a` of `t` where `t.id = u.id`
        UPDATE t SET a = u.a FROM u WHERE t.id = u.id;
        -- FINDING: overwrites `a` of `t` where `CURRENT OF c`
        UPDATE t SET a = 1 WHERE CURRENT OF c;
        -- FINDING: where `1 = 0`
        UPDATE t SET a = 1 WHERE 1 = 0;
        """);
  }

  @Test
  void mergeUpdatesAreFound() {
    tester.expect(
        """
        -- FINDING: overwrites columns of `t` where `rows matched on t.id = s.id`
        MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET x = s.x;
        -- FINDING: overwrites columns of `t` where `rows matched on t.id = s.id`
        MERGE INTO t USING s ON t.id = s.id
        WHEN MATCHED AND s.deleted THEN DELETE
        WHEN MATCHED THEN UPDATE SET x = s.x
        WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.x);
        MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id);
        """);
  }

  @Test
  void updatesInsideBodiesAndWrappersAreFound() {
    tester.expect(
        """
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          -- FINDING: overwrites `seen` of `users` where `id = NEW.user_id` (inside function `touch`)
          UPDATE users SET seen = now() WHERE id = NEW.user_id;
          RETURN NEW;
        END $$;
        -- FINDING: overwrites `a` of `t` where `id = 1`
        WITH u AS (UPDATE t SET a = 1 WHERE id = 1 RETURNING *) SELECT * FROM u;
        -- FINDING: where `id = 2`
        EXPLAIN ANALYZE UPDATE t SET a = 1 WHERE id = 2;
        -- FINDING: where `id = $2`
        PREPARE p (int, int) AS UPDATE t SET a = $1 WHERE id = $2;
        """);
  }

  @Test
  void unrestrictedUpdatesBelongToOtherRules() {
    tester.expect(
        """
        UPDATE t SET a = 1;
        UPDATE t SET a = 1 WHERE 1 = 1;
        UPDATE t SET a = 1 WHERE name LIKE '%x%';
        SELECT * FROM t WHERE id = 1 FOR UPDATE;
        INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = excluded.a WHERE t.a IS NULL;
        SELECT 'UPDATE t SET a = 1 WHERE id = 1';
        DELETE FROM t WHERE id = 1;
        """);
  }

  @Test
  void mysqlJoinsRestrictTheUpdate() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: overwrites `t1.a` of `t1` where `t1.id = t2.id`
            UPDATE t1 JOIN t2 ON t1.id = t2.id SET t1.a = t2.a;
            # FINDING: overwrites `a` of `t` where `id = 1`
            UPDATE `t` SET `a` = 1 WHERE id = 1 LIMIT 1;
            INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = 1;
            """);
  }
}
