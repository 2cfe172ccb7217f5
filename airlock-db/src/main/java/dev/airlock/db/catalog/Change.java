package dev.airlock.db.catalog;

import java.util.Optional;

/**
 * One difference between two snapshots.
 *
 * @param type added, removed, changed or renamed
 * @param before the object before (empty when added)
 * @param after the object after (empty when removed)
 */
public record Change(Type type, Optional<CatalogObject> before, Optional<CatalogObject> after) {
  public enum Type {
    ADDED,
    REMOVED,
    CHANGED,
    RENAMED
  }

  public String kind() {
    return before.or(() -> after).orElseThrow().kind();
  }

  /** The name before, or after when it was added. */
  public String name() {
    return before.or(() -> after).orElseThrow().name();
  }

  /** One line: {@code removed column public.orders.legacy_order_id (bigint)}. */
  public String describe() {
    return switch (type) {
      case ADDED -> "added " + kind() + " " + after.get().name() + brief(after.get());
      case REMOVED -> "removed " + kind() + " " + before.get().name() + brief(before.get());
      case RENAMED -> "renamed " + kind() + " " + before.get().name() + " to " + after.get().name();
      case CHANGED ->
          "changed "
              + kind()
              + " "
              + before.get().name()
              + (shortDef(before.get()) && shortDef(after.get())
                  ? ": " + before.get().definition() + " -> " + after.get().definition()
                  : "");
    };
  }

  private static boolean shortDef(CatalogObject o) {
    return o.definition().length() <= 80 && !o.definition().contains("\n");
  }

  private static String brief(CatalogObject o) {
    return o.kind().equals("column") || o.kind().equals("sequence") ? " (" + o.definition() + ")" : "";
  }
}
