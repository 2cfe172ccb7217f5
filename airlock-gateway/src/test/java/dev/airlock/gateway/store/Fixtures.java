package dev.airlock.gateway.store;

import java.util.Optional;

/** Shared test data: a preview shaped like the engine's, and audit events. */
final class Fixtures {
  private Fixtures() {}

  /** What the gateway's preview of the seed incident's DELETE looks like. */
  static final String PREVIEW =
      """
      {"rowsPerTable":{"public.customers":3},"totalRows":3,\
      "samples":[{"table":"public.customers","columns":["id","email","name"],\
      "rows":[[17,"dana.testa@example.com","Dana Testa"],[901,"test1@example.com","Test One"],[902,"test2@example.com","Test Two"]]}],\
      "rules":[{"id":"pattern-delete","severity":"high","message":"deletes the rows of `customers` that match `email LIKE '%test%'`; real rows match patterns too"}],\
      "locks":["RowExclusiveLock on public.customers"]}""";

  static AuditEvent event(String identity, String tool, String decision) {
    return new AuditEvent(
        identity, tool, Optional.of("SELECT 1"), decision, Optional.empty(), Optional.of(1L), Optional.empty(), Optional.empty(), 3,
        decision + " by the default policy");
  }
}
