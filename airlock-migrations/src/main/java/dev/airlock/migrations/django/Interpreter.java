package dev.airlock.migrations.django;

import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.DataMigration;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Predicate;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.source.Span;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.EmbeddedSql;
import dev.airlock.migrations.python.PyCall;
import dev.airlock.migrations.python.PyComments;
import dev.airlock.migrations.python.PyLiterals;
import dev.airlock.migrations.python.PyNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the operations of one migration against the app's model state, as Django's migration
 * executor does: every operation updates the state (so later ones resolve the right table and
 * column), and, when a source is given, becomes an Occurrence with the SQL it generates.
 */
final class Interpreter {
  /**
   * Where an operation list stands: a migration's own list, or one half of
   * SeparateDatabaseAndState.
   */
  enum Mode {
    BOTH,
    DATABASE_ONLY,
    STATE_ONLY
  }

  private static final Set<String> BENIGN =
      Set.of(
          "AddIndex",
          "AddIndexConcurrently",
          "AddConstraint",
          "AddConstraintNotValid",
          "ValidateConstraint",
          "AlterModelOptions",
          "AlterModelManagers",
          "AlterOrderWithRespectTo",
          "AlterModelTableComment",
          "CreateExtension",
          "BloomExtension",
          "BtreeGinExtension",
          "BtreeGistExtension",
          "CITextExtension",
          "CryptoExtension",
          "HStoreExtension",
          "TrigramExtension",
          "UnaccentExtension",
          "CreateCollation");

  private final AppState state;
  private final Dialect dialect;
  private final SchemaSql sql;
  private final SourceText source;
  private final String migration;
  private final List<Occurrence> out = new ArrayList<>();
  private int statements;

  /**
   * @param source the file being checked, or null to only replay the state (earlier migrations)
   * @param migration "app.name", for messages
   */
  Interpreter(AppState state, Dialect dialect, SourceText source, String migration) {
    this.state = state;
    this.dialect = dialect;
    this.sql = new SchemaSql(dialect);
    this.source = source;
    this.migration = migration;
  }

  List<Occurrence> occurrences() {
    return out;
  }

  int statements() {
    return statements;
  }

  /** Runs an operations expression (normally a list display). */
  void run(PyNode operations, Mode mode, String within, List<Allowance> inherited) {
    Optional<List<PyNode>> items = PyLiterals.elements(operations);
    if (items.isEmpty()) {
      PyNode n = operations.unwrap();
      if (n.is("binary_operator")
          && n.child("operator").map(o -> o.text().equals("+")).orElse(false)) {
        n.child("left").ifPresent(l -> run(l, mode, within, inherited));
        n.child("right").ifPresent(r -> run(r, mode, within, inherited));
        return;
      }
      unparsed(
          operations,
          "the operations are built at run time (`"
              + abbreviate(operations.text())
              + "`); airlock cannot read them",
          within,
          inherited);
      return;
    }
    for (PyNode item : items.get()) {
      Optional<PyCall> call = PyCall.of(item);
      if (call.isEmpty()) {
        unparsed(
            item,
            "an operation that is not a call (`" + abbreviate(item.text()) + "`) cannot be read",
            within,
            inherited);
        continue;
      }
      operation(call.get(), mode, within, inherited);
    }
  }

  private void operation(PyCall call, Mode mode, String within, List<Allowance> inherited) {
    String op = call.name();
    if (mode == Mode.STATE_ONLY) {
      statements++;
      applyState(call);
      emit(
          call,
          new Benign(op + " (state only)"),
          "-- no SQL: state_operations change only Django's model state",
          within,
          inherited);
      return;
    }
    if (call.splat()) {
      statements++;
      unparsed(
          call.node(),
          op + " takes *args or **kwargs; its arguments cannot be read",
          within,
          inherited);
      return;
    }
    statements++;
    switch (op) {
      case "CreateModel" -> createModel(call, mode, within, inherited);
      case "DeleteModel" -> deleteModel(call, mode, within, inherited);
      case "RenameModel" -> renameModel(call, mode, within, inherited);
      case "AlterModelTable" -> alterModelTable(call, mode, within, inherited);
      case "AddField" -> addField(call, mode, within, inherited);
      case "RemoveField" -> removeField(call, mode, within, inherited);
      case "AlterField" -> alterField(call, mode, within, inherited);
      case "RenameField" -> renameField(call, mode, within, inherited);
      case "RemoveIndex", "RemoveIndexConcurrently" -> removeIndex(call, within, inherited);
      case "RenameIndex" -> renameIndex(call, within, inherited);
      case "RemoveConstraint" -> removeConstraint(call, mode, within, inherited);
      case "AlterUniqueTogether", "AlterIndexTogether" ->
          alterTogether(call, mode, within, inherited);
      case "RunSQL" -> runSql(call, within, inherited);
      case "RunPython" -> runPython(call, within, inherited);
      case "SeparateDatabaseAndState" -> separate(call, within, inherited);
      default -> {
        if (BENIGN.contains(op)) {
          if (op.equals("AddConstraint") || op.equals("AddConstraintNotValid")) {
            if (mode == Mode.BOTH) {
              addConstraint(call);
            }
          }
          emit(call, new Benign(op), null, within, inherited);
        } else {
          unparsed(
              call.node(),
              "unknown operation `" + call.callee() + "`: airlock cannot tell what SQL it runs",
              within,
              inherited);
        }
      }
    }
  }

