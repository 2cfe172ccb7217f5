package dev.airlock.db.verify;

/**
 * An object that a statement breaks: dropped with it by CASCADE, or a function or procedure whose
 * body still names what the statement dropped or renamed (pg_depend does not track bodies).
 *
 * @param statement the index of the statement that breaks it
 * @param kind view, materialized view, foreign key, trigger, policy, generated column, function,
 *     procedure, ...
 * @param name its qualified name
 * @param cause what the statement did to it: {@code drops column public.orders.legacy_order_id}
 * @param how how it breaks: {@code dropped by CASCADE}, {@code body uses public.orders.legacy_order_id}
 * @param blocking true when the statement failed because of it (no CASCADE): the migration stops
 */
public record BrokenDependent(
    int statement, String kind, String name, String cause, String how, boolean blocking) {
  public String describe() {
    return kind + " " + name + " " + how + " (statement " + statement + " " + cause + ")";
  }
}
