package dev.airlock.db.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.source.SourceText;
import dev.airlock.db.TestDatabase;
import dev.airlock.db.verify.StatementResult.Lock;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each statement reports only the relation locks it newly took: the set difference, by relation
 * and mode, between the locks its backend holds after it and before it. A lock taken earlier in
 * the transaction is held to its end and not listed again, even after the relation is renamed or
 * dropped; and the rows Airlock counts before a statement do not hide that statement's own locks.
 */
class LocksTest {
  static final String SCHEMA =
      """
      CREATE TABLE accounts (id bigint PRIMARY KEY, note text);
      CREATE TABLE audit (id bigint PRIMARY KEY, what text);
      INSERT INTO accounts SELECT g, 'n' || g FROM generate_series(1, 20) g;
      INSERT INTO audit SELECT g, 'w' || g FROM generate_series(1, 20) g;
      """;

  static final String MIGRATION =
      """
      ALTER TABLE accounts ADD COLUMN flag boolean;
      ALTER TABLE accounts ADD COLUMN flag2 boolean;
      UPDATE accounts SET note = 'x' WHERE id < 5;
      ALTER TABLE accounts RENAME TO accounts_old;
      DELETE FROM audit WHERE id IN (SELECT id FROM audit WHERE id > 15);
      DROP TABLE accounts_old;
      DROP TABLE audit;
      """;

  static VerifyReport report;
  static VerifyReport withPlan;

  @BeforeAll
  static void setUp() throws Exception {
    String url = TestDatabase.newDatabase();
    TestDatabase.exec(url, SCHEMA);
    try (Connection c = TestDatabase.connect(url)) {
      report = Verifier.verify(c, VerifyRequest.of(List.of(new SourceText("m.sql", MIGRATION))), url, Optional.empty());
      withPlan = Verifier.verify(c, VerifyRequest.of(List.of(new SourceText("m.sql", MIGRATION))).withRollbackPlan(true), url, Optional.empty());
    }
    assertThat(report.statements()).allSatisfy(s -> assertThat(s.status()).isEqualTo(StatementResult.Status.OK));
  }

  private static List<Lock> locks(int statement) {
    return report.statements().get(statement - 1).locks();
  }

  @Test
  void theFirstStatementToLockATableListsIt() {
    assertThat(locks(1)).containsExactly(new Lock("public.accounts", "ACCESS EXCLUSIVE"));
  }

  @Test
  void aLockHeldSinceAnEarlierStatementIsNotListedAgain() {
    assertThat(locks(2)).isEmpty();
  }

  @Test
  void aNewModeOnAnAlreadyLockedTableIsListed() {
    assertThat(locks(3)).containsExactly(new Lock("public.accounts", "ROW EXCLUSIVE"));
  }

  @Test
  void renamingATableDoesNotMakeItsHeldLocksNew() {
    assertThat(locks(4)).isEmpty();
  }

  @Test
  void theRowsAirlockCountsFirstDoNotHideTheStatementsOwnLocks() {
    // Airlock counts the rows this DELETE destroys with a SELECT (ACCESS SHARE) just before it
    assertThat(locks(5)).containsExactly(new Lock("public.audit", "ACCESS SHARE"), new Lock("public.audit", "ROW EXCLUSIVE"));
  }

  @Test
  void theRowsCountedForTheRollbackPlanHideNoLocks() {
    // the plan's test counts every table's rows first (ACCESS SHARE on each); those locks are released
    assertThat(withPlan.statements()).extracting(StatementResult::locks)
        .containsExactlyElementsOf(report.statements().stream().map(StatementResult::locks).toList());
    assertThat(withPlan.plan().orElseThrow().tested()).isTrue();
  }

  @Test
  void droppingATableDoesNotMakeItsHeldLocksNew() {
    assertThat(locks(6)).isEmpty();
    assertThat(locks(7)).containsExactly(new Lock("public.audit (dropped)", "ACCESS EXCLUSIVE"));
  }
}