  /** Applies an operation to the model state only (earlier migrations, state_operations). */
  private void applyState(PyCall call) {
    boolean saved = replaying;
    replaying = true;
    try {
      operation(call, Mode.BOTH, "", List.of());
      statements--;
    } finally {
      replaying = saved;
    }
  }

  private boolean replaying;

  // ---- models

  private void createModel(PyCall call, Mode mode, String within, List<Allowance> inherited) {
    Optional<String> name = str(call, 0, "name");
    if (name.isEmpty()) {
      unparsed(call.node(), "CreateModel with a name built at run time", within, inherited);
      return;
    }
    ModelState m =
        mode == Mode.BOTH ? state.create(name.get()) : new ModelState(state.app, name.get(), true);
    call.arg(1, "fields")
        .flatMap(PyLiterals::elements)
        .ifPresent(
            fields -> {
              for (PyNode f : fields) {
                Optional<List<PyNode>> pair = PyLiterals.elements(f);
                if (pair.isPresent() && pair.get().size() == 2) {
                  PyLiterals.string(pair.get().get(0))
                      .ifPresent(fn -> m.fields.put(fn, FieldDef.of(fn, pair.get().get(1))));
                }
              }
            });
    call.arg(2, "options").ifPresent(o -> options(m, o));
    emit(
        call,
        new Benign("CreateModel"),
        m.hasTable() ? sql.createTable(m) : noTable(m),
        within,
        inherited);
  }

  private static void options(ModelState m, PyNode dict) {
    PyNode d = dict.unwrap();
    if (!d.is("dictionary")) {
      return;
    }
    for (PyNode pair : d.named()) {
      if (!pair.is("pair")) {
        continue;
      }
      String key = pair.child("key").flatMap(PyLiterals::string).orElse("");
      PyNode value = pair.child("value").orElse(null);
      if (value == null) {
        continue;
      }
      switch (key) {
        case "db_table" -> m.dbTable = PyLiterals.string(value);
        case "managed" -> m.managed = PyLiterals.bool(value).orElse(true);
        case "proxy" -> m.proxy = PyLiterals.bool(value).orElse(false);
        case "constraints" ->
            PyLiterals.elements(value).ifPresent(cs -> cs.forEach(c -> constraint(m, c)));
        case "unique_together" -> together(value).forEach(m.uniqueTogether::add);
        case "index_together" -> together(value).forEach(m.indexTogether::add);
        default -> {}
      }
    }
  }

  private static void constraint(ModelState m, PyNode c) {
    PyCall.of(c)
        .ifPresent(
            call ->
                call.arg(-1, "name")
                    .flatMap(PyLiterals::string)
                    .ifPresent(n -> m.constraints.put(n, kind(call.name()))));
  }

  private static String kind(String constraintClass) {
    return switch (constraintClass) {
      case "CheckConstraint" -> "check";
      case "UniqueConstraint" -> "unique";
      case "ExclusionConstraint" -> "exclusion";
      default -> "constraint";
    };
  }

  private void addConstraint(PyCall call) {
    Optional<String> model = str(call, 0, "model_name");
    Optional<PyNode> c = call.arg(1, "constraint");
    if (model.isPresent() && c.isPresent()) {
      constraint(state.edit(model.get()), c.get());
    }
  }

