package dev.airlock.db.catalog;

/**
 * One object of a catalog snapshot.
 *
 * @param kind what it is: schema, table, column, index, constraint, view, materialized view,
 *     function, procedure, trigger, sequence, policy, type, extension, grant
 * @param name its qualified name, quoted where PostgreSQL needs quotes ({@code public.orders},
 *     {@code public.orders.legacy_order_id}, {@code public.orders.orders_pkey})
 * @param definition what it is, as PostgreSQL prints it (a column's type, default and NOT NULL;
 *     an index's CREATE INDEX; a function's CREATE FUNCTION)
 * @param table the qualified table it belongs to, or empty
 * @param oid the object's oid (a column's: its table's), which survives a rename
 * @param sub a column's attnum, else 0
 */
public record CatalogObject(
    String kind, String name, String definition, String table, long oid, int sub) {

  /** Identity within a snapshot: kind and name. */
  public String key() {
    return kind + " " + name;
  }

  /** The last part of the name, unquoted when it was quoted. */
  public String simpleName() {
    return Names.lastPart(name);
  }
}
