package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class GrantPublicTest {
  private final RuleTester tester = RuleTester.forRule("grant-public");

  @Test
  void grantsToPublicAreFound() {
    tester.expect(
        """
        -- FINDING: grants SELECT on `t` to every role (PUBLIC)
        GRANT SELECT ON t TO PUBLIC;
        -- FINDING: grants USAGE on `schema s` to every role (PUBLIC)
        grant usage on schema s to public;
        -- FINDING: grants EXECUTE on `FUNCTION f(int)` to every role (PUBLIC)
        GRANT EXECUTE ON FUNCTION f(int) TO PUBLIC;
        -- FINDING: grants every privilege on `t` to every role (PUBLIC)
        GRANT ALL ON t TO app, PUBLIC;
        -- FINDING: grants SELECT, INSERT on `ALL TABLES IN SCHEMA s` to every role (PUBLIC)
        GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA s TO PUBLIC;
        -- FINDING: grants SELECT on `TABLES` to every role (PUBLIC)
        ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;
        -- FINDING: makes every role (PUBLIC) a member of `readers`
        GRANT readers TO PUBLIC;
        -- FINDING: grants CREATE on `SCHEMA public` to every role (PUBLIC)
        GRANT CREATE ON SCHEMA public TO PUBLIC;
        """);
  }

  @Test
  void revokesAndOtherGranteesAreNotFound() {
    tester.expect(
        """
        REVOKE ALL ON t FROM PUBLIC;
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
        GRANT SELECT ON public.t TO app;
        GRANT USAGE ON SCHEMA public TO app;
        GRANT SELECT ON t TO "public_reader";
        SELECT 'GRANT SELECT ON t TO PUBLIC';
        -- GRANT SELECT ON t TO PUBLIC;
        """);
  }

  @Test
  void grantsInsideBodiesAreFound() {
    tester.expect(
        """
        CREATE FUNCTION open_up() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          -- FINDING: grants SELECT on `t` to every role (PUBLIC) (inside function `open_up`)
          GRANT SELECT ON t TO PUBLIC;
        END $$;
        """);
  }
}