  private void deleteModel(PyCall call, Mode mode, String within, List<Allowance> inherited) {
    Optional<String> name = str(call, 0, "name");
    if (name.isEmpty()) {
      unparsed(call.node(), "DeleteModel with a name built at run time", within, inherited);
      return;
    }
    ModelState m = state.model(name.get());
    if (mode == Mode.BOTH) {
      state.remove(name.get());
    }
    if (!m.hasTable()) {
      emit(call, new Benign("DeleteModel of " + why(m)), noTable(m), within, inherited);
      return;
    }
    List<String> tables = new ArrayList<>();
    tables.add(m.table());
    for (FieldDef f : m.fields.values()) {
      if (f.manyToMany() && !f.hasThrough()) {
        tables.add(f.joinTable(m.table()));
      }
    }
    emit(
        call,
        new Drop(ObjectKind.TABLE, "table", tables, false, !sql.sqlite()),
        sql.dropTables(tables),
        within,
        inherited);
  }

  private void renameModel(PyCall call, Mode mode, String within, List<Allowance> inherited) {
    Optional<String> from = str(call, 0, "old_name");
    Optional<String> to = str(call, 1, "new_name");
    if (from.isEmpty() || to.isEmpty()) {
      unparsed(call.node(), "RenameModel with names built at run time", within, inherited);
      return;
    }
    ModelState m = state.model(from.get());
    String oldTable = m.table();
    List<FieldDef> joins =
        m.fields.values().stream()
            .filter(f -> f.manyToMany() && !f.hasThrough() && f.string("db_table").isEmpty())
            .toList();
    if (mode == Mode.BOTH) {
      state.rename(from.get(), to.get());
    }
    String newTable = m.dbTable.orElse(ModelState.defaultTable(state.app, to.get()));
    if (!m.hasTable() || oldTable.equals(newTable)) {
      emit(
          call,
          new Benign("RenameModel"),
          m.hasTable() ? "-- no SQL: db_table keeps the table name " + sql.q(oldTable) : noTable(m),
          within,
          inherited);
      return;
    }
    emit(
        call,
        new Rename(ObjectKind.TABLE, oldTable, newTable),
        sql.renameTable(oldTable, newTable),
        within,
        inherited);
    for (FieldDef f : joins) {
      String a = f.joinTable(oldTable);
      String b = f.joinTable(newTable);
      emit(call, new Rename(ObjectKind.TABLE, a, b), sql.renameTable(a, b), within, inherited);
    }
  }

  private void alterModelTable(PyCall call, Mode mode, String within, List<Allowance> inherited) {
    Optional<String> name = str(call, 0, "name");
    Optional<PyNode> tableArg = call.arg(1, "table");
    if (name.isEmpty() || tableArg.isEmpty()) {
      unparsed(call.node(), "AlterModelTable with arguments built at run time", within, inherited);
      return;
    }
    Optional<String> table =
        PyLiterals.isNone(tableArg.get()) ? Optional.empty() : PyLiterals.string(tableArg.get());
    if (table.isEmpty() && !PyLiterals.isNone(tableArg.get())) {
      unparsed(
          call.node(), "AlterModelTable with a table name built at run time", within, inherited);
      return;
    }
    ModelState m = state.model(name.get());
    String oldTable = m.table();
    String newTable = table.orElse(ModelState.defaultTable(state.app, m.name));
    List<FieldDef> joins =
        m.fields.values().stream()
            .filter(f -> f.manyToMany() && !f.hasThrough() && f.string("db_table").isEmpty())
            .toList();
    if (mode == Mode.BOTH) {
      state.edit(name.get()).dbTable = table;
    }
    if (!m.hasTable() || oldTable.equals(newTable)) {
      emit(
          call,
          new Benign("AlterModelTable"),
          m.hasTable() ? "-- no SQL: the table name does not change" : noTable(m),
          within,
          inherited);
      return;
    }
    emit(
        call,
        new Rename(ObjectKind.TABLE, oldTable, newTable),
        sql.renameTable(oldTable, newTable),
        within,
        inherited);
    for (FieldDef f : joins) {
      String a = f.joinTable(oldTable);
      String b = f.joinTable(newTable);
      emit(call, new Rename(ObjectKind.TABLE, a, b), sql.renameTable(a, b), within, inherited);
    }
  }

  // ---- fields

  private void addField(PyCall call, Mode mode, String within, List<Allowance> inherited) {
    Optional<String> model = str(call, 0, "model_name");
    Optional<String> name = str(call, 1, "name");
    Optional<PyNode> decl = call.arg(2, "field");
    if (model.isEmpty() || name.isEmpty() || decl.isEmpty()) {
      unparsed(call.node(), "AddField with arguments built at run time", within, inherited);
      return;
    }
    FieldDef f = FieldDef.of(name.get(), decl.get());
    ModelState m = state.model(model.get());
    if (mode == Mode.BOTH) {
      state.edit(model.get()).fields.put(name.get(), f);
    }
    emit(
        call,
        new Benign("AddField"),
        m.hasTable() ? sql.addColumn(m, f) : noTable(m),
        within,
        inherited);
  }

