package dev.airlock.db.report;

import dev.airlock.core.source.SourceText;
import dev.airlock.db.TestDatabase;
import dev.airlock.db.verify.Inputs;
import dev.airlock.db.verify.StatementResult;
import dev.airlock.db.verify.Verifier;
import dev.airlock.db.verify.VerifyReport;
import dev.airlock.db.verify.VerifyRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/** Real verify reports for the report tests, run on the shared embedded server. */
final class Reports {
  private Reports() {}

  static final Path ORDERS = Path.of("../examples/incidents/orders");

  /** The seed incident: V3 drops orders.legacy_order_id, which two checkout routines still read. */
  static VerifyReport orders() throws Exception {
    Inputs.Resolved in = Inputs.resolve(List.of(ORDERS), Optional.empty(), Optional.empty());
    String url = TestDatabase.newDatabase();
    try (Connection c = TestDatabase.connect(url)) {
      return Verifier.verify(
          c,
          VerifyRequest.of(in.migration()).withSchema(in.schema()).withSeed(in.seed()).withRollbackPlan(true).withCommittedPreparation(true),
          "embedded PostgreSQL (test)",
          Optional.empty());
    }
  }

  /** Verifies {@code migration} on a new database holding {@code schema} (committed first). */
  static VerifyReport verify(String schema, String migration) throws Exception {
    String url = TestDatabase.newDatabase();
    TestDatabase.exec(url, schema);
    try (Connection c = TestDatabase.connect(url)) {
      return Verifier.verify(c, VerifyRequest.of(List.of(new SourceText("m.sql", migration))).withRollbackPlan(true), "embedded PostgreSQL (test)", Optional.empty());
    }
  }

  /** The same report with every duration fixed, so that its rendering can be a golden file. */
  static VerifyReport stable(VerifyReport r) {
    List<StatementResult> statements =
        r.statements().stream()
            .map(s -> new StatementResult(s.index(), s.file(), s.line(), s.column(), s.sql(), s.status(), s.error(), 1_250L * s.index(), s.rows(), s.locks(), s.note()))
            .toList();
    List<String> prepared = r.prepared().stream().map(p -> p.replaceAll(" in \\d+ ms$", " in 10 ms")).toList();
    return new VerifyReport(
        r.database(), r.environment(), r.files(), prepared, statements, r.before(), r.diff(), r.dataLoss(), r.broken(), r.findings(), r.plan(), 98_765L);
  }
}
