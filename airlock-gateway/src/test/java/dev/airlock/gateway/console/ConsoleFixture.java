package dev.airlock.gateway.console;

import dev.airlock.gateway.store.ApprovalRequest;
import dev.airlock.gateway.store.AuditEvent;
import dev.airlock.gateway.store.NewRequest;
import dev.airlock.gateway.store.Store;
import java.util.List;
import java.util.Optional;

/** Requests and audit entries shaped like the gateway's, filed in a real store. */
final class ConsoleFixture {
  private ConsoleFixture() {}

  /** The seed incident: a pattern DELETE that would take a real customer with it (the engine's preview shape). */
  static final String CUSTOMERS_PREVIEW =
      """
      {"statement":"DELETE FROM customers\\nWHERE email LIKE $1","rolledBack":true,"totalRows":3,"statementRows":3,\
      "rowsPerTable":[{"table":"public.customers","rows":3,"inserted":0,"updated":0,"deleted":3}],\
      "samples":[{"table":"public.customers","what":"the rows the statement selects, before it ran",\
      "columns":["id","email","name","created_at"],\
      "rows":[[17,"dana.testa@example.com","Dana Testa","2023-09-14"],[901,"test1@example.com","Test One","2026-11-20"],\
      [902,"test2@example.com",null,"2026-11-20"]],"truncated":false}],\
      "rules":[{"id":"pattern-delete","severity":"high","message":"deletes the rows of `customers` that match `email LIKE '%test%'`; real rows match patterns too"}],\
      "locks":[{"relation":"public.customers","mode":"RowExclusiveLock"}],\
      "decision":{"decision":"ask","rule":"writes-need-approval","reason":"every write on production needs a human"}}""";

  static final String ORDERS_PREVIEW =
      """
      {"statement":"UPDATE orders SET status = 'cancelled' WHERE id = 5001","rolledBack":true,"totalRows":1,"statementRows":1,\
      "rowsPerTable":[{"table":"public.orders","rows":1,"inserted":0,"updated":1,"deleted":0}],\
      "samples":[{"table":"public.orders","what":"the rows the statement selects, before it ran","columns":["id","status","total_cents"],\
      "rows":[[5001,"open",1999]],"truncated":false}],\
      "rules":[{"id":"update-rows","severity":"low","message":"overwrites `status` of `orders` where `id = 5001`"}],\
      "locks":[{"relation":"public.orders","mode":"RowExclusiveLock"}],\
      "decision":{"decision":"ask","rule":"writes-need-approval","reason":"every write on production needs a human"}}""";

  static final String SESSIONS_PREVIEW =
      """
      {"statement":"DELETE FROM user_sessions WHERE 1 = 1","rolledBack":true,"totalRows":48213,"statementRows":48213,\
      "rowsPerTable":[{"table":"public.user_sessions","rows":48213,"inserted":0,"updated":0,"deleted":48213}],\
      "samples":[{"table":"public.user_sessions","what":"the rows the statement selects, before it ran",\
      "columns":["id","user_id","expires_at"],\
      "rows":[[1,17,"2026-12-01T09:00:00Z"],[2,18,"2026-12-01T09:05:00Z"],[3,901,null]],"truncated":true}],\
      "rules":[{"id":"tautological-where","severity":"critical","message":"deletes every row of `user_sessions`: `1 = 1` is always true"}],\
      "locks":[{"relation":"public.user_sessions","mode":"RowExclusiveLock"}],\
      "decision":{"decision":"ask","rule":"max-rows","reason":"48213 rows is more than the 100 cursor-agent may change without approval"}}""";

  /** A cleanup whose WHERE is always true: every session of every user. */
  static ApprovalRequest sessionsWipe(Store store) {
    ApprovalRequest r =
        store.create(
            new NewRequest(
                "cursor-agent", "production", "DELETE FROM user_sessions WHERE 1 = 1", List.of(), 48213, SESSIONS_PREVIEW,
                "expired sessions slow down login", List.of("tautological-where"), List.of("alice", "bob"), 2));
    store.append(ask(r));
    return r;
  }

  static ApprovalRequest customersDelete(Store store) {
    ApprovalRequest r =
        store.create(
            new NewRequest(
                "claude-agent", "production", "DELETE FROM customers\nWHERE email LIKE $1", List.of("%test%"), 3, CUSTOMERS_PREVIEW,
                "clean up test data before the product demo", List.of("pattern-delete"), List.of(), 1));
    store.append(ask(r));
    return r;
  }

  static ApprovalRequest ordersUpdate(Store store) {
    ApprovalRequest r =
        store.create(
            new NewRequest(
                "claude-agent", "production", "UPDATE orders SET status = 'cancelled' WHERE id = 5001", List.of(), 1, ORDERS_PREVIEW,
                "customer asked to cancel order 5001 <img src=x onerror=alert(1)>", List.of("update-rows"), List.of(), 1));
    store.append(ask(r));
    return r;
  }

  static AuditEvent ask(ApprovalRequest r) {
    return new AuditEvent(
        r.identity(), "execute", Optional.of(r.statement()), "ask", r.ruleIds().stream().findFirst(), Optional.of(r.maxRows()),
        Optional.empty(), Optional.of(r.id()), 41, "policy asks a human for writes on production");
  }

  static AuditEvent read(String identity) {
    return new AuditEvent(
        identity, "query", Optional.of("SELECT id, email FROM customers WHERE email LIKE '%test%'"), "allow", Optional.empty(),
        Optional.of(3L), Optional.empty(), Optional.empty(), 6, "read-only, 3 rows");
  }
}