  private void removeField(PyCall call, Mode mode, String within, List<Allowance> inherited) {
    Optional<String> model = str(call, 0, "model_name");
    Optional<String> name = str(call, 1, "name");
    if (model.isEmpty() || name.isEmpty()) {
      unparsed(call.node(), "RemoveField with arguments built at run time", within, inherited);
      return;
    }
    ModelState m = state.model(model.get());
    FieldDef f = m.field(name.get()).orElse(FieldDef.unknown(name.get()));
    if (mode == Mode.BOTH) {
      state.edit(model.get()).fields.remove(name.get());
    }
    if (!m.hasTable()) {
      emit(call, new Benign("RemoveField on " + why(m)), noTable(m), within, inherited);
      return;
    }
    String note =
        f.known()
            ? within
            : within + "; the field's definition is not in the app's earlier migrations";
    if (f.manyToMany()) {
      if (f.hasThrough()) {
        emit(
            call,
            new Benign("RemoveField of a many-to-many field with a through model"),
            "-- no SQL: the through model keeps its table",
            within,
            inherited);
      } else {
        String join = f.joinTable(m.table());
        emit(
            call,
            new Drop(ObjectKind.TABLE, "table", List.of(join), false, !sql.sqlite()),
            sql.dropTables(List.of(join)),
            note,
            inherited);
      }
      return;
    }
    emit(
        call,
        new DropColumn(m.table(), f.column(), false, !sql.sqlite() && !sql.mysql()),
        sql.dropColumn(m, f),
        note,
        inherited);
  }

  private void alterField(PyCall call, Mode mode, String within, List<Allowance> inherited) {
    Optional<String> model = str(call, 0, "model_name");
    Optional<String> name = str(call, 1, "name");
    Optional<PyNode> decl = call.arg(2, "field");
    if (model.isEmpty() || name.isEmpty() || decl.isEmpty()) {
      unparsed(call.node(), "AlterField with arguments built at run time", within, inherited);
      return;
    }
    ModelState m = state.model(model.get());
    FieldDef now = FieldDef.of(name.get(), decl.get());
    Optional<FieldDef> before = m.field(name.get());
    if (mode == Mode.BOTH) {
      state.edit(model.get()).fields.put(name.get(), now);
    }
    if (!m.hasTable()) {
      emit(call, new Benign("AlterField on " + why(m)), noTable(m), within, inherited);
      return;
    }
    String type = now.typeLabel(dialect);
    if (before.isEmpty() || !before.get().known()) {
      if (now.manyToMany()) {
        emit(call, new Benign("AlterField of a many-to-many field"), null, within, inherited);
        return;
      }
      emit(
          call,
          new AlterColumnType(m.table(), now.column(), type),
          sql.alterType(m, now.column(), type, now.nullable()),
          within
              + "; the field's previous definition is not in the app's earlier migrations, so the type may be unchanged",
          inherited);
      return;
    }
    FieldDef old = before.get();
    boolean any = false;
    if (!old.column().equals(now.column()) && !now.manyToMany()) {
      emit(
          call,
          new RenameColumn(m.table(), old.column(), now.column()),
          sql.renameColumn(m.table(), old.column(), now.column()),
          within,
          inherited);
      any = true;
    }
    if (!old.typeSignature(dialect).equals(now.typeSignature(dialect)) && !now.manyToMany()) {
      emit(
          call,
          new AlterColumnType(m.table(), now.column(), type),
          sql.alterType(m, now.column(), type, now.nullable()),
          within + "; was " + old.typeLabel(dialect),
          inherited);
      any = true;
    }
    if (!any) {
      String change =
          old.nullable() != now.nullable()
              ? (now.nullable() ? "AlterField (drops NOT NULL)" : "AlterField (sets NOT NULL)")
              : "AlterField (type unchanged)";
      String generated =
          old.nullable() != now.nullable()
              ? sql.setNull(m, now.column(), type, now.nullable())
              : null;
      emit(call, new Benign(change), generated, within, inherited);
    }
  }

