package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class PatternDeleteTest {
  private final RuleTester tester = RuleTester.forRule("pattern-delete");

  @Test
  void likePatternsAreFound() {
    tester.expect(
        """
        -- FINDING: deletes the rows of `customers` that match `email LIKE '%test%'`; real rows match patterns too
        DELETE FROM customers WHERE email LIKE '%test%';
        -- FINDING: `email ILIKE '%@example.com'`
        delete from users where email ilike '%@example.com';
        -- FINDING: `email SIMILAR TO '%(test|demo)%'`
        DELETE FROM users WHERE email SIMILAR TO '%(test|demo)%';
        -- FINDING: `email NOT LIKE '%@corp.com'`
        DELETE FROM users WHERE email NOT LIKE '%@corp.com';
        -- FINDING: `email LIKE 'a_b'`
        DELETE FROM users WHERE email LIKE 'a_b';
        -- FINDING: `lower(email) LIKE '%test%'`
        DELETE FROM users WHERE lower(email) LIKE '%test%' AND created_at < now();
        -- FINDING: `name LIKE 'tmp%'` and `name LIKE 'test%'`
        DELETE FROM users WHERE id = 3 AND (name LIKE 'tmp%' OR name LIKE 'test%');
        -- FINDING: `email LIKE '%test%'`
        DELETE FROM users WHERE email LIKE '%test%' ESCAPE '!';
        -- FINDING: `email SIMILAR TO '(test|demo)@x.com'`
        DELETE FROM users WHERE email SIMILAR TO '(test|demo)@x.com';
        -- FINDING: `email ~~ '%test%'`
        DELETE FROM users WHERE email ~~ '%test%';
        -- FINDING: `email LIKE E'%\\\\_%'`
        DELETE FROM users WHERE email LIKE E'%\\\\_%';
        """);
  }

  @Test
  void regularExpressionsAreFound() {
    tester.expect(
        """
        -- FINDING: `email ~ 'test'`
        DELETE FROM users WHERE email ~ 'test';
        -- FINDING: `email ~* '^test'`
        DELETE FROM users WHERE email ~* '^test';
        -- FINDING: `email !~ '@corp\\.com$'`
        DELETE FROM users WHERE email !~ '@corp\\.com$';
        -- FINDING: `email ^@ 'test'`
        DELETE FROM users WHERE email ^@ 'test';
        """);
  }

  @Test
  void computedPatternsAndSubstringSearchesAreFound() {
    tester.expect(
        """
        -- FINDING: `email LIKE '%' || :domain`
        DELETE FROM users WHERE email LIKE '%' || :domain;
        -- FINDING: `email LIKE $1`
        DELETE FROM users WHERE email LIKE $1;
        -- FINDING: `email LIKE CONCAT('%', 'x', '%')`
        DELETE FROM users WHERE email LIKE CONCAT('%', 'x', '%');
        -- FINDING: `email LIKE ANY (ARRAY['%a%', '%b%'])`
        DELETE FROM users WHERE email LIKE ANY (ARRAY['%a%', '%b%']);
        -- FINDING: `position('test' in email) > 0`
        DELETE FROM users WHERE position('test' in email) > 0;
        -- FINDING: `strpos(email, 'test') > 0`
        DELETE FROM users WHERE strpos(email, 'test') > 0;
        -- FINDING: `starts_with(email, 'test') IS TRUE`
        DELETE FROM users WHERE starts_with(email, 'test');
        -- FINDING: `regexp_like(email, 'test') IS TRUE`
        DELETE FROM users WHERE regexp_like(email, 'test');
        """);
  }

  @Test
  void patternsInSubqueriesPickTheRowsToo() {
    tester.expect(
        """
        -- FINDING: deletes the rows of `orders` that match `email LIKE '%test%'`
        DELETE FROM orders
        WHERE customer_id IN (SELECT id FROM customers WHERE email LIKE '%test%');
        -- FINDING: `x.n LIKE '%a%'`
        DELETE FROM users WHERE EXISTS (SELECT 1 FROM x WHERE x.u = users.id AND x.n LIKE '%a%');
        -- FINDING: `e LIKE '%q%'`
        DELETE FROM users WHERE email = ANY (SELECT e FROM x WHERE e LIKE '%q%');
        """);
  }

  @Test
  void updatesByPatternAreFound() {
    tester.expect(
        """
        -- FINDING: overwrites the rows of `users` that match `email LIKE '%test%'`; real rows match patterns too
        UPDATE users SET active = false WHERE email LIKE '%test%';
        -- FINDING: overwrites the rows of `users` that match `name ~ '^tmp'`
        UPDATE users SET deleted = true FROM orgs WHERE users.org = orgs.id AND name ~ '^tmp';
        """);
  }

  @Test
  void patternDeletesInsideBodiesAreFound() {
    tester.expect(
        """
        CREATE FUNCTION cleanup() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          -- FINDING: `email LIKE '%test%'`; real rows match patterns too (inside function `cleanup`)
          DELETE FROM customers WHERE email LIKE '%test%';
        END $$;
        -- FINDING: `email LIKE '%test%'`
        WITH d AS (DELETE FROM customers WHERE email LIKE '%test%' RETURNING id) SELECT count(*) FROM d;
        -- FINDING: `email LIKE '%test%'`
        EXPLAIN ANALYZE DELETE FROM customers WHERE email LIKE '%test%';
        -- FINDING: `email LIKE '%test%'`
        PREPARE p AS DELETE FROM customers WHERE email LIKE '%test%';
        -- FINDING: (inside DO block, EXECUTE)
        DO $$ BEGIN EXECUTE 'DELETE FROM customers WHERE email LIKE ''%test%'''; END $$;
        """);
  }

  @Test
  void exactMatchesAndLookAlikesAreNotPatterns() {
    tester.expect(
        """
        DELETE FROM users WHERE email LIKE 'exact@x.com';
        DELETE FROM users WHERE email LIKE '100\\%';
        DELETE FROM users WHERE email LIKE '100!%' ESCAPE '!';
        DELETE FROM users WHERE email SIMILAR TO 'exact@x.com';
        DELETE FROM users WHERE note = '%test%';
        DELETE FROM users WHERE name = 'LIKE ''%''';
        DELETE FROM users WHERE "like" = '%';
        DELETE FROM users WHERE left(email, 4) = 'test';
        DELETE FROM users WHERE email LIKE '%';
        DELETE FROM users WHERE email IS NULL;
        SELECT * FROM customers WHERE email LIKE '%test%';
        INSERT INTO x SELECT * FROM customers WHERE email LIKE '%test%';
        CREATE VIEW test_users AS SELECT * FROM users WHERE email LIKE '%test%';
        DELETE FROM users;
        -- DELETE FROM users WHERE email LIKE '%test%';
        """);
  }

  @Test
  void mysqlAndSqliteForms() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: ``name` REGEXP '^test'`
            DELETE FROM `t` WHERE `name` REGEXP '^test';
            # FINDING: `name RLIKE 'x'`
            DELETE FROM t WHERE name RLIKE 'x';
            # FINDING: `name LIKE 'x\\_%'`
            DELETE FROM t WHERE name LIKE 'x\\_%';
            # FINDING: `INSTR(email, 'test') > 0`
            DELETE FROM t WHERE INSTR(email, 'test') > 0;
            # FINDING: `LOCATE('test', email) IS TRUE`
            DELETE FROM t WHERE LOCATE('test', email);
            # FINDING: `c.email LIKE '%test%'`
            DELETE c FROM customers c JOIN orders o ON o.cid = c.id WHERE c.email LIKE '%test%';
            DELETE FROM t WHERE name LIKE 'x\\%';
            """);
    RuleTester.forRule("pattern-delete")
        .dialect(Dialect.SQLITE)
        .expect(
            """
            -- FINDING: `name GLOB '*test*'`
            DELETE FROM t WHERE name GLOB '*test*';
            """);
  }
}
