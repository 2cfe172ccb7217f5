package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class DropObjectTest {
  private final RuleTester tester = RuleTester.forRule("drop-object");

  @Test
  void dropsOfRolesAndPoliciesAreFound() {
    tester.expect(
        """
        -- FINDING: drops role `bob`; whoever logs in as it is locked out
        DROP ROLE bob;
        -- FINDING: drops user `bob`; whoever logs in as it is locked out
        DROP USER IF EXISTS bob;
        -- FINDING: drops group `g`
        DROP GROUP g;
        -- FINDING: drops role `a`, `b`
        DROP ROLE a, b;
        -- FINDING: drops policy `tenant_isolation on orders`; rows the policy hid may become visible, or writable
        DROP POLICY IF EXISTS tenant_isolation ON orders;
        """);
  }

  @Test
  void dropsOfServerObjectsAreFound() {
    tester.expect(
        """
        -- FINDING: drops publication `pub`; replication through it stops
        DROP PUBLICATION pub;
        -- FINDING: drops subscription `sub`; replication through it stops
        DROP SUBSCRIPTION IF EXISTS sub;
        -- FINDING: drops foreign table `ft`; queries through it break (the remote data stays)
        DROP FOREIGN TABLE ft;
        -- FINDING: drops server `s`; everything that uses it breaks
        DROP SERVER s CASCADE;
        -- FINDING: drops tablespace `ts`
        DROP TABLESPACE ts;
        -- FINDING: drops foreign data wrapper `w`
        DROP FOREIGN DATA WRAPPER w;
        -- FINDING: drops text search dictionary `d`
        DROP TEXT SEARCH DICTIONARY d;
        -- FINDING: drops collation `c`
        DROP COLLATION c;
        -- FINDING: drops statistics `st`
        DROP STATISTICS st;
        -- FINDING: drops cast `(int AS text)`
        DROP CAST (int AS text);
        -- FINDING: drops language `plperl`
        DROP LANGUAGE plperl;
        -- FINDING: drops access method `am`
        DROP ACCESS METHOD am;
        -- FINDING: drops operator class `oc`
        DROP OPERATOR CLASS oc USING btree;
        -- FINDING: drops conversion `c`
        DROP CONVERSION c;
        -- FINDING: drops user mapping
        DROP USER MAPPING FOR bob SERVER s;
        -- FINDING: drops operator
        DROP OPERATOR ||| (int, int);
        """);
  }

  @Test
  void dropsWithTheirOwnRulesAreNotDropObject() {
    tester.expect(
        """
        DROP TABLE t;
        DROP VIEW v;
        DROP MATERIALIZED VIEW mv;
        DROP INDEX i;
        DROP SCHEMA s;
        DROP DATABASE d;
        DROP OWNED BY bob;
        DROP FUNCTION f();
        DROP PROCEDURE p();
        DROP AGGREGATE a(int);
        DROP TRIGGER tr ON t;
        DROP EVENT TRIGGER et;
        DROP RULE r ON t;
        DROP TYPE ty;
        DROP DOMAIN dm;
        DROP SEQUENCE sq;
        DROP EXTENSION ext;
        ALTER TABLE t DROP COLUMN c;
        ALTER TABLE t DROP CONSTRAINT c;
        CREATE ROLE bob;
        ALTER ROLE bob RENAME TO robert;
        REVOKE ALL ON t FROM bob;
        SELECT 'DROP ROLE bob';
        -- DROP ROLE bob;
        """);
  }

  @Test
  void dropsInsideBodiesAreFound() {
    tester.expect(
        """
        DO $$ BEGIN
          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tmp') THEN
            -- FINDING: drops role `tmp`; whoever logs in as it is locked out (inside DO block)
            DROP ROLE tmp;
          END IF;
        END $$;
        """);
  }

  @Test
  void mysqlUsers() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: drops user
            DROP USER 'bob'@'%';
            # FINDING: drops role
            DROP ROLE IF EXISTS 'reporting';
            """);
  }
}
