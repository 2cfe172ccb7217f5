package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class DeleteWithoutWhereTest {
  private final RuleTester tester = RuleTester.forRule("delete-without-where");

  @Test
  void aJoinRestrictsOnlyWhenTheTargetIsInIt() {
    tester.expect(
        """
        -- FINDING: deletes every row of `t`
        DELETE FROM t USING a JOIN b ON a.id = b.a_id;
        DELETE t FROM t JOIN u ON t.id = u.t_id;
        DELETE FROM t1 USING t1 JOIN t2 ON t1.id = t2.id;
        """);
  }

  @Test
  void deletesWithoutWhereAreFound() {
    tester.expect(
        """
        -- FINDING: deletes every row of `sessions`: there is no WHERE
        DELETE FROM sessions;
        -- FINDING: deletes every row of `Public.T`
        delete from "Public"."T";
        -- FINDING: deletes every row of `s.t`
        DELETE FROM ONLY s.t;
        -- FINDING: deletes every row of `t`
        DELETE FROM t AS x;
        -- FINDING: deletes every row of `t`
        DELETE FROM t RETURNING *;
        -- FINDING: deletes every row of `t`
        DELETE
        FROM
          t
        ;
        -- FINDING: deletes every row of `t`
        DELETE t;
        """);
  }

  @Test
  void usingOrLimitWithoutWhereDoesNotRestrict() {
    tester.expect(
        """
        -- FINDING: deletes every row of `t`: there is no WHERE
        DELETE FROM t USING u;
        -- FINDING: deletes every row of `t`
        DELETE FROM t USING u, v RETURNING t.id;
        DELETE FROM t USING u WHERE t.id = u.id;
        DELETE FROM t WHERE CURRENT OF c;
        """);
  }

  @Test
  void mysqlMultiTableDeletesAreRestrictedByTheirJoin() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: deletes every row of `db.t`
            DELETE LOW_PRIORITY QUICK IGNORE FROM `db`.`t`;
            # FINDING: deletes every row of `t`
            DELETE FROM t LIMIT 1000;
            # FINDING: deletes every row of `t`
            DELETE FROM t ORDER BY id LIMIT 10;
            # FINDING: deletes every row of `t1`
            DELETE t1 FROM t1, t2;
            DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id;
            DELETE t1, t2 FROM t1 INNER JOIN t2 ON t1.id = t2.id WHERE t2.x = 1;
            DELETE FROM t1 USING t1 JOIN t2 ON t1.id = t2.id;
            DELETE FROM t WHERE id = 1 # no, the WHERE is here
            ;
            SELECT 1 # DELETE FROM t;
            ;
            """);
  }

  @Test
  void deletesHiddenInOtherStatementsAreFound() {
    tester.expect(
        """
        -- FINDING: deletes every row of `t`: there is no WHERE
        WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d;
        -- FINDING: deletes every row of `t`
        WITH x AS (SELECT 1), d AS (DELETE FROM t RETURNING id) INSERT INTO log SELECT id FROM d;
        -- FINDING: deletes every row of `t`
        WITH old AS (SELECT id FROM t) DELETE FROM t;
        -- FINDING: deletes every row of `t`
        WITH RECURSIVE d AS MATERIALIZED (DELETE FROM t RETURNING *) SELECT 1;
        -- FINDING: deletes every row of `t`
        EXPLAIN ANALYZE DELETE FROM t;
        -- FINDING: deletes every row of `t`
        EXPLAIN (ANALYZE, BUFFERS) DELETE FROM t;
        -- FINDING: deletes every row of `t`
        EXPLAIN ANALYZE VERBOSE DELETE FROM t;
        EXPLAIN DELETE FROM t;
        EXPLAIN (ANALYZE false) DELETE FROM t;
        EXPLAIN (COSTS off) DELETE FROM t;
        -- FINDING: deletes every row of `t`
        PREPARE p AS DELETE FROM t;
        -- FINDING: deletes every row of `t`
        PREPARE p (int) AS DELETE FROM t RETURNING $1;
        -- FINDING: deletes every row of `t`: there is no WHERE (inside prepared statement)
        PREPARE s FROM 'DELETE FROM t';
        -- FINDING: deletes every row of `q`: there is no WHERE (inside rule `r`)
        CREATE RULE r AS ON INSERT TO t DO ALSO (DELETE FROM q; INSERT INTO z VALUES (1));
        """);
  }

  @Test
  void deletesInsideBodiesAreFound() {
    tester.expect(
        """
        CREATE FUNCTION purge() RETURNS SETOF t LANGUAGE plpgsql AS $$
        BEGIN
          <<lbl>>
          LOOP
            EXIT WHEN true;
            -- FINDING: deletes every row of `q`: there is no WHERE (inside function `purge`)
            DELETE FROM q;
          END LOOP lbl;
          -- FINDING: deletes every row of `z`: there is no WHERE (inside function `purge`)
          RETURN QUERY DELETE FROM z RETURNING *;
          -- FINDING: deletes every row of `c1`: there is no WHERE (inside function `purge`)
          CASE 1 WHEN 1 THEN DELETE FROM c1; ELSE NULL; END CASE;
          BEGIN
            -- FINDING: deletes every row of `inner_block`: there is no WHERE (inside function `purge`)
            DELETE FROM inner_block;
          EXCEPTION WHEN others THEN
            NULL;
          END;
          RAISE NOTICE 'DELETE FROM t;';
        END $$;
        -- FINDING: deletes every row of `t`: there is no WHERE (inside function `f`)
        CREATE FUNCTION f() RETURNS void AS $$ DELETE FROM t $$ LANGUAGE sql;
        -- FINDING: deletes every row of `t`: there is no WHERE (inside function `g`)
        CREATE FUNCTION g() RETURNS void LANGUAGE sql BEGIN ATOMIC DELETE FROM t; END;
        -- FINDING: deletes every row of `t`: there is no WHERE (inside DO block, EXECUTE)
        DO $$ BEGIN EXECUTE 'DELETE FROM t'; END $$;
        -- FINDING: deletes every row of `t`: there is no WHERE (inside DO block)
        DO 'BEGIN DELETE FROM t; END';
        """);
  }

  @Test
  void restrictedDeletesAndLookAlikesAreNotFound() {
    tester.expect(
        """
        DELETE FROM t WHERE id = 1;
        DELETE FROM t x WHERE x.id = 1;
        WITH d AS (DELETE FROM t WHERE id = 1 RETURNING *) SELECT * FROM d;
        MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;
        SELECT 'DELETE FROM t';
        -- DELETE FROM t;
        /* DELETE FROM t; */
        INSERT INTO deleted_rows SELECT * FROM t;
        CREATE TABLE delete_log (id int);
        CREATE TRIGGER tr AFTER DELETE ON t FOR EACH ROW EXECUTE FUNCTION f();
        CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING;
        ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) ON DELETE CASCADE;
        GRANT DELETE ON t TO bob;
        DELETE FROM "DELETE FROM t" WHERE "where" = 1;
        """);
  }

  @Test
  void mysqlAndSqliteBodies() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            DELIMITER //
            CREATE PROCEDURE cleanup(IN days INT)
            BEGIN
              lbl: LOOP
                # FINDING: deletes every row of `q`: there is no WHERE (inside procedure `cleanup`)
                DELETE FROM q;
                LEAVE lbl;
              END LOOP lbl;
            END //
            DELIMITER ;
            # FINDING: (inside trigger `trg`)
            CREATE TRIGGER trg AFTER DELETE ON a FOR EACH ROW DELETE FROM b;
            # FINDING: (inside event `ev`)
            CREATE EVENT ev ON SCHEDULE EVERY 1 DAY DO DELETE FROM logs;
            """);
    RuleTester.forRule("delete-without-where")
        .dialect(Dialect.SQLITE)
        .expect(
            """
            CREATE TRIGGER IF NOT EXISTS tr AFTER INSERT ON a FOR EACH ROW WHEN new.x = 1
            BEGIN
              -- FINDING: deletes every row of `b`: there is no WHERE (inside trigger `tr`)
              DELETE FROM b;
            END;
            """);
  }
}
