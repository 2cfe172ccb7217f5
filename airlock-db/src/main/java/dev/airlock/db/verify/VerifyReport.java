package dev.airlock.db.verify;

import dev.airlock.db.catalog.CatalogDiff;
import dev.airlock.db.catalog.Snapshot;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code airlock verify} measured. Nothing in it was committed: the transaction that
 * produced it was rolled back.
 *
 * @param database where it ran ({@code embedded PostgreSQL 17.6} or the URL without password)
 * @param environment the database's Airlock environment label, if any
 * @param files the migration files, in order
 * @param prepared what was loaded before the migration (schema, seed) and how long it took
 * @param statements one result per statement
 * @param before the catalog before the first statement (the HTML report draws changed tables from it)
 * @param diff the catalog difference from before the first statement to after the last
 * @param dataLoss data destroyed, per statement
 * @param broken dependents broken, per statement
 * @param findings the summary, most severe first
 * @param plan the rollback plan and its test, when one was asked for
 * @param totalMicros time from BEGIN to ROLLBACK
 */
public record VerifyReport(
    String database,
    Optional<String> environment,
    List<String> files,
    List<String> prepared,
    List<StatementResult> statements,
    Snapshot before,
    CatalogDiff diff,
    List<DataLoss> dataLoss,
    List<BrokenDependent> broken,
    List<Finding> findings,
    Optional<RollbackPlan> plan,
    long totalMicros) {
  public VerifyReport {
    files = List.copyOf(files);
    prepared = List.copyOf(prepared);
    statements = List.copyOf(statements);
    dataLoss = List.copyOf(dataLoss);
    broken = List.copyOf(broken);
    findings = List.copyOf(findings);
  }

  public long count(StatementResult.Status s) {
    return statements.stream().filter(r -> r.status() == s).count();
  }

  public boolean hasErrors() {
    return count(StatementResult.Status.ERROR) > 0;
  }

  /** Findings other than info. */
  public boolean hasFindings() {
    return findings.stream().anyMatch(f -> f.severity() != Finding.Severity.INFO);
  }
}
