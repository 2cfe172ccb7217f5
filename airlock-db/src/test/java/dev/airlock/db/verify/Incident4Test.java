package dev.airlock.db.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.db.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Incident 4: a generated "restructure the orders table" migration ran {@code ALTER TABLE orders
 * DROP COLUMN legacy_order_id}. A stored procedure in another service still used the column;
 * PostgreSQL let the drop through (pg_depend does not track PL/pgSQL bodies) and checkout was
 * broken for four hours. Verify must report the dropped column, the values it destroys and the
 * routines it breaks, as critical findings, while the comment and string mentions stay silent.
 */
class Incident4Test {
  private static final Path DIR = Path.of("../examples/incidents/orders");

  @Test
  void theDropBreaksTheCheckoutRoutines() throws Exception {
    Inputs.Resolved in = Inputs.resolve(List.of(DIR), Optional.empty(), Optional.empty());
    assertThat(in.migration()).hasSize(1);
    assertThat(in.schema()).hasSize(2);
    assertThat(in.seed()).hasSize(1);
    String url = TestDatabase.newDatabase();
    VerifyReport r;
    try (Connection c = TestDatabase.connect(url)) {
      r = Verifier.verify(c, VerifyRequest.of(in.migration()).withSchema(in.schema()).withSeed(in.seed()).withRollbackPlan(true).withCommittedPreparation(true), url, Optional.empty());
    }

    assertThat(r.statements()).singleElement().satisfies(s -> {
      assertThat(s.status()).isEqualTo(StatementResult.Status.OK);
      assertThat(s.locks()).contains(new StatementResult.Lock("public.orders", "ACCESS EXCLUSIVE"));
    });
    assertThat(r.diff().changes()).extracting(c -> c.describe())
        .contains("removed column public.orders.legacy_order_id (bigint)", "removed index public.orders_legacy_order_id_idx");
    assertThat(r.dataLoss()).singleElement().satisfies(l -> {
      assertThat(l.rows()).isEqualTo(1000);
      assertThat(l.values()).isEqualTo(800);
    });
    assertThat(r.broken()).extracting(BrokenDependent::name)
        .containsExactlyInAnyOrder("checkout.find_order_by_legacy_id(p_legacy_id bigint)", "checkout.reconcile_payment(IN p_legacy_id bigint, IN p_amount_cents bigint)", "public.orders_legacy_order_id_idx");
    assertThat(r.findings().get(0).severity()).isEqualTo(Finding.Severity.CRITICAL);
    assertThat(r.findings().get(0).message()).contains("legacy_order_id");
    RollbackPlan plan = r.plan().orElseThrow();

    assertThat(plan.backup()).contains("CREATE TABLE airlock_backup.orders_legacy_order_id AS SELECT id, legacy_order_id FROM public.orders");
    assertThat(plan.residue()).isEmpty();
    assertThat(plan.restoresCatalog()).isTrue();
    assertThat(plan.restoresRows()).isTrue();
  }
}