  private void renameField(PyCall call, Mode mode, String within, List<Allowance> inherited) {
    Optional<String> model = str(call, 0, "model_name");
    Optional<String> from = str(call, 1, "old_name");
    Optional<String> to = str(call, 2, "new_name");
    if (model.isEmpty() || from.isEmpty() || to.isEmpty()) {
      unparsed(call.node(), "RenameField with arguments built at run time", within, inherited);
      return;
    }
    ModelState m = state.model(model.get());
    FieldDef old = m.field(from.get()).orElse(FieldDef.unknown(from.get()));
    FieldDef renamed =
        old.known()
            ? new FieldDef(to.get(), old.className(), old.call())
            : FieldDef.unknown(to.get());
    if (mode == Mode.BOTH) {
      ModelState e = state.edit(model.get());
      e.fields.remove(from.get());
      e.fields.put(to.get(), renamed);
    }
    if (!m.hasTable()) {
      emit(call, new Benign("RenameField on " + why(m)), noTable(m), within, inherited);
      return;
    }
    if (old.string("db_column").isPresent()) {
      emit(
          call,
          new Benign("RenameField (db_column keeps the column)"),
          "-- no SQL: db_column keeps the column " + sql.q(old.column()),
          within,
          inherited);
      return;
    }
    if (old.manyToMany()) {
      String a = old.joinTable(m.table());
      String b = renamed.joinTable(m.table());
      emit(call, new Rename(ObjectKind.TABLE, a, b), sql.renameTable(a, b), within, inherited);
      return;
    }
    emit(
        call,
        new RenameColumn(m.table(), old.column(), renamed.column()),
        sql.renameColumn(m.table(), old.column(), renamed.column()),
        within,
        inherited);
  }

  // ---- indexes and constraints

  private void removeIndex(PyCall call, String within, List<Allowance> inherited) {
    Optional<String> model = str(call, 0, "model_name");
    Optional<String> name = str(call, 1, "name");
    if (model.isEmpty() || name.isEmpty()) {
      unparsed(call.node(), call.name() + " with arguments built at run time", within, inherited);
      return;
    }
    ModelState m = state.model(model.get());
    boolean pg = !sql.sqlite() && !sql.mysql();
    emit(
        call,
        new Drop(ObjectKind.INDEX, "index", List.of(name.get()), pg, false),
        sql.dropIndex(m.table(), name.get(), call.name().equals("RemoveIndexConcurrently")),
        within,
        inherited);
  }

  private void renameIndex(PyCall call, String within, List<Allowance> inherited) {
    Optional<String> to = str(call, 1, "new_name");
    Optional<String> from = str(call, 2, "old_name");
    if (to.isPresent() && from.isPresent()) {
      emit(
          call,
          new Rename(ObjectKind.INDEX, from.get(), to.get()),
          sql.mysql()
              ? "ALTER TABLE "
                  + sql.q(state.model(str(call, 0, "model_name").orElse("?")).table())
                  + " RENAME INDEX "
                  + sql.q(from.get())
                  + " TO "
                  + sql.q(to.get())
                  + ";"
              : "ALTER INDEX " + sql.q(from.get()) + " RENAME TO " + sql.q(to.get()) + ";",
          within,
          inherited);
    } else {
      emit(
          call,
          new Benign("RenameIndex (unnamed index from index_together)"),
          null,
          within,
          inherited);
    }
  }

  private void removeConstraint(PyCall call, Mode mode, String within, List<Allowance> inherited) {
    Optional<String> model = str(call, 0, "model_name");
    Optional<String> name = str(call, 1, "name");
    if (model.isEmpty() || name.isEmpty()) {
      unparsed(call.node(), "RemoveConstraint with arguments built at run time", within, inherited);
      return;
    }
    ModelState m = state.model(model.get());
    String kind = m.constraints.getOrDefault(name.get(), "constraint");
    if (mode == Mode.BOTH) {
      state.edit(model.get()).constraints.remove(name.get());
    }
    emit(
        call,
        new DropConstraint(m.table(), name.get(), false),
        sql.dropConstraint(m, name.get(), kind),
        within,
        inherited);
  }

