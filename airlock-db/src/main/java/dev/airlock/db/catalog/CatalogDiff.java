package dev.airlock.db.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The difference between two snapshots. A table or column whose name differs but whose oid (and
 * attnum) is the same is a rename, not a drop and an add.
 */
public record CatalogDiff(List<Change> changes) {
  public CatalogDiff {
    changes = List.copyOf(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public List<Change> of(Change.Type type) {
    return changes.stream().filter(c -> c.type() == type).toList();
  }

  /**
   * Compares two snapshots. With {@code trackRenames} false (comparing two databases, or a
   * catalog with one rebuilt from a rollback), objects are matched by name only.
   */
  public static CatalogDiff between(Snapshot before, Snapshot after, boolean trackRenames) {
    List<Change> out = new ArrayList<>();
    List<CatalogObject> removed = new ArrayList<>();
    List<CatalogObject> added = new ArrayList<>();
    for (CatalogObject b : before.objects().values()) {
      CatalogObject a = after.objects().get(b.key());
      if (a == null) {
        removed.add(b);
      } else if (!a.definition().equals(b.definition())) {
        out.add(new Change(Change.Type.CHANGED, Optional.of(b), Optional.of(a)));
      }
    }
    for (CatalogObject a : after.objects().values()) {
      if (!before.objects().containsKey(a.key())) {
        added.add(a);
      }
    }
    if (trackRenames) {
      Map<String, CatalogObject> addedByIdentity = new HashMap<>();
      for (CatalogObject a : added) {
        if (renameable(a)) {
          addedByIdentity.put(a.kind() + "#" + a.oid() + "#" + a.sub(), a);
        }
      }
      for (CatalogObject b : List.copyOf(removed)) {
        CatalogObject a = renameable(b) ? addedByIdentity.get(b.kind() + "#" + b.oid() + "#" + b.sub()) : null;
        if (a != null && movedWithTable(b, a, out)) {
          removed.remove(b);
          added.remove(a);
        } else if (a != null) {
          out.add(new Change(Change.Type.RENAMED, Optional.of(b), Optional.of(a)));
          removed.remove(b);
          added.remove(a);
          if (b.kind().equals("column") && !b.definition().equals(a.definition())) {
            out.add(new Change(Change.Type.CHANGED, Optional.of(b), Optional.of(a)));
          }
        }
      }
    }
    for (CatalogObject b : removed) {
      if (!trackRenames || !ownerRenamed(b, out)) {
        out.add(new Change(Change.Type.REMOVED, Optional.of(b), Optional.empty()));
      }
    }
    for (CatalogObject a : added) {
      if (!trackRenames || !ownerRenamedTo(a, out)) {
        out.add(new Change(Change.Type.ADDED, Optional.empty(), Optional.of(a)));
      }
    }
    out.sort(
        java.util.Comparator.comparing((Change c) -> c.type().ordinal() == 1 ? 0 : c.type().ordinal() + 1)
            .thenComparing(Change::name));
    return new CatalogDiff(out);
  }

  private static boolean movedWithTable(CatalogObject b, CatalogObject a, List<Change> changes) {
    return !b.table().isEmpty()
        && b.simpleName().equals(a.simpleName())
        && b.definition().equals(a.definition())
        && changes.stream()
            .anyMatch(
                c ->
                    c.type() == Change.Type.RENAMED
                        && c.kind().equals("table")
                        && c.before().get().name().equals(b.table())
                        && c.after().get().name().equals(a.table()));
  }

  private static boolean renameable(CatalogObject o) {
    return o.oid() != 0 && !o.kind().equals("grant");
  }

  /** A column, constraint or index of a renamed table moves with it: not a change of its own. */
  private static boolean ownerRenamed(CatalogObject b, List<Change> changes) {
    return !b.table().isEmpty()
        && changes.stream()
            .anyMatch(
                c -> c.type() == Change.Type.RENAMED && c.kind().equals("table") && c.before().get().name().equals(b.table()));
  }

  private static boolean ownerRenamedTo(CatalogObject a, List<Change> changes) {
    return !a.table().isEmpty()
        && changes.stream()
            .anyMatch(
                c -> c.type() == Change.Type.RENAMED && c.kind().equals("table") && c.after().get().name().equals(a.table()));
  }
}
