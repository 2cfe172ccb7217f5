package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class RoleEscalationTest {
  private final RuleTester tester = RuleTester.forRule("role-escalation");

  @Test
  void powerfulAttributesAreFound() {
    tester.expect(
        """
        -- FINDING: gives role `admin` SUPERUSER
        CREATE ROLE admin SUPERUSER LOGIN;
        -- FINDING: gives role `admin` CREATEROLE
        create role admin with login password 'x' createrole;
        -- FINDING: gives role `app` BYPASSRLS
        ALTER ROLE app BYPASSRLS;
        -- FINDING: gives role `app` SUPERUSER
        ALTER USER app WITH SUPERUSER;
        -- FINDING: gives role `x` REPLICATION
        CREATE ROLE x REPLICATION;
        -- FINDING: gives role `x` CREATEDB
        CREATE USER x CREATEDB;
        -- FINDING: gives role `Ops Admin` BYPASSRLS, SUPERUSER
        CREATE ROLE "Ops Admin" WITH SUPERUSER BYPASSRLS;
        -- FINDING: gives role `g` CREATEROLE
        CREATE GROUP g CREATEROLE;
        -- FINDING: gives role `app` SUPERUSER
        CREATE ROLE IF NOT EXISTS app SUPERUSER;
        """);
  }

  @Test
  void membershipOfPowerfulRolesIsFound() {
    tester.expect(
        """
        -- FINDING: makes `app` a member of `postgres`, with all their powers
        GRANT postgres TO app;
        -- FINDING: makes `app` a member of `pg_write_all_data`, with all their powers
        GRANT pg_write_all_data TO app;
        -- FINDING: makes `app` a member of `pg_read_all_data`, with all their powers
        GRANT pg_read_all_data, pg_monitor TO app;
        -- FINDING: makes `app` a member of `"postgres"`
        GRANT "postgres" TO app;
        -- FINDING: makes `app` a member of `rds_superuser`
        GRANT rds_superuser TO app WITH ADMIN OPTION;
        -- FINDING: makes `app` a member of `pg_execute_server_program`
        GRANT pg_execute_server_program TO app GRANTED BY postgres;
        -- FINDING: makes `app` a member of `postgres`
        CREATE ROLE app LOGIN IN ROLE postgres, readers;
        -- FINDING: makes `app` a member of `pg_write_all_data`
        CREATE ROLE app IN GROUP pg_write_all_data;
        -- FINDING: lets `app` grant `readers` to anyone (WITH ADMIN OPTION)
        GRANT readers TO app WITH ADMIN OPTION;
        -- FINDING: lets `app` grant `readers` to anyone
        GRANT readers TO app WITH ADMIN TRUE;
        """);
  }

  @Test
  void ordinaryRoleChangesAreNotEscalations() {
    tester.expect(
        """
        ALTER ROLE app NOSUPERUSER;
        ALTER ROLE app NOBYPASSRLS NOCREATEROLE;
        CREATE USER app WITH PASSWORD 'superuser';
        CREATE ROLE "superuser";
        ALTER ROLE app SET search_path = superuser;
        ALTER ROLE app RESET superuser;
        ALTER ROLE app RENAME TO superuser;
        ALTER ROLE bob IN DATABASE d SET search_path TO superuser;
        ALTER ROLE bob CONNECTION LIMIT 5;
        CREATE ROLE app IN ROLE readers;
        GRANT readers TO app;
        GRANT SELECT ON TABLE t TO app;
        REVOKE postgres FROM app;
        SELECT 'ALTER ROLE app SUPERUSER';
        -- ALTER ROLE app SUPERUSER;
        CREATE TABLE superuser (id int);
        """);
  }

  @Test
  void escalationsInsideBodiesAreFound() {
    tester.expect(
        """
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'agent') THEN
            -- FINDING: gives role `agent` SUPERUSER (inside DO block)
            CREATE ROLE agent SUPERUSER;
          END IF;
          -- FINDING: makes `agent` a member of `postgres`, with all their powers (inside DO block, EXECUTE)
          EXECUTE 'GRANT postgres TO agent';
        END $$;
        """);
  }

  @Test
  void mysqlServerPrivilegesAndRoles() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: grants server-wide SUPER to `'bob'@'%'`
            GRANT SUPER ON *.* TO 'bob'@'%';
            # FINDING: grants server-wide FILE, PROCESS to `app`
            GRANT FILE, PROCESS ON *.* TO app;
            # FINDING: grants server-wide SHUTDOWN to `ops`
            grant shutdown on *.* to ops;
            # FINDING: makes `'bob'@'%'` a member of `'dba'`
            GRANT 'dba' TO 'bob'@'%';
            # FINDING: makes `bob` a member of ``root`@`%``
            GRANT `root`@`%` TO bob;
            GRANT SELECT ON db.* TO app;
            GRANT 'reporting' TO 'bob'@'%';
            """);
  }
}
