package dev.airlock.db.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every object of a database's own schemas at one moment, keyed by kind and name. */
public record Snapshot(Map<String, CatalogObject> objects) {
  public Snapshot {
    objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
  }

  public static Snapshot of(List<CatalogObject> list) {
    Map<String, CatalogObject> m = new LinkedHashMap<>();
    for (CatalogObject o : list) {
      m.put(o.key(), o);
    }
    return new Snapshot(m);
  }

  public Optional<CatalogObject> get(String kind, String name) {
    return Optional.ofNullable(objects.get(kind + " " + name));
  }

  public List<CatalogObject> ofKind(String kind) {
    return objects.values().stream().filter(o -> o.kind().equals(kind)).toList();
  }

  /** The columns of a table, in attnum order. */
  public List<CatalogObject> columnsOf(String table) {
    return objects.values().stream()
        .filter(o -> o.kind().equals("column") && o.table().equals(table))
        .sorted(java.util.Comparator.comparingInt(CatalogObject::sub))
        .toList();
  }

  /** Objects that belong to a table (constraints, indexes, triggers, policies). */
  public List<CatalogObject> partsOf(String table, String kind) {
    return objects.values().stream()
        .filter(o -> o.kind().equals(kind) && o.table().equals(table))
        .toList();
  }
}
