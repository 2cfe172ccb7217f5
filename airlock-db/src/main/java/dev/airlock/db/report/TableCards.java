package dev.airlock.db.report;

import dev.airlock.db.catalog.CatalogObject;
import dev.airlock.db.catalog.Change;
import dev.airlock.db.catalog.Names;
import dev.airlock.db.verify.BrokenDependent;
import dev.airlock.db.verify.DataLoss;
import dev.airlock.db.verify.VerifyReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The picture of a verify report, table by table: every table the migration changes, destroys
 * data of or breaks a dependent through, with its columns as they were (from the snapshot before
 * the first statement) marked dropped, renamed, retyped or added, plus its indexes, constraints
 * and triggers that changed, the data at risk and the dependents broken. Catalog changes that
 * belong to no table (functions, views, types...) are left in {@link #others}.
 *
 * @param cards one per table, those with data at risk or dependents broken first, then by name
 * @param others catalog changes not drawn in any card
 */
record TableCards(List<Card> cards, List<Change> others) {

  /**
   * One table.
   *
   * @param name its qualified name after the migration (before it, for a dropped table)
   * @param formerName its name before the migration, when the migration renames it
   * @param dropped the migration drops it
   * @param added the migration creates it
   * @param columns its columns, those it had first (in attnum order), then those added
   * @param parts its indexes, constraints, triggers, policies and grants that changed
   * @param losses data at risk in it, per statement
   * @param broken dependents broken through it or one of its columns
   */
  record Card(
      String name,
      Optional<String> formerName,
      boolean dropped,
      boolean added,
      List<Column> columns,
      List<Change> parts,
      List<DataLoss> losses,
      List<BrokenDependent> broken) {

    boolean atRisk() {
      return dropped || !broken.isEmpty() || losses.stream().anyMatch(TableCards::destroys);
    }
  }

  /**
   * One column.
   *
   * @param key its qualified name before the migration (after it, for an added column): what a
   *     broken dependent's target names
   * @param name its name after the migration, unquoted
   * @param formerName its name before, when renamed
   * @param type its type, NOT NULL and default after the migration (before, when dropped)
   * @param formerType the same before the migration, when it changed
   * @param losses data at risk in this column: dropped, retyped or overwritten values
   * @param broken dependents that break because of this column
   */
  record Column(
      String key,
      String name,
      Optional<String> formerName,
      String type,
      Optional<String> formerType,
      boolean dropped,
      boolean added,
      List<DataLoss> losses,
      List<BrokenDependent> broken) {

    boolean changed() {
      return dropped || formerName.isPresent() || formerType.isPresent();
    }
  }

  /** True when the loss destroys something: rows or values gone, or values a type change alters. */
  static boolean destroys(DataLoss l) {
    return l.action().equals("ALTER COLUMN TYPE") ? l.changed() > 0 : l.rows() != 0 || l.values() > 0;
  }

  static TableCards of(VerifyReport r) {
    return new Builder(r).build();
  }

  private static final class Builder {
    private final VerifyReport r;
    private final Set<String> dropped = new HashSet<>();
    private final Set<String> added = new HashSet<>();
    private final Map<String, String> renamedTo = new HashMap<>();
    private final Map<String, String> renamedFrom = new HashMap<>();

    Builder(VerifyReport r) {
      this.r = r;
      for (Change c : r.diff().changes()) {
        if (c.kind().equals("table")) {
          switch (c.type()) {
            case REMOVED -> dropped.add(c.name());
            case ADDED -> added.add(c.name());
            case RENAMED -> {
              renamedTo.put(c.before().orElseThrow().name(), c.after().orElseThrow().name());
              renamedFrom.put(c.after().orElseThrow().name(), c.before().orElseThrow().name());
            }
            case CHANGED -> {}
          }
        }
      }
    }

    /** A table's name after the migration, given any name it had. */
    private String current(String table) {
      return renamedTo.getOrDefault(table, table);
    }

    private String former(String table) {
      return renamedFrom.getOrDefault(table, table);
    }

    private boolean isTable(String current) {
      return added.contains(current) || r.before().get("table", former(current)).isPresent();
    }

    /** The table a change belongs to, under its current name, if it belongs to one. */
    private Optional<String> owner(Change c) {
      if (c.kind().equals("table")) {
        return Optional.of(current(c.name()));
      }
      Optional<String> t = c.before().map(CatalogObject::table).filter(s -> !s.isEmpty());
      if (t.isEmpty()) {
        t = c.after().map(CatalogObject::table).filter(s -> !s.isEmpty());
      }
      return t.map(this::current).filter(this::isTable);
    }

    private String tableOf(BrokenDependent b) {
      List<String> parts = Names.parts(b.target());
      return current(parts.size() >= 3 ? Names.join(parts.get(0), parts.get(1)) : b.target());
    }

    TableCards build() {
      Set<String> tables = new LinkedHashSet<>();
      List<Change> others = new ArrayList<>();
      for (Change c : r.diff().changes()) {
        Optional<String> owner = owner(c);
        owner.ifPresent(tables::add);
        if (owner.isEmpty()) {
          others.add(c);
        }
      }
      for (DataLoss l : r.dataLoss()) {
        if (isTable(current(l.table()))) {
          tables.add(current(l.table()));
        }
      }
      for (BrokenDependent b : r.broken()) {
        if (isTable(tableOf(b))) {
          tables.add(tableOf(b));
        }
      }
      List<Card> cards = new ArrayList<>();
      for (String t : tables) {
        cards.add(card(t));
      }
      cards.sort(Comparator.comparing((Card c) -> !c.atRisk()).thenComparing(Card::name));
      return new TableCards(cards, others);
    }

    private Card card(String table) {
      String before = former(table);
      List<Change> mine = r.diff().changes().stream().filter(c -> owner(c).filter(table::equals).isPresent()).toList();
      List<DataLoss> losses = r.dataLoss().stream().filter(l -> current(l.table()).equals(table)).toList();
      List<BrokenDependent> broken = r.broken().stream().filter(b -> tableOf(b).equals(table)).toList();
      List<Column> columns = new ArrayList<>();
      if (!added.contains(table)) {
        for (CatalogObject col : r.before().columnsOf(before)) {
          columns.add(existing(col, mine, losses, broken));
        }
      }
      mine.stream()
          .filter(c -> c.kind().equals("column") && c.type() == Change.Type.ADDED)
          .map(c -> c.after().orElseThrow())
          .sorted(Comparator.comparingInt(CatalogObject::sub))
          .forEach(
              col ->
                  columns.add(
                      new Column(col.name(), Names.lastPart(col.name()), Optional.empty(), col.definition(), Optional.empty(), false, true, List.of(), List.of())));
      List<Change> parts = mine.stream().filter(c -> !c.kind().equals("column") && !c.kind().equals("table")).toList();
      return new Card(
          table,
          renamedFrom.containsKey(table) ? Optional.of(before) : Optional.empty(),
          dropped.contains(table),
          added.contains(table),
          columns,
          parts,
          losses,
          broken);
    }

    private Column existing(CatalogObject col, List<Change> mine, List<DataLoss> losses, List<BrokenDependent> broken) {
      String name = Names.lastPart(col.name());
      boolean gone = false;
      Optional<String> newName = Optional.empty();
      Optional<String> newType = Optional.empty();
      for (Change c : mine) {
        if (!c.kind().equals("column") || !c.before().map(o -> o.name().equals(col.name())).orElse(false)) {
          continue;
        }
        switch (c.type()) {
          case REMOVED -> gone = true;
          case RENAMED -> newName = Optional.of(Names.lastPart(c.after().orElseThrow().name()));
          case CHANGED -> newType = Optional.of(c.after().orElseThrow().definition());
          case ADDED -> {}
        }
      }
      List<DataLoss> mineLost =
          losses.stream().filter(l -> l.columns().contains(name) && !l.action().equals("DELETE") && !l.action().equals("TRUNCATE") && !l.action().equals("DROP TABLE")).toList();
      List<BrokenDependent> mineBroken = broken.stream().filter(b -> b.target().equals(col.name())).toList();
      return new Column(
          col.name(),
          newName.orElse(name),
          newName.map(n -> name),
          newType.orElse(col.definition()),
          newType.map(t -> col.definition()),
          gone,
          false,
          mineLost,
          mineBroken);
    }
  }
}
