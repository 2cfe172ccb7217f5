package dev.airlock.db.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.source.SourceText;
import dev.airlock.db.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A run of column drops and type changes on one table is counted with one scan, taken before the
 * first of them; a statement that may change the table's data (here an UPDATE) ends the run, and
 * so does an event trigger in the database. The counts are the ones each statement would get
 * from a scan of its own just before it runs.
 */
class ColumnScansTest {
  static final String SCHEMA =
      """
      CREATE TABLE t (id bigint PRIMARY KEY, a numeric(10,2), b text, c text, d text);
      INSERT INTO t SELECT g, g + 0.25, CASE WHEN g % 10 = 0 THEN NULL ELSE 'b' END, CASE WHEN g % 2 = 0 THEN 'c' END, 'd'
        FROM generate_series(1, 100) g;
      """;

  static final String MIGRATION =
      """
      ALTER TABLE t ALTER COLUMN a TYPE integer;
      ALTER TABLE t DROP COLUMN b;
      ALTER TABLE t DROP COLUMN c;
      UPDATE t SET d = NULL WHERE id <= 30;
      ALTER TABLE t DROP COLUMN d;
      """;

  private static VerifyReport verify(String url, String migration) throws Exception {
    try (Connection c = TestDatabase.connect(url)) {
      return Verifier.verify(c, VerifyRequest.of(List.of(new SourceText("m.sql", migration))), url, Optional.empty());
    }
  }

  @Test
  void eachStatementOfARunGetsTheCountsOfItsOwnMoment() throws Exception {
    String url = TestDatabase.newDatabase();
    TestDatabase.exec(url, SCHEMA);
    assertThat(verify(url, MIGRATION).dataLoss()).extracting(DataLoss::describe)
        .containsExactly(
            "rewrites column public.t.a to a new type: 100 rows, 100 non-null values, 100 of them change value",
            "drops column public.t.b: 100 rows, 90 non-null values",
            "drops column public.t.c: 100 rows, 50 non-null values",
            "overwrites d of public.t: 30 rows, 30 non-null values",
            "drops column public.t.d: 100 rows, 70 non-null values");
  }

  @Test
  void oneScanServesTheRunAndADataChangeEndsIt() throws Exception {
    String url = TestDatabase.newDatabase();
    TestDatabase.exec(url, SCHEMA);
    try (Connection c = TestDatabase.connect(url)) {
      c.setAutoCommit(false);
      Db db = new Db(c);
      List<Sql.Piece> pieces = Sql.split(new SourceText("m.sql", MIGRATION));
      List<List<Operation>> ops = pieces.stream().map(Targets::operations).toList();
      ColumnScans scans = new ColumnScans(pieces, ops);

      assertThat(scans.of(db, 1, target(db, ops, 1))).isEqualTo(new ColumnScans.Counts(100, 100, 100));
      // the scan for statement 1 also counted statements 2 and 3: a change now is not seen
      db.exec("UPDATE t SET c = NULL, d = NULL WHERE id <= 30");
      assertThat(scans.of(db, 3, target(db, ops, 3))).isEqualTo(new ColumnScans.Counts(100, 50, -1));
      // statement 4 is an UPDATE, so statement 5 is scanned on its own, now
      assertThat(scans.of(db, 5, target(db, ops, 5))).isEqualTo(new ColumnScans.Counts(100, 70, -1));
      c.rollback();
    }
  }

  @Test
  void aCastThatFailsLeavesTheRunCountedWithoutIt() throws Exception {
    String url = TestDatabase.newDatabase();
    TestDatabase.exec(url, SCHEMA);
    try (Connection c = TestDatabase.connect(url)) {
      c.setAutoCommit(false);
      Db db = new Db(c);
      List<Sql.Piece> pieces = Sql.split(new SourceText("m.sql", "ALTER TABLE t ALTER COLUMN b TYPE integer;\nALTER TABLE t DROP COLUMN c;"));
      List<List<Operation>> ops = pieces.stream().map(Targets::operations).toList();
      ColumnScans scans = new ColumnScans(pieces, ops);

      assertThat(scans.of(db, 1, target(db, ops, 1))).isEqualTo(new ColumnScans.Counts(100, 90, -1));
      db.exec("UPDATE t SET c = NULL");
      assertThat(scans.of(db, 2, target(db, ops, 2))).isEqualTo(new ColumnScans.Counts(100, 50, -1));
      c.rollback();
    }
  }

  @Test
  void anEventTriggerThatChangesDataEndsEveryRun() throws Exception {
    String url = TestDatabase.newDatabase();
    TestDatabase.exec(url, SCHEMA);
    TestDatabase.exec(
        url,
        """
        CREATE FUNCTION wipe() RETURNS event_trigger LANGUAGE plpgsql AS $$
          BEGIN IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'c' AND NOT attisdropped) THEN
            UPDATE t SET c = NULL WHERE id <= 10; END IF; END $$;
        CREATE EVENT TRIGGER wipe ON ddl_command_end WHEN TAG IN ('ALTER TABLE') EXECUTE FUNCTION wipe();
        """);
    assertThat(verify(url, "ALTER TABLE t DROP COLUMN b;\nALTER TABLE t DROP COLUMN c;").dataLoss()).extracting(DataLoss::describe)
        .containsExactly("drops column public.t.b: 100 rows, 90 non-null values", "drops column public.t.c: 100 rows, 45 non-null values");
  }

  private static Targets.Target target(Db db, List<List<Operation>> ops, int statement) throws Exception {
    return Targets.resolve(db, ops.get(statement - 1)).get(0);
  }
}
