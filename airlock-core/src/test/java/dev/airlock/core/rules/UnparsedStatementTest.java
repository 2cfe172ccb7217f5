package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class UnparsedStatementTest {
  private final RuleTester tester = RuleTester.forRule("unparsed-statement");

  @Test
  void mysqlDelimiterInAPostgresFileIsNotUnderstood() {
    tester.expect(
        """
        -- FINDING: DELIMITER is a MySQL client command; check this file with --dialect mysql
        DELIMITER //
        CREATE PROCEDURE p() BEGIN DELETE FROM t; DROP TABLE u; END //
        """);
  }

  @Test
  void unknownStatementsAreFound() {
    tester.expect(
        """
        -- FINDING: not understood: `FROBNICATE` does not start any statement Airlock knows
        FROBNICATE t;
        -- FINDING: `dorp` does not start any statement Airlock knows
        dorp table users;
        -- FINDING: a statement cannot start with `+`
        + 1;
        -- FINDING: DROP without an object kind or name
        DROP;
        -- FINDING: GRANT without TO
        GRANT SELECT ON t;
        -- FINDING: UPDATE without a table name
        UPDATE;
        -- FINDING: UPDATE of `t` without SET
        UPDATE t;
        -- FINDING: TRUNCATE without a table name
        TRUNCATE;
        -- FINDING: DELETE without a table name
        DELETE;
        -- FINDING: MERGE without a target table
        MERGE;
        -- FINDING: DO without a body
        DO;
        -- FINDING: ALTER WIDGET is not a statement Airlock knows
        ALTER WIDGET w SET x = 1;
        -- FINDING: RENAME USER is not a statement Airlock knows
        RENAME USER a TO b;
        """);
  }

  @Test
  void unterminatedConstructsAreFound() {
    tester.expect(
        """
        SELECT 1;
        -- FINDING: unterminated string starting on line 3 runs to the end of the file
        SELECT 'abc;
        DROP TABLE hidden;
        """);
    tester.expect(
        """
        -- FINDING: unterminated dollar-quoted string $$ starting on line 2 runs to the end of the file
        SELECT $$abc;
        DROP TABLE hidden;
        """);
    tester.expect(
        """
        -- FINDING: unterminated dollar-quoted string $tag$ starting on line 2
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $tag$ BEGIN DROP TABLE t; END $$;
        """);
    tester.expect(
        """
        -- FINDING: unterminated block comment starting on line 2 runs to the end of the file
        /* unterminated comment
        DROP TABLE t;
        """);
    tester.expect(
        """
        -- FINDING: unterminated quoted identifier starting on line 2
        SELECT "abc;
        """);
    tester.expect(
        """
        -- FINDING: unterminated string starting on line 2
        DELETE FROM t WHERE name = E'it\\'s;
        """);
  }

  @Test
  void psqlCommandsThatHideSqlAreFound() {
    tester.expect(
        """
        -- FINDING: psql `\\i other.sql` runs another file that this check cannot see; check that file too
        \\i other.sql
        -- FINDING: psql `\\ir other.sql` runs another file
        \\ir other.sql
        -- FINDING: psql `\\include x.sql` runs another file
        \\include x.sql
        -- FINDING: psql `\\include_relative x.sql` runs another file
        \\include_relative x.sql
        -- FINDING: psql `\\! rm -rf /` runs a shell command that this check cannot see
        \\! rm -rf /
        \\set ON_ERROR_STOP on
        \\connect shop
        SELECT 1;
        \\gset
        """);
  }

  @Test
  void unparsedStatementsInsideBodiesAreFound() {
    tester.expect(
        """
        -- FINDING: `FROBNICATE` does not start any statement Airlock knows (inside prepared statement)
        PREPARE s FROM 'FROBNICATE t';
        """);
  }

  @Test
  void everyKnownStatementIsUnderstood() {
    tester.expect(
        """
        ;
        ;;
        SELECT 1
        ;
        VALUES (1);
        (SELECT 1);
        TABLE t;
        CREATE TABLE t (a int);
        CREATE INDEX CONCURRENTLY i ON t (a);
        CREATE EXTENSION IF NOT EXISTS pgcrypto;
        COMMENT ON TABLE t IS 'x';
        BEGIN;
        START TRANSACTION ISOLATION LEVEL SERIALIZABLE;
        SAVEPOINT s;
        ROLLBACK TO SAVEPOINT s;
        COMMIT;
        ABORT;
        END;
        VACUUM FULL t;
        REFRESH MATERIALIZED VIEW CONCURRENTLY mv;
        LOCK TABLE t IN ACCESS EXCLUSIVE MODE;
        SET LOCAL statement_timeout = '5s';
        RESET ALL;
        REINDEX INDEX CONCURRENTLY i;
        CLUSTER t USING i;
        ANALYZE t;
        CHECKPOINT;
        DISCARD ALL;
        SECURITY LABEL ON TABLE t IS 'x';
        ALTER EXTENSION e UPDATE;
        ALTER SEQUENCE s RESTART WITH 1;
        ALTER FUNCTION f() OWNER TO bob;
        ALTER DATABASE d SET x = 1;
        ALTER POLICY p ON t USING (true);
        ALTER PUBLICATION p ADD TABLE t;
        ALTER LARGE OBJECT 1 OWNER TO bob;
        ALTER TEXT SEARCH CONFIGURATION c OWNER TO bob;
        ALTER DEFAULT PRIVILEGES REVOKE ALL ON TABLES FROM PUBLIC;
        ALTER OPERATOR + (int, int) OWNER TO bob;
        IMPORT FOREIGN SCHEMA s FROM SERVER srv INTO local;
        CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING;
        CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN 1;
        EXECUTE p(1);
        DEALLOCATE p;
        LISTEN x;
        NOTIFY x, 'y';
        CALL p();
        WITH x AS (SELECT 1) SELECT * FROM x;
        EXPLAIN SELECT 1;
        DECLARE c CURSOR FOR SELECT 1;
        DO 'BEGIN NULL; END';
        SELECT E'it\\'s; DROP TABLE t';
        SELECT U&'d\\0061t\\+000061';
        CREATE TABLE "we;ird" (a int);
        -- FROBNICATE t;
        SELECT 'FROBNICATE';
        """);
  }

  @Test
  void mysqlAndSqliteStatementsAreUnderstood() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            USE shop;
            SHOW TABLES;
            DESCRIBE t;
            LOCK TABLES t WRITE;
            UNLOCK TABLES;
            FLUSH PRIVILEGES;
            OPTIMIZE TABLE t;
            REPLACE INTO t VALUES (1);
            SELECT 'It\\'s; DROP TABLE x';
            # FINDING: unterminated quoted identifier
            CREATE TABLE `broken (id int);
            """);
    RuleTester.forRule("unparsed-statement")
        .dialect(Dialect.SQLITE)
        .expect(
            """
            PRAGMA foreign_keys = OFF;
            ATTACH DATABASE 'x.db' AS x;
            DETACH DATABASE x;
            INSERT OR REPLACE INTO t VALUES (1);
            VACUUM;
            -- FINDING: unterminated quoted identifier
            SELECT [broken;
            """);
  }
}
