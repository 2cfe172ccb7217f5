package dev.airlock.core.sql;

import dev.airlock.core.operation.ObjectKind;
import java.util.List;
import java.util.Locale;

/** The words that name an object kind after DROP, ALTER or RENAME, longest first. */
final class ObjectKinds {
  private record Entry(List<String> words, ObjectKind kind) {}

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry(List.of("FOREIGN", "DATA", "WRAPPER"), ObjectKind.OTHER),
          new Entry(List.of("TEXT", "SEARCH", "CONFIGURATION"), ObjectKind.OTHER),
          new Entry(List.of("TEXT", "SEARCH", "DICTIONARY"), ObjectKind.OTHER),
          new Entry(List.of("TEXT", "SEARCH", "PARSER"), ObjectKind.OTHER),
          new Entry(List.of("TEXT", "SEARCH", "TEMPLATE"), ObjectKind.OTHER),
          new Entry(List.of("MATERIALIZED", "VIEW"), ObjectKind.MATERIALIZED_VIEW),
          new Entry(List.of("FOREIGN", "TABLE"), ObjectKind.FOREIGN_TABLE),
          new Entry(List.of("EVENT", "TRIGGER"), ObjectKind.EVENT_TRIGGER),
          new Entry(List.of("ACCESS", "METHOD"), ObjectKind.OTHER),
          new Entry(List.of("USER", "MAPPING"), ObjectKind.OTHER),
          new Entry(List.of("OPERATOR", "CLASS"), ObjectKind.OTHER),
          new Entry(List.of("OPERATOR", "FAMILY"), ObjectKind.OTHER),
          new Entry(List.of("OWNED", "BY"), ObjectKind.OWNED_OBJECTS),
          new Entry(List.of("PROCEDURAL", "LANGUAGE"), ObjectKind.OTHER),
          new Entry(List.of("TEMPORARY", "TABLE"), ObjectKind.TABLE),
          new Entry(List.of("TABLE"), ObjectKind.TABLE),
          new Entry(List.of("TABLES"), ObjectKind.TABLE),
          new Entry(List.of("VIEW"), ObjectKind.VIEW),
          new Entry(List.of("INDEX"), ObjectKind.INDEX),
          new Entry(List.of("SCHEMA"), ObjectKind.SCHEMA),
          new Entry(List.of("DATABASE"), ObjectKind.DATABASE),
          new Entry(List.of("FUNCTION"), ObjectKind.FUNCTION),
          new Entry(List.of("PROCEDURE"), ObjectKind.PROCEDURE),
          new Entry(List.of("ROUTINE"), ObjectKind.FUNCTION),
          new Entry(List.of("AGGREGATE"), ObjectKind.AGGREGATE),
          new Entry(List.of("TRIGGER"), ObjectKind.TRIGGER),
          new Entry(List.of("RULE"), ObjectKind.RULE),
          new Entry(List.of("TYPE"), ObjectKind.TYPE),
          new Entry(List.of("DOMAIN"), ObjectKind.DOMAIN),
          new Entry(List.of("SEQUENCE"), ObjectKind.SEQUENCE),
          new Entry(List.of("EXTENSION"), ObjectKind.EXTENSION),
          new Entry(List.of("ROLE"), ObjectKind.ROLE),
          new Entry(List.of("USER"), ObjectKind.ROLE),
          new Entry(List.of("GROUP"), ObjectKind.ROLE),
          new Entry(List.of("POLICY"), ObjectKind.POLICY),
          new Entry(List.of("TABLESPACE"), ObjectKind.TABLESPACE),
          new Entry(List.of("SERVER"), ObjectKind.SERVER),
          new Entry(List.of("PUBLICATION"), ObjectKind.PUBLICATION),
          new Entry(List.of("SUBSCRIPTION"), ObjectKind.SUBSCRIPTION),
          new Entry(List.of("EVENT"), ObjectKind.EVENT),
          new Entry(List.of("COLLATION"), ObjectKind.OTHER),
          new Entry(List.of("CONVERSION"), ObjectKind.OTHER),
          new Entry(List.of("OPERATOR"), ObjectKind.OTHER),
          new Entry(List.of("CAST"), ObjectKind.OTHER),
          new Entry(List.of("LANGUAGE"), ObjectKind.OTHER),
          new Entry(List.of("STATISTICS"), ObjectKind.OTHER),
          new Entry(List.of("TRANSFORM"), ObjectKind.OTHER),
          new Entry(List.of("SYNONYM"), ObjectKind.OTHER),
          new Entry(List.of("KEYSPACE"), ObjectKind.SCHEMA),
          new Entry(List.of("STREAM"), ObjectKind.OTHER));

  /** A kind and the words that named it, in lower case. */
  record Found(ObjectKind kind, String words) {}

  /** The kind at the cursor, consumed; or null. */
  static Found read(Cursor c) {
    for (Entry e : ENTRIES) {
      if (c.accept(e.words.toArray(String[]::new))) {
        String name = String.join(" ", e.words).toLowerCase(Locale.ROOT);
        if (name.equals("tables")) {
          name = "table";
        }
        return new Found(e.kind, name);
      }
    }
    return null;
  }

  private ObjectKinds() {}
}
