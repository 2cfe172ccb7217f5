package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class TautologicalWhereTest {
  private final RuleTester tester = RuleTester.forRule("tautological-where");

  @Test
  void constantConditionsAreFound() {
    tester.expect(
        """
        -- FINDING: deletes every row of `t`: `1=1` is always true
        DELETE FROM t WHERE 1=1;
        -- FINDING: deletes every row of `t`: `true` is always true
        delete from t where true;
        -- FINDING: `'a'='a'` is always true
        DELETE FROM t WHERE 'a'='a';
        -- FINDING: `NOT FALSE` is always true
        DELETE FROM t WHERE NOT FALSE;
        -- FINDING: `NOT NOT TRUE` is always true
        DELETE FROM t WHERE NOT NOT TRUE;
        -- FINDING: `1=1` is always true
        DELETE FROM t WHERE (1=1);
        -- FINDING: `NOT (1 = 0)` is always true
        DELETE FROM t WHERE NOT (1 = 0);
        -- FINDING: `2 > 1` is always true
        DELETE FROM t WHERE 2 > 1;
        -- FINDING: `1 <> 2` is always true
        DELETE FROM t WHERE 1 <> 2;
        -- FINDING: `1 != 2` is always true
        DELETE FROM t WHERE 1 != 2;
        -- FINDING: `1 = 1.0` is always true
        DELETE FROM t WHERE 1 = 1.0;
        -- FINDING: `1 = 1` is always true
        DELETE FROM t WHERE 1 = 1 AND 2 = 2;
        -- FINDING: `0 = 0` is always true
        DELETE FROM t WHERE 0 = 0 RETURNING *;
        -- FINDING: `1 = 1` is always true
        DELETE FROM t WHERE 1 = 1 -- the old filter was here
        ;
        -- FINDING: `1` is always true
        DELETE FROM t WHERE 1;
        -- FINDING: `'x' IS NOT NULL` is always true
        DELETE FROM t WHERE 'x' IS NOT NULL;
        -- FINDING: `NULL IS NULL` is always true
        DELETE FROM t WHERE NULL IS NULL;
        -- FINDING: `TRUE IS TRUE` is always true
        DELETE FROM t WHERE TRUE IS TRUE;
        -- FINDING: `true = true` compares a value with itself
        DELETE FROM t WHERE true = true;
        """);
  }

  @Test
  void anOrWithATautologyIsATautology() {
    tester.expect(
        """
        -- FINDING: deletes every row of `t`: `1=1` is always true
        DELETE FROM t WHERE id = 5 OR 1=1;
        -- FINDING: `TRUE` is always true
        DELETE FROM t WHERE id > 0 OR TRUE;
        -- FINDING: `'a' = 'a'` is always true
        DELETE FROM t WHERE status = 'x' OR 'a' = 'a';
        -- FINDING: `1 = 1` is always true
        DELETE FROM t WHERE created_at < now() OR 1 = 1;
        -- FINDING: `1 = 1` is always true
        DELETE FROM t
        WHERE tenant_id = 7
           OR 1 = 1;
        """);
  }

  @Test
  void comparingAValueWithItselfIsFound() {
    tester.expect(
        """
        -- FINDING: `x = x` compares a value with itself for every row where it is not null
        DELETE FROM t WHERE x = x;
        -- FINDING: `t.id = t.id` compares a value with itself
        DELETE FROM t WHERE t.id = t.id;
        -- FINDING: `lower(x) = lower(x)` compares a value with itself
        DELETE FROM t WHERE lower(x) = lower(x);
        -- FINDING: `coalesce(x, 1) = coalesce(x, 1)` compares a value with itself
        DELETE FROM t WHERE coalesce(x, 1) = coalesce(x, 1);
        -- FINDING: `a + 1 = a + 1` compares a value with itself
        DELETE FROM t WHERE a + 1 = a + 1;
        -- FINDING: overwrites every row of `t`: `id >= id` compares a value with itself
        UPDATE t SET a = 1 WHERE id >= id;
        """);
  }

  @Test
  void nullCoverageIsATautology() {
    tester.expect(
        """
        -- FINDING: `x IS NULL OR x IS NOT NULL` holds for every value of `x`
        DELETE FROM t WHERE x IS NULL OR x IS NOT NULL;
        -- FINDING: `x IS NOT NULL OR x IS NULL` holds for every value of `x`
        DELETE FROM t WHERE x IS NOT NULL OR x IS NULL;
        -- FINDING: `(x IS NULL) OR (x IS NOT NULL)` holds for every value of `x`
        DELETE FROM t WHERE (x IS NULL) OR (x IS NOT NULL);
        -- FINDING: holds for every value of `x`
        DELETE FROM t WHERE ((x IS NULL) OR x IS NOT NULL) AND 1 = 1;
        """);
  }

  @Test
  void patternsThatMatchEverythingAreFound() {
    tester.expect(
        """
        -- FINDING: `name LIKE '%'` matches every non-null value
        DELETE FROM t WHERE name LIKE '%';
        -- FINDING: `x LIKE '%%'` matches every non-null value
        DELETE FROM t WHERE x LIKE '%%';
        -- FINDING: `x ILIKE '%'` matches every non-null value
        DELETE FROM t WHERE x ILIKE '%';
        -- FINDING: `x SIMILAR TO '%'` matches every non-null value
        DELETE FROM t WHERE x SIMILAR TO '%';
        -- FINDING: `x ~ '.*'` matches every non-null value
        DELETE FROM t WHERE x ~ '.*';
        -- FINDING: `x ~ ''` matches every non-null value
        DELETE FROM t WHERE x ~ '';
        -- FINDING: `x::text LIKE '%'` matches every non-null value
        DELETE FROM t WHERE x::text LIKE '%';
        -- FINDING: overwrites every row of `t`: `name LIKE '%'` matches every non-null value
        UPDATE t SET flag = true WHERE name LIKE '%';
        """);
  }

  @Test
  void realFiltersAreNotTautologies() {
    tester.expect(
        """
        DELETE FROM t WHERE id = 5;
        DELETE FROM t WHERE a = b;
        DELETE FROM t WHERE 1 = 0;
        DELETE FROM t WHERE 1 IS NULL;
        DELETE FROM t WHERE 1 = 1 AND id = 3;
        DELETE FROM t WHERE '1' = '1' AND status = 'x';
        DELETE FROM t WHERE x = x AND y = 1;
        DELETE FROM t WHERE x IS NULL;
        DELETE FROM t WHERE x IS NULL OR y IS NOT NULL;
        DELETE FROM t WHERE name LIKE 'a%';
        DELETE FROM t WHERE x NOT LIKE '%';
        DELETE FROM t WHERE EXISTS (SELECT 1 WHERE 1 = 1);
        DELETE FROM t WHERE id IN (SELECT id FROM u WHERE 1 = 1);
        DELETE FROM t WHERE ('%' || x) IS NOT NULL;
        DELETE FROM t;
        SELECT * FROM t WHERE 1 = 1;
        UPDATE t SET a = 1 WHERE id = 5;
        DELETE FROM t WHERE note = '1=1';
        -- DELETE FROM t WHERE 1=1;
        """);
  }

  @Test
  void tautologiesInsideBodiesAndWrappersAreFound() {
    tester.expect(
        """
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          IF true THEN
            -- FINDING: deletes every row of `t`: `1 = 1` is always true (inside function `f`)
            DELETE FROM t WHERE 1 = 1;
          END IF;
        END $$;
        -- FINDING: `1=1` is always true
        EXPLAIN (ANALYZE) DELETE FROM t WHERE 1=1;
        -- FINDING: `1=1` is always true
        PREPARE p AS DELETE FROM t WHERE 1=1;
        -- FINDING: `true` is always true
        WITH d AS (DELETE FROM t WHERE true RETURNING *) SELECT 1;
        -- FINDING: (inside DO block, EXECUTE)
        DO $$ BEGIN EXECUTE 'DELETE FROM t WHERE 1 = 1'; END $$;
        """);
  }

  @Test
  void mysqlAndSqliteForms() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: deletes every row of `t`: `1` is always true
            DELETE FROM t WHERE 1;
            # FINDING: `1 = 1` is always true
            DELETE FROM `t` WHERE 1 = 1 LIMIT 100;
            # FINDING: overwrites every row of `t`
            UPDATE t SET a = 0 WHERE 1 ORDER BY id;
            """);
    RuleTester.forRule("tautological-where")
        .dialect(Dialect.SQLITE)
        .expect(
            """
            -- FINDING: `name GLOB '*'` matches every non-null value
            DELETE FROM t WHERE name GLOB '*';
            DELETE FROM t WHERE name GLOB 'a*';
            """);
  }
}
