package dev.airlock.db.verify;

import dev.airlock.core.source.SourceText;
import java.time.Duration;
import java.util.List;

/**
 * What to verify and how.
 *
 * @param migration the files whose statements are verified, in order
 * @param schema files loaded first (a base schema, or the earlier migrations), inside the same
 *     transaction
 * @param seed data files loaded after the schema
 * @param syntheticRows rows to generate per table after the seed (0 for none)
 * @param lockTimeout lock_timeout for the migration's statements
 * @param statementTimeout statement_timeout for the migration's statements
 * @param rollbackPlan whether to write and test a rollback plan
 * @param commitPreparation commit the schema and seed before the migration's transaction: only
 *     for a throw-away database, where it makes the measured locks the migration's own
 */
public record VerifyRequest(
    List<SourceText> migration,
    List<SourceText> schema,
    List<SourceText> seed,
    int syntheticRows,
    Duration lockTimeout,
    Duration statementTimeout,
    boolean rollbackPlan,
    boolean commitPreparation) {
  public VerifyRequest {
    migration = List.copyOf(migration);
    schema = List.copyOf(schema);
    seed = List.copyOf(seed);
  }

  public static VerifyRequest of(List<SourceText> migration) {
    return new VerifyRequest(migration, List.of(), List.of(), 0, Duration.ofSeconds(5), Duration.ofMinutes(5), false, false);
  }

  public VerifyRequest withSchema(List<SourceText> s) {
    return new VerifyRequest(migration, s, seed, syntheticRows, lockTimeout, statementTimeout, rollbackPlan, commitPreparation);
  }

  public VerifyRequest withSeed(List<SourceText> s) {
    return new VerifyRequest(migration, schema, s, syntheticRows, lockTimeout, statementTimeout, rollbackPlan, commitPreparation);
  }

  public VerifyRequest withRows(int n) {
    return new VerifyRequest(migration, schema, seed, n, lockTimeout, statementTimeout, rollbackPlan, commitPreparation);
  }

  public VerifyRequest withRollbackPlan(boolean b) {
    return new VerifyRequest(migration, schema, seed, syntheticRows, lockTimeout, statementTimeout, b, commitPreparation);
  }

  public VerifyRequest withCommittedPreparation(boolean b) {
    return new VerifyRequest(migration, schema, seed, syntheticRows, lockTimeout, statementTimeout, rollbackPlan, b);
  }

  public VerifyRequest withTimeouts(Duration lock, Duration statement) {
    return new VerifyRequest(migration, schema, seed, syntheticRows, lock, statement, rollbackPlan, commitPreparation);
  }
}
