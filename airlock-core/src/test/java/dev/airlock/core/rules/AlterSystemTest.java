package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class AlterSystemTest {
  private final RuleTester tester = RuleTester.forRule("alter-system");

  @Test
  void alterSystemIsFound() {
    tester.expect(
        """
        -- FINDING: changes server-wide setting `max_connections` for every database and session
        ALTER SYSTEM SET max_connections = 200;
        -- FINDING: changes server-wide setting `wal_level`
        alter system set wal_level to 'logical';
        -- FINDING: changes server-wide setting `ALL`
        ALTER SYSTEM RESET ALL;
        -- FINDING: changes server-wide setting `shared_preload_libraries`
        ALTER SYSTEM RESET shared_preload_libraries;
        -- FINDING: changes server-wide setting `log_statement`
        ALTER
          SYSTEM SET log_statement = 'none';
        """);
  }

  @Test
  void sessionAndObjectSettingsAreNotServerWide() {
    tester.expect(
        """
        SET search_path = public;
        SET LOCAL statement_timeout = '5s';
        SET SESSION work_mem = '64MB';
        SET GLOBAL max_connections = 1000;
        RESET ALL;
        ALTER DATABASE shop SET timezone = 'UTC';
        ALTER ROLE app SET search_path = app;
        ALTER TABLE t SET (fillfactor = 70);
        SELECT set_config('work_mem', '1GB', false);
        SELECT 'ALTER SYSTEM SET x = 1';
        -- ALTER SYSTEM SET x = 1;
        CREATE TABLE system (id int);
        """);
  }

  @Test
  void mysqlGlobalAndPersistedSettingsAreFound() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: changes server-wide setting `GLOBAL max_connections = 1000`
            SET GLOBAL max_connections = 1000;
            # FINDING: changes server-wide setting `PERSIST sql_mode = ''`
            SET PERSIST sql_mode = '';
            # FINDING: changes server-wide setting `PERSIST_ONLY x = 1`
            SET PERSIST_ONLY x = 1;
            # FINDING: changes server-wide setting `@@GLOBAL.sql_mode = ''`
            SET @@GLOBAL.sql_mode = '';
            # FINDING: `@@global.x = 1`
            set @@global.x = 1;
            # FINDING: `@@persist.x = 1`
            SET @@persist.x = 1;
            SET SESSION sql_mode = '';
            SET @x = 1;
            SET @@session.x = 1;
            SET NAMES utf8mb4;
            DELIMITER //
            CREATE PROCEDURE tune()
            BEGIN
              # FINDING: `GLOBAL innodb_flush_log_at_trx_commit = 2` for every database and session (inside procedure `tune`)
              SET GLOBAL innodb_flush_log_at_trx_commit = 2;
            END //
            DELIMITER ;
            """);
  }
}
