package dev.airlock.gateway.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.policy.GatewayPolicy.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every statement head lands on the kind the policy's deny list names; the unknown stays unknown.
 */
class StatementKindsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SELECT 1                                                       | SELECT
          (SELECT 1)                                                     | SELECT
          WITH x AS (SELECT 1) SELECT * FROM x                           | SELECT
          WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d          | DELETE
          WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x             | INSERT
          INSERT INTO orders VALUES (1)                                  | INSERT
          UPDATE orders SET a = 1                                        | UPDATE
          DELETE FROM orders                                             | DELETE
          MERGE INTO t USING u ON true WHEN MATCHED THEN DELETE          | MERGE
          CREATE TABLE t (a int)                                         | CREATE
          CREATE UNIQUE INDEX i ON t (a)                                 | CREATE
          CREATE OR REPLACE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql | CREATE
          CREATE ROLE hacker SUPERUSER                                   | ROLE
          CREATE DATABASE d                                              | DATABASE
          CREATE EXTENSION dblink                                        | EXTENSION
          ALTER TABLE t DROP COLUMN a                                    | ALTER
          ALTER SYSTEM SET fsync = off                                   | ALTER_SYSTEM
          ALTER ROLE agent BYPASSRLS                                     | ROLE
          ALTER DEFAULT PRIVILEGES GRANT ALL ON TABLES TO public         | GRANT
          DROP TABLE IF EXISTS user_sessions                             | DROP
          DROP OWNED BY agent                                            | ROLE
          DROP DATABASE prod                                             | DATABASE
          TRUNCATE orders                                                | TRUNCATE
          COMMENT ON TABLE t IS 'x'                                      | COMMENT
          REFRESH MATERIALIZED VIEW v                                    | REFRESH
          GRANT ALL ON ALL TABLES IN SCHEMA public TO demo_agent         | GRANT
          REVOKE SELECT ON t FROM public                                 | REVOKE
          COPY t TO PROGRAM 'x'                                          | COPY
          DO $$ BEGIN END $$                                             | DO
          CALL purge()                                                   | CALL
          LOCK TABLE t                                                   | LOCK
          VACUUM FULL t                                                  | MAINTENANCE
          LOAD 'x'                                                       | LOAD
          SET ROLE postgres                                              | SESSION
          RESET ALL                                                      | SESSION
          PREPARE p AS SELECT 1                                          | SESSION
          PREPARE TRANSACTION 'x'                                        | TRANSACTION
          COMMIT                                                         | TRANSACTION
          BEGIN                                                          | TRANSACTION
          FROBNICATE t                                                   | UNKNOWN
          WITH broken                                                    | UNKNOWN
          """)
  void kinds(String sql, Kind kind) throws Refused {
    assertThat(StatementKinds.of(OneStatement.parse(sql))).isEqualTo(kind);
  }
}
