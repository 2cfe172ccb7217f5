package dev.airlock.core.rules;

import dev.airlock.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class DynamicSqlTest {
  private final RuleTester tester = RuleTester.forRule("dynamic-sql");

  @Test
  void executeOfComputedStringsIsFound() {
    tester.expect(
        """
        CREATE FUNCTION f(t text) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          -- FINDING: EXECUTE of a computed string: `format('DROP TABLE %I', t)`; what it does cannot be checked (inside function `f`)
          EXECUTE format('DROP TABLE %I', t);
          -- FINDING: EXECUTE of a computed string: `'SELECT count(*) FROM ' || quote_ident(t)`
          EXECUTE 'SELECT count(*) FROM ' || quote_ident(t) INTO n;
          -- FINDING: EXECUTE of a computed string: `stmt`
          EXECUTE stmt USING 1;
        END $$;
        DO $$ DECLARE r record; BEGIN
          FOR r IN SELECT tablename FROM pg_tables LOOP
            -- FINDING: `'DROP TABLE ' || r.tablename`; what it does cannot be checked (inside DO block)
            EXECUTE 'DROP TABLE ' || r.tablename;
          END LOOP;
        END $$;
        """);
  }

  @Test
  void codeInOtherLanguagesIsFound() {
    tester.expect(
        """
        -- FINDING: DO block in language plpython3u: Airlock cannot see what it does
        DO LANGUAGE plpython3u $$ import os $$;
        -- FINDING: function `f` in language plpython3u: Airlock cannot see what it does
        CREATE FUNCTION f() RETURNS void LANGUAGE plpython3u AS $$ plpy.execute("DROP TABLE t") $$;
        -- FINDING: procedure `p` in language plperl
        CREATE PROCEDURE p() AS $$ spi_exec_query('TRUNCATE t'); $$ LANGUAGE plperl;
        CREATE FUNCTION c_fn() RETURNS int LANGUAGE c AS 'MODULE_PATHNAME', 'c_fn';
        CREATE FUNCTION i_fn() RETURNS int LANGUAGE internal AS 'int4inc';
        """);
  }

  @Test
  void preparedComputedStringsAreFound() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: PREPARE from a computed string: `@sql`
            PREPARE s FROM @sql;
            PREPARE s FROM 'SELECT 1';
            EXECUTE s;
            DEALLOCATE PREPARE s;
            DELIMITER //
            CREATE PROCEDURE p()
            BEGIN
              SET @s = CONCAT('DROP TABLE ', 'x');
              # FINDING: PREPARE from a computed string: `@s`; what it does cannot be checked (inside procedure `p`)
              PREPARE stmt FROM @s;
              EXECUTE stmt;
            END //
            DELIMITER ;
            """);
  }

  @Test
  void literalSqlIsNotDynamic() {
    tester.expect(
        """
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          EXECUTE 'SELECT 1' INTO x;
          EXECUTE $q$SELECT 2$q$;
          EXECUTE 'SELECT $1' USING 5;
          PERFORM 1;
        END $$;
        CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
        CREATE TRIGGER tr2 BEFORE INSERT ON t FOR EACH ROW EXECUTE PROCEDURE f();
        PREPARE p AS SELECT 1;
        EXECUTE p(1);
        DO $$ BEGIN PERFORM 1; END $$;
        SELECT 'EXECUTE x';
        CREATE FUNCTION s() RETURNS int LANGUAGE sql AS 'SELECT 1';
        """);
  }
}