  private void alterTogether(PyCall call, Mode mode, String within, List<Allowance> inherited) {
    Optional<String> model = str(call, 0, "name");
    boolean unique = call.name().equals("AlterUniqueTogether");
    Optional<PyNode> value = call.arg(1, unique ? "unique_together" : "index_together");
    if (model.isEmpty() || value.isEmpty()) {
      unparsed(call.node(), call.name() + " with arguments built at run time", within, inherited);
      return;
    }
    ModelState m = state.model(model.get());
    List<String> now = together(value.get());
    List<String> removed = new ArrayList<>(unique ? m.uniqueTogether : m.indexTogether);
    removed.removeAll(now);
    if (mode == Mode.BOTH) {
      ModelState e = state.edit(model.get());
      (unique ? e.uniqueTogether : e.indexTogether).clear();
      (unique ? e.uniqueTogether : e.indexTogether).addAll(now);
    }
    if (removed.isEmpty()) {
      emit(call, new Benign(call.name()), null, within, inherited);
      return;
    }
    for (String fields : removed) {
      String what = (unique ? "unique" : "index") + " (" + fields + ")";
      if (unique) {
        emit(
            call,
            new DropConstraint(m.table(), what, false),
            "-- Django looks up the "
                + what
                + " constraint's name in the catalog\n"
                + "ALTER TABLE "
                + sql.q(m.table())
                + (sql.mysql() ? " DROP INDEX " : " DROP CONSTRAINT ")
                + "<name of "
                + what
                + ">;",
            within,
            inherited);
      } else {
        emit(
            call,
            new Drop(ObjectKind.INDEX, "index", List.of(what + " of " + m.table()), false, false),
            "-- Django looks up the index's name in the catalog\nDROP INDEX <name of "
                + what
                + ">;",
            within,
            inherited);
      }
    }
  }

  private static List<String> together(PyNode value) {
    List<String> out = new ArrayList<>();
    Optional<List<PyNode>> items = PyLiterals.elements(value);
    if (items.isEmpty()) {
      return out;
    }
    List<PyNode> list = items.get();
    // a single tuple of names: unique_together = ('a', 'b')
    if (!list.isEmpty() && PyLiterals.string(list.get(0)).isPresent()) {
      list = List.of(value);
    }
    for (PyNode group : list) {
      PyLiterals.elements(group)
          .ifPresent(
              names -> {
                List<String> fs = new ArrayList<>();
                names.forEach(n -> PyLiterals.string(n).ifPresent(fs::add));
                out.add(String.join(", ", fs));
              });
    }
    return out;
  }

  // ---- code

  private void runSql(PyCall call, String within, List<Allowance> inherited) {
    Optional<PyNode> forward = call.arg(0, "sql");
    Optional<PyNode> reverse = call.arg(1, "reverse_sql");
    String how;
    if (reverse.isEmpty() || PyLiterals.isNone(reverse.get())) {
      how = "RunSQL without reverse_sql";
    } else if (reverse.get().text().endsWith("noop")) {
      how = "RunSQL with reverse_sql=RunSQL.noop (rollback does nothing)";
    } else {
      how = "RunSQL with reverse_sql";
    }
    String where = join(within, how);
    call.arg(2, "state_operations")
        .ifPresent(
            s -> {
              if (!replaying) {
                run(
                    s,
                    Mode.STATE_ONLY,
                    join(within, "RunSQL state_operations"),
                    allowances(call, inherited));
              } else {
                run(s, Mode.BOTH, within, inherited);
              }
            });
    if (replaying) {
      return;
    }
    if (forward.isEmpty()) {
      unparsed(call.node(), "RunSQL without SQL", within, inherited);
      return;
    }
    PyNode f = forward.get().unwrap();
    if (f.text().endsWith("noop")) {
      emit(call, new Benign("RunSQL.noop"), "-- no SQL", where, inherited);
      return;
    }
    Optional<String> single = PyLiterals.string(f);
    if (single.isPresent()) {
      embedded(call, single.get(), where, inherited);
      return;
    }
    Optional<List<PyNode>> list = PyLiterals.elements(f);
    if (list.isEmpty()) {
      emit(
          call,
          new DynamicSql("RunSQL runs SQL built at run time: `" + abbreviate(f.text()) + "`"),
          null,
          where,
          inherited);
      return;
    }
    for (PyNode item : list.get()) {
      Optional<String> s = PyLiterals.string(item);
      if (s.isEmpty()) {
        // (sql, params)
        s =
            PyLiterals.elements(item)
                .filter(p -> !p.isEmpty())
                .flatMap(p -> PyLiterals.string(p.get(0)));
      }
      if (s.isPresent()) {
        embedded(call, s.get(), where, inherited);
      } else {
        emit(
            call,
            new DynamicSql("RunSQL runs SQL built at run time: `" + abbreviate(item.text()) + "`"),
            null,
            where,
            inherited);
      }
    }
  }

  private void embedded(PyCall call, String text, String within, List<Allowance> inherited) {
    if (source == null) {
      return;
    }
    Span span = source.span(call.node().start(), call.node().end());
    List<Occurrence> found =
        EmbeddedSql.analyze(
            source, text, dialect, span, call.text(), within, allowances(call, inherited));
    if (found.isEmpty()) {
      emit(call, new Benign("RunSQL (no statements)"), text, within, inherited);
    }
    out.addAll(found);
  }

