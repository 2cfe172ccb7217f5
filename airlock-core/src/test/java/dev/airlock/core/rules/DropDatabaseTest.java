package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class DropDatabaseTest {
  private final RuleTester tester = RuleTester.forRule("drop-database");

  @Test
  void dropsOfDatabasesAreFound() {
    tester.expect(
        """
        -- FINDING: drops database `shop` with every schema, table and row in it
        DROP DATABASE shop;
        -- FINDING: drops database `shop` with every schema, table and row in it; IF EXISTS hides a wrong name
        drop database if exists shop;
        -- FINDING: `Shop Prod`
        DROP DATABASE "Shop Prod" WITH (FORCE);
        -- FINDING: `shop`
        DROP
          DATABASE
          shop;
        """);
  }

  @Test
  void lookAlikesAreNotDatabaseDrops() {
    tester.expect(
        """
        CREATE DATABASE shop;
        ALTER DATABASE shop SET timezone = 'UTC';
        ALTER DATABASE shop RENAME TO shop_old;
        SELECT 'DROP DATABASE shop';
        -- DROP DATABASE shop;
        /* DROP DATABASE shop; */
        DROP SCHEMA shop;
        DROP TABLE database;
        GRANT CONNECT ON DATABASE shop TO app;
        """);
  }

  @Test
  void mysqlSchemasAreDatabases() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: drops database `shop`
            DROP DATABASE IF EXISTS `shop`;
            DELIMITER $$
            CREATE PROCEDURE nuke()
            BEGIN
              # FINDING: (inside procedure `nuke`)
              DROP DATABASE scratch;
            END$$
            DELIMITER ;
            """);
  }
}
