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
 * @param target the table or column the statement dropped, renamed or retyped, qualified as the
 *     catalog names it: {@code public.orders.legacy_order_id}
 * @param how how it breaks: {@code dropped by CASCADE}, {@code body uses public.orders.legacy_order_id}
 * @param blocking true when the statement failed because of it (no CASCADE): the migration stops
 */
public record BrokenDependent(
    int statement, String kind, String name, String cause, String target, String how, boolean blocking) {
  /**
   * Critical when a function, procedure, view, trigger, policy or generated column breaks (it
   * fails when used); high for a key or constraint that is lost, and for a dependent that makes the
   * statement fail (the migration stops); medium otherwise (an index dropped with a column).
   */
  public Finding.Severity severity() {
    if (blocking) {
      return Finding.Severity.HIGH;
    }
    return switch (kind) {
      case "function", "procedure", "view", "materialized view", "trigger", "policy", "generated column" -> Finding.Severity.CRITICAL;
      case "foreign key", "check constraint", "unique constraint", "primary key" -> Finding.Severity.HIGH;
      default -> Finding.Severity.MEDIUM;
    };
  }

  public String describe() {
    return kind + " " + name + " " + how + " (statement " + statement + " " + cause + ")";
  }
}
