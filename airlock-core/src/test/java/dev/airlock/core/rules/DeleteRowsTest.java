package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class DeleteRowsTest {
  private final RuleTester tester = RuleTester.forRule("delete-rows");

  @Test
  void filteredDeletesAreFound() {
    tester.expect(
        """
        -- FINDING: deletes rows of `audit_log` where `created_at < now() - interval '2 years'`
        DELETE FROM audit_log WHERE created_at < now() - interval '2 years';
        -- FINDING: deletes rows of `t` where `id = 5`
        delete from t where id = 5;
        -- FINDING: deletes rows of `cart_items` where `NOT EXISTS (SELECT 1 FROM carts c WHERE c.id = ci.cart_id)`
        DELETE FROM cart_items ci
        WHERE NOT EXISTS (SELECT 1 FROM carts c WHERE c.id = ci.cart_id);
        -- FINDING: where `t.id = u.id`
        DELETE FROM t USING u WHERE t.id = u.id;
        -- FINDING: where `CURRENT OF c`
        DELETE FROM t WHERE CURRENT OF c;
        -- FINDING: where `id = $1`
        DELETE FROM t WHERE id = $1 RETURNING *;
        -- FINDING: where `1 = 0`
        DELETE FROM t WHERE 1 = 0;
        -- FINDING: where `1=1 AND id = 3`
        DELETE FROM t WHERE 1=1 AND id = 3;
        -- FINDING: where `x = x AND y = 1`
        DELETE FROM t WHERE x = x AND y = 1;
        -- FINDING: where `email LIKE 'exact@x.com'`
        DELETE FROM users WHERE email LIKE 'exact@x.com';
        -- FINDING: where `note = '%test%'`
        DELETE FROM users WHERE note = '%test%';
        -- FINDING: where `id IN (SELECT id FROM old)`
        WITH old AS (SELECT id FROM t WHERE ts < now()) DELETE FROM t WHERE id IN (SELECT id FROM old);
        """);
  }

  @Test
  void mergeDeletesAreFound() {
    tester.expect(
        """
        -- FINDING: deletes rows of `t` where `rows matched on t.id = s.id`
        MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;
        -- FINDING: deletes rows of `t` where `rows matched on t.id = s.id`
        MERGE INTO t USING s ON t.id = s.id
        WHEN MATCHED AND s.gone THEN DELETE
        WHEN NOT MATCHED THEN INSERT VALUES (s.id);
        -- FINDING: rows with no match in the source
        MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED BY SOURCE THEN DELETE;
        MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET x = s.x;
        """);
  }

  @Test
  void unrestrictedDeletesBelongToOtherRules() {
    tester.expect(
        """
        DELETE FROM t;
        DELETE FROM t USING u;
        DELETE FROM t WHERE 1 = 1;
        DELETE FROM t WHERE email LIKE '%test%';
        SELECT * FROM t WHERE id = 5;
        UPDATE t SET a = 1 WHERE id = 5;
        SELECT 'DELETE FROM t WHERE id = 1';
        -- DELETE FROM t WHERE id = 1;
        """);
  }

  @Test
  void deletesInsideBodiesAndWrappersAreFound() {
    tester.expect(
        """
        -- FINDING: where `id = 1` (inside function `g`, EXECUTE)
        CREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'DELETE FROM t WHERE id = 1'; END $$;
        -- FINDING: where `id = 1`
        WITH d AS (DELETE FROM t WHERE id = 1 RETURNING *) SELECT * FROM d;
        -- FINDING: where `id = 2`
        EXPLAIN ANALYZE DELETE FROM t WHERE id = 2;
        -- FINDING: where `id = $1`
        PREPARE p (int) AS DELETE FROM t WHERE id = $1;
        """);
  }

  @Test
  void aQuotedBodyPointsAtTheBody() {
    tester.expect(
        """
        -- FINDING: deletes rows of `t` where `name = 'x'` (inside function `f`)
        CREATE FUNCTION f() RETURNS trigger AS 'BEGIN DELETE FROM t WHERE name = ''x''; RETURN NULL; END;' LANGUAGE plpgsql;
        -- an unescaped body no longer has exact offsets: the finding points at the quoted body
        -- FINDING: deletes rows of `t` where `name = 'x'` (inside function `g`)
        CREATE FUNCTION g() RETURNS trigger AS '
        BEGIN
          DELETE FROM t WHERE name = ''x'';
          RETURN NULL;
        END;' LANGUAGE plpgsql;
        """);
  }

  @Test
  void mysqlJoinsRestrictTheDelete() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: deletes rows of `t1` where `t1.id = t2.id`
            DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id;
            # FINDING: deletes rows of `t1` where `t2.x = 1`
            DELETE t1, t2 FROM t1 INNER JOIN t2 ON t1.id = t2.id WHERE t2.x = 1;
            # FINDING: deletes rows of `t1` where `t1.id = t2.id`
            DELETE FROM t1 USING t1 JOIN t2 ON t1.id = t2.id;
            DELIMITER $$
            CREATE TRIGGER trg AFTER DELETE ON a FOR EACH ROW
            BEGIN
              # FINDING: where `b.a_id = OLD.id` (inside trigger `trg`)
              DELETE FROM b WHERE b.a_id = OLD.id;
            END$$
            DELIMITER ;
            """);
  }
}
