package dev.airlock.db.verify;

import dev.airlock.db.verify.Finding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns measurements into the summary: one line per thing a reviewer must know. */
final class Findings {
  private Findings() {}

  static List<Finding> of(List<StatementResult> results, List<DataLoss> losses, List<BrokenDependent> broken, Optional<RollbackPlan> plan) {
    List<Finding> out = new ArrayList<>();
    for (BrokenDependent b : broken) {
      out.add(new Finding(b.severity(), b.statement(), b.kind() + " " + b.name() + " " + b.how() + " — statement " + b.statement() + " " + b.cause()));
    }
    for (StatementResult r : results) {
      if (r.status() == StatementResult.Status.ERROR) {
        out.add(new Finding(Severity.HIGH, r.index(), "statement " + r.index() + " (" + r.location() + ") fails: " + r.error().orElse("").lines().findFirst().orElse("")));
      } else if (r.status() == StatementResult.Status.NOT_DRY_RUNNABLE) {
        out.add(new Finding(Severity.MEDIUM, r.index(), "statement " + r.index() + " (" + r.location() + ") is not dry-runnable: " + r.note()));
      }
      for (StatementResult.Lock l : r.locks()) {
        if (l.mode().equals("ACCESS EXCLUSIVE") && r.micros() > 1_000_000) {
          out.add(new Finding(Severity.MEDIUM, r.index(), String.format(Locale.ROOT, "statement %d holds ACCESS EXCLUSIVE on %s for %.1f s: reads and writes of it wait that long", r.index(), l.relation(), r.micros() / 1e6)));
        }
      }
    }
    for (DataLoss l : losses) {
      boolean destroys = l.rows() != 0 || l.values() > 0;
      Severity s = destroys ? Severity.HIGH : Severity.INFO;
      if (l.action().equals("ALTER COLUMN TYPE")) {
        s = l.changed() > 0 ? Severity.HIGH : Severity.INFO;
      }
      String counts = l.rows() < 0 ? "rows not counted" : null;
      out.add(new Finding(s, l.statement(), "statement " + l.statement() + " " + (counts == null ? l.describe() : l.action() + " " + l.table() + ": " + counts)));
    }
    plan.ifPresent(
        p -> {
          if (p.tested() && (!p.restoresCatalog() || !p.restoresRows())) {
            out.add(new Finding(Severity.HIGH, 0, "the rollback plan does not restore the original" + (p.restoresCatalog() ? " row counts" : " catalog: " + String.join("; ", p.residue()))));
          }
        });
    out.sort(Comparator.comparing(Finding::severity).thenComparingInt(Finding::statement));
    return out;
  }
}
