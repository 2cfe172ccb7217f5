package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class DropFunctionTest {
  private final RuleTester tester = RuleTester.forRule("drop-function");

  @Test
  void dropsOfRoutinesAreFound() {
    tester.expect(
        """
        -- FINDING: drops function `f(int, text)`; every caller fails from now on; CASCADE also drops the triggers and objects that use it
        DROP FUNCTION IF EXISTS f(int, text) CASCADE;
        -- FINDING: drops function `f`; every caller fails from now on
        drop function f;
        -- FINDING: drops function `s.calc_total(integer)`
        DROP FUNCTION s.calc_total(integer);
        -- FINDING: drops function `a()`, `b()`
        DROP FUNCTION a(), b();
        -- FINDING: drops procedure `p()`
        DROP PROCEDURE p();
        -- FINDING: drops routine `r`
        DROP ROUTINE r;
        -- FINDING: drops aggregate `agg(int)`
        DROP AGGREGATE agg(int);
        -- FINDING: drops function `Quoted Fn`
        DROP FUNCTION "Quoted Fn";
        """);
  }

  @Test
  void dropsOfTriggersRulesAndEventsAreFound() {
    tester.expect(
        """
        -- FINDING: drops trigger `audit_trg on orders`; whatever it enforced stops silently
        DROP TRIGGER IF EXISTS audit_trg ON orders;
        -- FINDING: drops rule `r on t`; whatever it enforced stops silently
        DROP RULE r ON t;
        -- FINDING: drops event trigger `et`
        DROP EVENT TRIGGER et;
        """);
  }

  @Test
  void lookAlikesAreNotRoutineDrops() {
    tester.expect(
        """
        CREATE FUNCTION drop_function() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
        ALTER FUNCTION f() RENAME TO g;
        ALTER TRIGGER t ON x RENAME TO u;
        ALTER TABLE t DISABLE TRIGGER ALL;
        SELECT 'DROP FUNCTION f';
        -- DROP FUNCTION f;
        REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;
        DROP TABLE functions;
        """);
  }

  @Test
  void dropsInsideBodiesAreFound() {
    tester.expect(
        """
        DO $$ BEGIN
          -- FINDING: drops function `helper()`; every caller fails from now on (inside DO block)
          DROP FUNCTION helper();
        END $$;
        """);
  }

  @Test
  void mysqlProceduresEventsAndTriggers() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: drops procedure `p`
            DROP PROCEDURE IF EXISTS p;
            # FINDING: drops event `nightly_cleanup`
            DROP EVENT nightly_cleanup;
            # FINDING: drops trigger `db.trg`; whatever it enforced stops silently
            DROP TRIGGER `db`.`trg`;
            # FINDING: drops function `f`
            DROP FUNCTION IF EXISTS f;
            """);
    RuleTester.forRule("drop-function")
        .dialect(Dialect.SQLITE)
        .expect(
            """
            -- FINDING: drops trigger `tr`
            DROP TRIGGER IF EXISTS tr;
            """);
  }
}
