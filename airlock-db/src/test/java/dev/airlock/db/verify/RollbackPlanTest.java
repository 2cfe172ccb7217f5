package dev.airlock.db.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.source.SourceText;
import dev.airlock.db.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rollback plan backs up only values the migration really destroys, and its test reports a
 * restore step that fails instead of passing over it.
 */
class RollbackPlanTest {
  static final String SCHEMA =
      """
      CREATE TABLE t (id bigint PRIMARY KEY, a integer, b numeric(10,2));
      INSERT INTO t SELECT g, g, g + 0.25 FROM generate_series(1, 50) g;
      """;

  private static RollbackPlan plan(String migration) throws Exception {
    String url = TestDatabase.newDatabase();
    TestDatabase.exec(url, SCHEMA);
    try (Connection c = TestDatabase.connect(url)) {
      VerifyReport r = Verifier.verify(c, VerifyRequest.of(List.of(new SourceText("m.sql", migration))).withRollbackPlan(true), url, Optional.empty());
      return r.plan().orElseThrow();
    }
  }

  @Test
  void aTypeChangeEveryValueSurvivesNeedsNoBackup() throws Exception {
    RollbackPlan p = plan("ALTER TABLE t ALTER COLUMN a TYPE bigint;\nALTER TABLE t ALTER COLUMN b TYPE integer;");
    // a: every value survives integer -> bigint -> integer; b: every value loses its .25
    assertThat(p.backup()).containsExactly("CREATE TABLE airlock_backup.t_b AS SELECT id, b FROM public.t");
    assertThat(p.restore())
        .contains("ALTER TABLE public.t ALTER COLUMN a TYPE integer USING a::integer", "UPDATE public.t AS t SET b = b.b FROM airlock_backup.t_b AS b WHERE t.id = b.id");
    assertThat(p.residue()).isEmpty();
    assertThat(p.restoresCatalog()).isTrue();
    assertThat(p.restoresRows()).isTrue();
  }

  @Test
  void aRestoreStepThatFailsIsReported() throws Exception {
    // the cast back to integer fails on '1x'
    RollbackPlan p = plan("ALTER TABLE t ALTER COLUMN a TYPE text USING a::text || 'x';");
    assertThat(p.residue()).singleElement().asString()
        .startsWith("restore step fails: ALTER TABLE public.t ALTER COLUMN a TYPE integer USING a::integer — ERROR: invalid input syntax for type integer");
    assertThat(p.restoresCatalog()).isFalse();
  }
}
