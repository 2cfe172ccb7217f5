package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class DropIndexTest {
  private final RuleTester tester = RuleTester.forRule("drop-index");

  @Test
  void dropsOfIndexesAreFound() {
    tester.expect(
        """
        -- FINDING: drops index `idx_orders_old`; queries that use it slow down and any uniqueness it enforced is gone
        DROP INDEX idx_orders_old;
        -- FINDING: drops index `idx`
        drop index concurrently if exists idx;
        -- FINDING: drops index `s.idx_a`, `s.idx_b`
        DROP INDEX s.idx_a, s.idx_b CASCADE;
        -- FINDING: drops index `Users Email`
        DROP INDEX "Users Email";
        """);
  }

  @Test
  void lookAlikesAreNotIndexDrops() {
    tester.expect(
        """
        CREATE INDEX CONCURRENTLY drop_index ON t (a);
        REINDEX INDEX CONCURRENTLY i;
        ALTER INDEX i RENAME TO j;
        ALTER INDEX i SET TABLESPACE fast;
        SELECT 'DROP INDEX i';
        -- DROP INDEX i;
        DROP TABLE indexes;
        ALTER TABLE t DROP CONSTRAINT t_unique;
        """);
  }

  @Test
  void dropsInsideBodiesAreFound() {
    tester.expect(
        """
        CREATE PROCEDURE tidy() LANGUAGE plpgsql AS $$
        BEGIN
          -- FINDING: any uniqueness it enforced is gone (inside procedure `tidy`)
          DROP INDEX i;
        END $$;
        """);
  }

  @Test
  void mysqlIndexesBelongToTables() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: drops index `idx on t`
            DROP INDEX idx ON t;
            # FINDING: drops index `idx on t`
            ALTER TABLE t DROP INDEX idx;
            # FINDING: drops index `k on db.t`
            ALTER TABLE `db`.`t` DROP KEY `k`;
            # FINDING: drops index `a on t`
            # FINDING: drops index `b on t`
            ALTER TABLE t DROP INDEX a, DROP INDEX b;
            ALTER TABLE t ADD INDEX idx (a);
            ALTER TABLE t DROP PRIMARY KEY;
            """);
  }
}
