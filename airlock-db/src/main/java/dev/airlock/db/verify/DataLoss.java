package dev.airlock.db.verify;

import java.util.List;

/**
 * Data a statement destroys or overwrites, counted inside the transaction just before it ran.
 *
 * @param statement the statement's index
 * @param action what destroys it: {@code DROP COLUMN}, {@code DROP TABLE}, {@code TRUNCATE},
 *     {@code DELETE}, {@code UPDATE}, {@code ALTER COLUMN TYPE}
 * @param table the qualified table
 * @param columns the columns whose values go (all of them for a whole row)
 * @param rows rows affected
 * @param values non-null values destroyed or overwritten
 * @param changed for a type change, values that do not survive the round trip to the new type
 *     and back (-1 when not measured)
 * @param keyColumns the primary key, used to back the values up and put them back
 */
public record DataLoss(
    int statement,
    String action,
    String table,
    List<String> columns,
    long rows,
    long values,
    long changed,
    List<String> keyColumns,
    String where) {
  public DataLoss {
    columns = List.copyOf(columns);
    keyColumns = List.copyOf(keyColumns);
  }

  public String describe() {
    String what =
        switch (action) {
          case "DROP COLUMN" -> "drops column " + table + "." + columns.get(0);
          case "DROP TABLE" -> "drops table " + table;
          case "TRUNCATE" -> "truncates " + table;
          case "DELETE" -> "deletes from " + table;
          case "UPDATE" -> "overwrites " + String.join(", ", columns) + " of " + table;
          case "ALTER COLUMN TYPE" -> "rewrites column " + table + "." + columns.get(0) + " to a new type";
          default -> action + " " + table;
        };
    String counts = String.format(java.util.Locale.ROOT, "%,d rows, %,d non-null values", rows, values);
    if (changed > 0) {
      counts += String.format(java.util.Locale.ROOT, ", %,d of them change value", changed);
    }
    return what + ": " + counts;
  }
}
