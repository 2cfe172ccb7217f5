package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class DropSchemaTest {
  private final RuleTester tester = RuleTester.forRule("drop-schema");

  @Test
  void dropsOfSchemasAreFound() {
    tester.expect(
        """
        -- FINDING: drops schema `s` with CASCADE: every table, view, function and row in it goes too
        DROP SCHEMA s CASCADE;
        -- FINDING: drops schema `s` (PostgreSQL refuses while it holds objects; on MySQL it drops every table in it)
        drop schema s;
        -- FINDING: drops schema `a`, `b` (PostgreSQL refuses while it holds objects; on MySQL it drops every table in it); IF EXISTS hides a wrong name
        DROP SCHEMA IF EXISTS a, b;
        -- FINDING: drops schema `Tenant 42` with CASCADE
        DROP SCHEMA IF EXISTS "Tenant 42" CASCADE;
        -- FINDING: drops schema `s` with CASCADE
        DROP SCHEMA s
          CASCADE;
        """);
  }

  @Test
  void dropOwnedIsFound() {
    tester.expect(
        """
        -- FINDING: drops every object owned by `bob`, in every schema of the database
        DROP OWNED BY bob;
        -- FINDING: drops every object owned by `bob`, `alice`
        DROP OWNED BY bob, alice CASCADE;
        -- FINDING: `CURRENT_USER`
        DROP OWNED BY CURRENT_USER;
        """);
  }

  @Test
  void lookAlikesAreNotSchemaDrops() {
    tester.expect(
        """
        CREATE SCHEMA IF NOT EXISTS s;
        ALTER SCHEMA s RENAME TO s2;
        ALTER SCHEMA s OWNER TO bob;
        REASSIGN OWNED BY bob TO postgres;
        DROP TABLE s.t;
        DROP DATABASE d;
        SELECT 'DROP SCHEMA s CASCADE';
        -- DROP SCHEMA s CASCADE;
        SET search_path = drop_schema;
        """);
  }

  @Test
  void dropsInsideBodiesAreFound() {
    tester.expect(
        """
        CREATE FUNCTION drop_tenant(tenant text) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          -- FINDING: drops schema `archive` with CASCADE: every table, view, function and row in it goes too (inside function `drop_tenant`)
          DROP SCHEMA archive CASCADE;
        END $$;
        DO $$ BEGIN
          -- FINDING: (inside DO block, EXECUTE)
          EXECUTE 'DROP SCHEMA old CASCADE';
        END $$;
        """);
  }
}
