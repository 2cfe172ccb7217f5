package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class GrantAllTest {
  private final RuleTester tester = RuleTester.forRule("grant-all");

  @Test
  void grantsOfAllPrivilegesAreFound() {
    tester.expect(
        """
        -- FINDING: grants every privilege on `ALL TABLES IN SCHEMA public` to `app`, including DELETE and TRUNCATE
        GRANT ALL ON ALL TABLES IN SCHEMA public TO app;
        -- FINDING: grants every privilege on `database shop` to `app`
        grant all privileges on database shop to app;
        -- FINDING: grants every privilege on `t` to `app`, `"Reporting"`
        GRANT ALL ON t TO app, "Reporting";
        -- FINDING: grants every privilege on `TABLE s.t` to `app`, including DELETE and TRUNCATE, with the right to grant them on
        GRANT ALL PRIVILEGES ON TABLE s.t TO app WITH GRANT OPTION;
        -- FINDING: grants every privilege on `SEQUENCE seq` to `app`
        GRANT ALL ON SEQUENCE seq TO GROUP app;
        -- FINDING: grants every privilege on `TABLES` to `app`
        ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT ALL ON TABLES TO app;
        """);
  }

  @Test
  void grantOptionIsFound() {
    tester.expect(
        """
        -- FINDING: grants SELECT, INSERT on `t` to `app` WITH GRANT OPTION: they can hand it to anyone
        GRANT SELECT, INSERT ON t TO app WITH GRANT OPTION;
        -- FINDING: grants UPDATE on `t` to `app` WITH GRANT OPTION
        GRANT UPDATE (a, b) ON t TO app WITH GRANT OPTION;
        """);
  }

  @Test
  void narrowGrantsAndRevokesAreNotFound() {
    tester.expect(
        """
        GRANT SELECT ON t TO app;
        GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA s TO app;
        GRANT SELECT (a), UPDATE (b) ON t TO app;
        GRANT USAGE ON SCHEMA s TO app;
        GRANT readers TO app;
        GRANT readers TO app WITH ADMIN OPTION;
        REVOKE ALL ON t FROM app;
        REVOKE ALL PRIVILEGES ON DATABASE shop FROM PUBLIC;
        ALTER DEFAULT PRIVILEGES REVOKE ALL ON TABLES FROM PUBLIC;
        SELECT 'GRANT ALL ON t TO app';
        -- GRANT ALL ON t TO app;
        """);
  }

  @Test
  void grantsInsideBodiesAreFound() {
    tester.expect(
        """
        DO $$ BEGIN
          -- FINDING: grants every privilege on `t` to `app`, including DELETE and TRUNCATE (inside DO block)
          GRANT ALL ON t TO app;
          -- FINDING: (inside DO block, EXECUTE)
          EXECUTE 'GRANT ALL ON u TO app';
        END $$;
        """);
  }

  @Test
  void mysqlGrants() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: grants every privilege on `*.*` to `'bob'@'localhost'`, including DELETE and TRUNCATE, with the right to grant them on
            GRANT ALL PRIVILEGES ON *.* TO 'bob'@'localhost' WITH GRANT OPTION;
            # FINDING: grants every privilege on `db.*` to `bob`
            GRANT ALL ON db.* TO bob;
            # FINDING: grants SELECT on `db.*` to `app` WITH GRANT OPTION
            GRANT SELECT ON db.* TO app WITH GRANT OPTION;
            # FINDING: grants every privilege on ``shop`.*` to `'app'@'%'`
            GRANT ALL ON `shop`.* TO 'app'@'%' IDENTIFIED BY 'secret';
            GRANT SELECT, INSERT ON shop.* TO 'app'@'%';
            """);
  }
}
