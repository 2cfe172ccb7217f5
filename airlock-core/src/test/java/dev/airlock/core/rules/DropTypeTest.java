package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class DropTypeTest {
  private final RuleTester tester = RuleTester.forRule("drop-type");

  @Test
  void dropsOfTypesAndDomainsAreFound() {
    tester.expect(
        """
        -- FINDING: drops type `mood`; everything that uses it must go first
        DROP TYPE mood;
        -- FINDING: drops type `mood`; CASCADE drops every column and function that uses it, with their data
        drop type if exists mood cascade;
        -- FINDING: drops type `s.Status`, `s.kind`
        DROP TYPE s."Status", s.kind;
        -- FINDING: drops domain `email_address`
        DROP DOMAIN email_address;
        -- FINDING: CASCADE drops every column
        DROP DOMAIN IF EXISTS d CASCADE;
        """);
  }

  @Test
  void dropsOfSequencesAndExtensionsAreFound() {
    tester.expect(
        """
        -- FINDING: drops sequence `orders_id_seq`; its current value is lost and a recreated one restarts, colliding with existing ids
        DROP SEQUENCE orders_id_seq;
        -- FINDING: drops sequence `a`, `b`
        DROP SEQUENCE IF EXISTS a, b CASCADE;
        -- FINDING: drops extension `postgis`; CASCADE drops every column and function that uses it, with their data
        DROP EXTENSION postgis CASCADE;
        -- FINDING: drops extension `pgcrypto`; everything that uses it must go first
        DROP EXTENSION IF EXISTS pgcrypto;
        """);
  }

  @Test
  void lookAlikesAreNotTypeDrops() {
    tester.expect(
        """
        CREATE TYPE mood AS ENUM ('sad', 'ok');
        ALTER TYPE mood ADD VALUE 'happy';
        ALTER TYPE mood RENAME TO feeling;
        ALTER SEQUENCE s RESTART WITH 1;
        ALTER EXTENSION postgis UPDATE;
        CREATE EXTENSION IF NOT EXISTS pgcrypto;
        SELECT 'DROP TYPE mood';
        -- DROP TYPE mood;
        DROP TABLE types;
        ALTER TABLE t ALTER COLUMN a TYPE text;
        """);
  }

  @Test
  void dropsInsideBodiesAreFound() {
    tester.expect(
        """
        DO $$ BEGIN
          -- FINDING: drops type `mood`; everything that uses it must go first (inside DO block)
          DROP TYPE mood;
        EXCEPTION WHEN undefined_object THEN
          -- FINDING: colliding with existing ids (inside DO block)
          DROP SEQUENCE s;
        END $$;
        """);
  }
}
