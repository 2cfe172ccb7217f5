package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class DropViewTest {
  private final RuleTester tester = RuleTester.forRule("drop-view");

  @Test
  void dropsOfViewsAreFound() {
    tester.expect(
        """
        -- FINDING: drops view `active_users`; every query that reads it breaks
        DROP VIEW active_users;
        -- FINDING: drops view `v`; every query that reads it breaks; CASCADE also drops the views built on it
        drop view if exists v cascade;
        -- FINDING: drops view `a`, `b`
        DROP VIEW a, b;
        -- FINDING: drops materialized view `s.mv`
        DROP MATERIALIZED VIEW s.mv;
        -- FINDING: drops materialized view `Sales Summary`
        DROP MATERIALIZED VIEW IF EXISTS "Sales Summary" CASCADE;
        """);
  }

  @Test
  void lookAlikesAreNotViewDrops() {
    tester.expect(
        """
        CREATE OR REPLACE VIEW drop_view AS SELECT 1;
        CREATE MATERIALIZED VIEW mv AS SELECT 1;
        REFRESH MATERIALIZED VIEW CONCURRENTLY mv;
        ALTER VIEW v RENAME TO w;
        SELECT 'DROP VIEW v';
        -- DROP VIEW v;
        DROP TABLE views;
        """);
  }

  @Test
  void dropsInsideBodiesAreFound() {
    tester.expect(
        """
        CREATE FUNCTION rebuild() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          -- FINDING: every query that reads it breaks (inside function `rebuild`)
          DROP VIEW v;
          CREATE VIEW v AS SELECT 2;
        END $$;
        -- FINDING: every query that reads it breaks (inside prepared statement)
        PREPARE s FROM 'DROP VIEW v';
        """);
  }

  @Test
  void mysqlViews() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: drops view `db.v`
            DROP VIEW IF EXISTS `db`.`v`;
            CREATE OR REPLACE ALGORITHM=MERGE VIEW v AS SELECT 1;
            """);
  }
}
