package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class DropConstraintTest {
  private final RuleTester tester = RuleTester.forRule("drop-constraint");

  @Test
  void dropsOfConstraintsAreFound() {
    tester.expect(
        """
        -- FINDING: drops constraint `orders_customer_fk` of `orders`; rows that break it can be written from now on
        ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;
        -- FINDING: drops constraint `c` of `t`
        alter table t drop constraint if exists c;
        -- FINDING: CASCADE also drops the foreign keys that depend on it
        ALTER TABLE t DROP CONSTRAINT t_pkey CASCADE;
        -- FINDING: drops constraint `Check Me` of `s.T`
        ALTER TABLE ONLY "s"."T" DROP CONSTRAINT "Check Me";
        -- FINDING: drops constraint `c` of `d`
        ALTER DOMAIN d DROP CONSTRAINT c;
        -- FINDING: drops constraint `c` of `ft`
        ALTER FOREIGN TABLE ft DROP CONSTRAINT c;
        """);
  }

  @Test
  void everyDropOfAMultiActionAlterIsFound() {
    tester.expect(
        """
        -- FINDING: drops constraint `a` of `t`
        -- FINDING: drops constraint `b` of `t`
        ALTER TABLE t DROP CONSTRAINT a, ADD CONSTRAINT c CHECK (x > 0), DROP CONSTRAINT b;
        -- FINDING: `u_email_key`
        ALTER TABLE users
          ADD CONSTRAINT users_email_unique UNIQUE (email),
          DROP CONSTRAINT u_email_key;
        """);
  }

  @Test
  void lookAlikesAreNotConstraintDrops() {
    tester.expect(
        """
        ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);
        ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) ON DELETE CASCADE;
        ALTER TABLE t RENAME CONSTRAINT a TO b;
        ALTER TABLE t VALIDATE CONSTRAINT c;
        ALTER TABLE t ALTER COLUMN a DROP NOT NULL;
        ALTER TABLE t DROP COLUMN constraint_name;
        SELECT 'ALTER TABLE t DROP CONSTRAINT c';
        -- ALTER TABLE t DROP CONSTRAINT c;
        SET CONSTRAINTS ALL DEFERRED;
        """);
  }

  @Test
  void dropsInsideBodiesAreFound() {
    tester.expect(
        """
        DO $$
        BEGIN
          -- FINDING: drops constraint `c` of `t`; rows that break it can be written from now on (inside DO block)
          ALTER TABLE t DROP CONSTRAINT c;
        END $$;
        """);
  }

  @Test
  void mysqlKeysAndChecks() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: drops constraint `primary key` of `t`
            ALTER TABLE t DROP PRIMARY KEY;
            # FINDING: drops constraint `foreign key fk_customer` of `orders`
            ALTER TABLE `orders` DROP FOREIGN KEY `fk_customer`;
            # FINDING: drops constraint `check chk_positive` of `t`
            ALTER TABLE t DROP CHECK chk_positive;
            # FINDING: drops constraint `c` of `t`
            ALTER TABLE t DROP CONSTRAINT c;
            ALTER TABLE t DROP INDEX idx;
            ALTER TABLE t ADD PRIMARY KEY (id);
            """);
  }
}