  private void runPython(PyCall call, String within, List<Allowance> inherited) {
    Optional<PyNode> code = call.arg(0, "code");
    Optional<PyNode> reverse = call.arg(1, "reverse_code");
    boolean hasReverse = reverse.isPresent() && !PyLiterals.isNone(reverse.get());
    boolean noop = hasReverse && reverse.get().text().endsWith("noop");
    String codeName = code.map(c -> abbreviate(c.text())).orElse("?");
    if (code.isPresent() && code.get().unwrap().text().endsWith("noop")) {
      emit(call, new Benign("RunPython.noop"), "-- no SQL", within, inherited);
      return;
    }
    // RunPython.noop as reverse_code: Django rolls back without error but leaves the forward
    // changes in place. That is a declared, deliberate reverse, so the migration counts as
    // reversible; the code text shows the reviewer that the reverse does nothing.
    String label = "RunPython(" + codeName + (noop ? ", reverse_code=RunPython.noop" : "") + ")";
    String how =
        hasReverse
            ? (noop
                ? "RunPython whose reverse_code is RunPython.noop: a rollback leaves its changes in place"
                : "RunPython with reverse_code " + abbreviate(reverse.get().text()))
            : "RunPython without reverse_code: the migration cannot be rolled back";
    emit(
        call,
        new DataMigration(label, hasReverse),
        "-- runs Python code " + codeName + "; its SQL is not known before it runs",
        join(within, how),
        inherited);
    code.map(PyNode::unwrap)
        .filter(c -> c.is("identifier"))
        .flatMap(this::function)
        .ifPresent(fn -> lookInside(call, fn, within, inherited));
  }

  /** A module-level function by name. */
  private Optional<PyNode> function(PyNode identifier) {
    String name = identifier.text();
    PyNode module = identifier;
    while (module.parent().isPresent()) {
      module = module.parent().get();
    }
    for (PyNode stmt : module.named()) {
      PyNode def = stmt.is("decorated_definition") ? stmt.child("definition").orElse(stmt) : stmt;
      if (def.is("function_definition")
          && def.child("name").map(n -> n.text().equals(name)).orElse(false)) {
        return Optional.of(def);
      }
    }
    return Optional.empty();
  }

  /**
   * Raw SQL and row deletions inside a RunPython function: {@code schema_editor.execute("...")},
   * {@code cursor.execute("...")}, {@code Model.objects.filter(...).delete()}.
   */
  private void lookInside(PyCall run, PyNode function, String within, List<Allowance> inherited) {
    String fname = function.child("name").map(PyNode::text).orElse("?");
    String where = join(within, "inside RunPython `" + fname + "`");
    Map<String, String> models = new HashMap<>();
    function.walk(
        n -> {
          if (n.is("assignment")) {
            Optional<PyNode> left = n.child("left");
            Optional<PyCall> right = n.child("right").flatMap(PyCall::of);
            if (left.isPresent()
                && left.get().is("identifier")
                && right.isPresent()
                && right.get().name().equals("get_model")) {
              PyCall g = right.get();
              Optional<String> a = g.arg(0, "app_label").flatMap(PyLiterals::string);
              Optional<String> b = g.arg(1, "model_name").flatMap(PyLiterals::string);
              if (a.isPresent() && b.isEmpty() && a.get().contains(".")) {
                b = Optional.of(a.get().substring(a.get().indexOf('.') + 1));
                a = Optional.of(a.get().substring(0, a.get().indexOf('.')));
              }
              if (a.isPresent() && b.isPresent()) {
                models.put(
                    left.get().text(),
                    a.get().equals(state.app)
                        ? state.model(b.get()).table()
                        : ModelState.defaultTable(a.get(), b.get()));
              }
            }
          }
        });
    function.walk(
        n -> {
          Optional<PyCall> c = n.is("call") ? PyCall.of(n) : Optional.empty();
          if (c.isEmpty()) {
            return;
          }
          PyCall call = c.get();
          String name = call.name();
          if ((name.equals("execute") || name.equals("executescript") || name.equals("executemany"))
              && !call.positional().isEmpty()) {
            Optional<String> text = PyLiterals.string(call.positional().get(0));
            if (text.isPresent()) {
              nestedSql(call, text.get(), where, inherited);
            } else {
              emitAt(
                  call,
                  new DynamicSql(
                      "`"
                          + fname
                          + "` executes SQL built at run time: `"
                          + abbreviate(call.positional().get(0).text())
                          + "`"),
                  null,
                  where,
                  inherited);
            }
          } else if (name.equals("delete")
              && call.positional().isEmpty()
              && call.receiver().contains(".objects")) {
            String base = call.receiver().substring(0, call.receiver().indexOf(".objects"));
            String table = models.get(base);
            if (table == null) {
              return;
            }
            List<String> filters = new ArrayList<>();
            collectFilters(call.node(), filters);
            Optional<Predicate> where2 =
                filters.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Predicate.opaque(String.join(" AND ", filters)));
            emitAt(
                call,
                new DeleteRows(table, where2),
                "DELETE FROM "
                    + sql.q(table)
                    + (filters.isEmpty() ? "" : " WHERE <" + String.join(" AND ", filters) + ">")
                    + ";",
                where,
                inherited);
          }
        });
  }

  private static void collectFilters(PyNode call, List<String> out) {
    PyNode n = call;
    while (n.is("call")) {
      PyNode fn = n.child("function").orElse(null);
      if (fn == null || !fn.is("attribute")) {
        return;
      }
      String method = fn.child("attribute").map(PyNode::text).orElse("");
      if (method.equals("filter") || method.equals("exclude")) {
        String args = n.child("arguments").map(PyNode::text).orElse("()");
        out.add(0, (method.equals("exclude") ? "NOT " : "") + args.replaceAll("\\s+", " "));
      }
      n = fn.child("object").orElse(null);
      if (n == null) {
        return;
      }
    }
  }

  private void nestedSql(PyCall call, String text, String within, List<Allowance> inherited) {
    if (source == null || replaying) {
      return;
    }
    Span span = source.span(call.node().start(), call.node().end());
    out.addAll(
        EmbeddedSql.analyze(
            source, text, dialect, span, call.text(), within, allowances(call, inherited)));
  }

  private void separate(PyCall call, String within, List<Allowance> inherited) {
    Optional<PyNode> database = call.arg(0, "database_operations");
    Optional<PyNode> stateOps = call.arg(1, "state_operations");
    statements--; // the wrapper itself is not an operation; its parts are
    List<Allowance> all = allowances(call, inherited);
    if (replaying) {
      stateOps.ifPresent(s -> run(s, Mode.BOTH, within, inherited));
      return;
    }
    database.ifPresent(
        d ->
            run(
                d,
                Mode.DATABASE_ONLY,
                join(within, "SeparateDatabaseAndState database_operations"),
                all));
    stateOps.ifPresent(
        s ->
            run(
                s,
                Mode.STATE_ONLY,
                join(within, "SeparateDatabaseAndState state_operations"),
                all));
    if (database.isEmpty() && stateOps.isEmpty()) {
      statements++;
      emit(call, new Benign("SeparateDatabaseAndState"), null, within, inherited);
    }
  }

  // ---- helpers

  private static Optional<String> str(PyCall call, int index, String keyword) {
    return call.arg(index, keyword).flatMap(PyLiterals::string);
  }

  private static String why(ModelState m) {
    return m.proxy ? "a proxy model (no table of its own)" : "an unmanaged model (managed=False)";
  }

  private String noTable(ModelState m) {
    return "-- no SQL: `" + m.name + "` is " + why(m);
  }

  private List<Allowance> allowances(PyCall call, List<Allowance> inherited) {
    if (source == null) {
      return List.of();
    }
    List<Allowance> all = new ArrayList<>(inherited);
    all.addAll(PyComments.allowances(call.node(), source));
    return all;
  }

  private void emit(
      PyCall call, Operation op, String generated, String within, List<Allowance> inherited) {
    if (source == null || replaying) {
      return;
    }
    emitAt(call, op, generated, within, inherited);
  }

  private void emitAt(
      PyCall call, Operation op, String generated, String within, List<Allowance> inherited) {
    if (source == null || replaying) {
      return;
    }
    out.add(
        new Occurrence(
            op,
            source.span(call.node().start(), call.node().end()),
            call.text(),
            Optional.ofNullable(generated),
            Optional.of(within.isEmpty() ? "migration " + migration : within),
            allowances(call, inherited)));
  }

  private void unparsed(PyNode node, String reason, String within, List<Allowance> inherited) {
    if (source == null || replaying) {
      return;
    }
    List<Allowance> all = new ArrayList<>(inherited);
    all.addAll(PyComments.allowances(node, source));
    out.add(
        new Occurrence(
            new UnparsedMigration("django", reason),
            source.span(node.start(), node.end()),
            node.text(),
            Optional.empty(),
            Optional.of(within.isEmpty() ? "migration " + migration : within),
            all));
  }

  private static String join(String within, String more) {
    return within.isEmpty() ? more : within + ", " + more;
  }

  static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 80 ? one.substring(0, 77) + "..." : one;
  }
}
