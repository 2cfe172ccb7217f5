package dev.airlock.migrations.alembic;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.IrreversibleMigration;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.operation.UpdateRows;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.EmbeddedSql;
import dev.airlock.migrations.python.PyCall;
import dev.airlock.migrations.python.PyComments;
import dev.airlock.migrations.python.PyLiterals;
import dev.airlock.migrations.python.PyNode;
import dev.airlock.migrations.python.PythonSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one Alembic revision. Only {@code upgrade()} runs forward, so only its {@code op.*} calls
 * (and {@code batch_op.*} calls inside {@code with op.batch_alter_table(...)}) become operations;
 * {@code downgrade()} is read to tell whether what upgrade() destroys can come back.
 */
final class AlembicFrontend implements Frontend {
  /** op.* functions that are helpers, not operations. */
  private static final Set<String> HELPERS =
      Set.of(
          "f",
          "get_bind",
          "get_context",
          "inline_literal",
          "batch_alter_table",
          "implementation_for",
          "invoke",
          "run_async",
          "register_operation",
          "get_impl");

  private static final Set<String> BENIGN =
      Set.of(
          "create_table",
          "add_column",
          "create_index",
          "create_foreign_key",
          "create_unique_constraint",
          "create_check_constraint",
          "create_primary_key",
          "create_table_comment",
          "drop_table_comment",
          "create_exclude_constraint",
          "bulk_insert",
          "create_sequence",
          "create_entity",
          "replace_entity",
          "create_or_replace_entity");
  private static final Pattern RESTORES = Pattern.compile("(?is)\\b(insert|update|copy)\\b");

  private final Dialect dialect;

  AlembicFrontend(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public Parsed parse(SourceText source) {
    PythonSource py = PythonSource.parse(source.text());
    Walk walk = new Walk(source, py);
    for (PyNode error : py.errors()) {
      int line = source.lineOf(error.start());
      walk.out.add(
          new Occurrence(
              new UnparsedMigration(
                  "alembic",
                  "Python syntax error at line " + line + "; operations there may be missed"),
              source.span(error.start(), error.start()),
              source.line(line).strip(),
              Optional.empty(),
              Optional.of(walk.revision),
              List.of()));
    }
    List<PyNode> upgrades = functions(py.root(), "upgrade");
    List<PyNode> downgrades = functions(py.root(), "downgrade");
    if (upgrades.isEmpty()) {
      walk.out.add(
          new Occurrence(
              new UnparsedMigration(
                  "alembic", "no `def upgrade()` found in a file under versions/"),
              source.span(0, 0),
              "",
              Optional.empty(),
              Optional.of(walk.revision),
              List.of()));
      return new Parsed(walk.out, 0);
    }
    for (PyNode up : upgrades) {
      walk.within =
          walk.revision + " " + up.child("name").map(PyNode::text).orElse("upgrade") + "()";
      up.child("body").ifPresent(b -> walk.visit(b, Map.of(), Map.of()));
    }
    walk.downgrade(downgrades);
    walk.out.sort((a, b) -> Integer.compare(a.span().startOffset(), b.span().startOffset()));
    return new Parsed(walk.out, walk.statements);
  }

  /**
   * Module-level functions named {@code name} or {@code name_<engine>} (multi-database template).
   */
  private static List<PyNode> functions(PyNode module, String name) {
    List<PyNode> out = new ArrayList<>();
    for (PyNode stmt : module.named()) {
      PyNode def = stmt.is("decorated_definition") ? stmt.child("definition").orElse(stmt) : stmt;
      if (def.is("function_definition")) {
        String n = def.child("name").map(PyNode::text).orElse("");
        if (n.equals(name) || n.startsWith(name + "_")) {
          out.add(def);
        }
      }
    }
    return out;
  }

  /** What upgrade() destroyed, for the downgrade check. */
  private record Destroyed(PyCall call, String table, String column, List<Allowance> allowances) {
    String label() {
      return column == null ? "table `" + table + "`" : "column `" + table + "." + column + "`";
    }
  }

  private final class Walk {
    final SourceText source;
    final List<Occurrence> out = new ArrayList<>();
    final List<Destroyed> destroyed = new ArrayList<>();
    final String revision;
    String within = "";
    int statements;

    Walk(SourceText source, PythonSource py) {
      this.source = source;
      String rev = "?";
      for (PyNode stmt : py.root().named()) {
        for (PyNode e : stmt.named()) {
          if (e.is("assignment")
              && e.child("left").map(l -> l.text().equals("revision")).orElse(false)) {
            rev = e.child("right").flatMap(PyLiterals::string).orElse(rev);
          }
        }
      }
      this.revision = "revision " + rev;
    }

    /**
     * @param batch batch alias -> table, inside {@code with op.batch_alter_table(...) as alias}
     * @param recreate batch alias -> whether the batch recreates the table
     */
    void visit(PyNode n, Map<String, String> batch, Map<String, Boolean> recreate) {
      if (n.is("with_statement")) {
        Map<String, String> inner = new HashMap<>(batch);
        Map<String, Boolean> innerRecreate = new HashMap<>(recreate);
        n.walk(
            item -> {
              if (item.is("as_pattern")
                  && item.parent().map(p -> p.is("with_item")).orElse(false)) {
                Optional<PyCall> c =
                    item.named().isEmpty() ? Optional.empty() : PyCall.of(item.named().get(0));
                Optional<PyNode> alias = item.child("alias");
                if (c.isPresent()
                    && c.get().name().equals("batch_alter_table")
                    && alias.isPresent()) {
                  String table =
                      c.get()
                          .arg(0, "table_name")
                          .map(t -> PyLiterals.string(t).orElse(t.text()))
                          .orElse("?");
                  String r = c.get().arg(-1, "recreate").flatMap(PyLiterals::string).orElse("auto");
                  inner.put(alias.get().text().strip(), table);
                  innerRecreate.put(
                      alias.get().text().strip(),
                      r.equals("always") || (r.equals("auto") && dialect == Dialect.SQLITE));
                }
              }
            });
        n.child("body").ifPresent(b -> visit(b, inner, innerRecreate));
        return;
      }
      if (n.is("call")) {
        Optional<PyCall> c = PyCall.of(n);
        if (c.isPresent() && handle(c.get(), batch, recreate)) {
          return;
        }
      }
      if (n.is("function_definition") || n.is("class_definition")) {
        return; // a nested helper runs only if called; its calls are counted where written
      }
      for (PyNode child : n.children()) {
        visit(child, batch, recreate);
      }
    }

    /**
     * @return true when the call was an operation (its arguments are not searched further)
     */
    boolean handle(PyCall call, Map<String, String> batch, Map<String, Boolean> recreate) {
      String receiver = call.receiver();
      String name = call.name();
      boolean isOp = receiver.equals("op") || receiver.endsWith(".op");
      String batchTable = batch.get(receiver);
      if (!isOp && batchTable == null) {
        if ((name.equals("execute") || name.equals("exec_driver_sql"))
            && !call.positional().isEmpty()) {
          statements++;
          execute(call, call.positional().get(0));
          return true;
        }
        return false;
      }
      if (HELPERS.contains(name)) {
        return false;
      }
      statements++;
      boolean remake = batchTable != null && recreate.getOrDefault(receiver, false);
      int shift = batchTable != null ? -1 : 0; // batch methods take no table argument
      String table = batchTable != null ? batchTable : str(call, 0, "table_name");
      switch (name) {
        case "drop_table" -> {
          String t = str(call, 0, "table_name");
          emit(
              call,
              new Drop(
                  ObjectKind.TABLE,
                  "table",
                  List.of(t),
                  call.keywords().containsKey("if_exists"),
                  false),
              "DROP TABLE "
                  + (call.keywords().containsKey("if_exists") ? "IF EXISTS " : "")
                  + q(t)
                  + ";");
          destroyed.add(new Destroyed(call, t, null, allowances(call)));
        }
        case "drop_column" -> {
          String c = str(call, 1 + shift, "column_name");
          emit(
              call,
              new DropColumn(table, c, call.keywords().containsKey("if_exists"), false),
              remake
                  ? remake(table, "drop column " + c)
                  : "ALTER TABLE " + q(table) + " DROP COLUMN " + q(c) + ";");
          destroyed.add(new Destroyed(call, table, c, allowances(call)));
        }
        case "alter_column" ->
            alterColumn(call, table, str(call, 1 + shift, "column_name"), remake);
        case "rename_table" -> {
          String from = str(call, 0, "old_table_name");
          String to = str(call, 1, "new_table_name");
          emit(
              call,
              new Rename(ObjectKind.TABLE, from, to),
              dialect == Dialect.MYSQL
                  ? "ALTER TABLE " + q(from) + " RENAME " + q(to) + ";"
                  : "ALTER TABLE " + q(from) + " RENAME TO " + q(to) + ";");
        }
        case "drop_index" -> {
          String ix = str(call, 0, "index_name");
          String t =
              batchTable != null
                  ? batchTable
                  : call.arg(1, "table_name").map(AlembicFrontend::name).orElse(null);
          boolean concurrently = call.keywords().containsKey("postgresql_concurrently");
          boolean ifExists = call.keywords().containsKey("if_exists");
          String generated =
              dialect == Dialect.MYSQL
                  ? "DROP INDEX " + q(ix) + " ON " + q(t == null ? "?" : t) + ";"
                  : "DROP INDEX "
                      + (concurrently && dialect != Dialect.SQLITE ? "CONCURRENTLY " : "")
                      + (ifExists ? "IF EXISTS " : "")
                      + q(ix)
                      + ";";
          emit(call, new Drop(ObjectKind.INDEX, "index", List.of(ix), ifExists, false), generated);
        }
        case "drop_constraint" -> {
          String c = str(call, 0, "constraint_name");
          String type = call.arg(2 + shift, "type_").flatMap(PyLiterals::string).orElse("");
          String t = batchTable != null ? batchTable : str(call, 1, "table_name");
          String generated;
          if (remake) {
            generated = remake(t, "drop constraint " + c);
          } else if (dialect == Dialect.MYSQL) {
            generated =
                "ALTER TABLE "
                    + q(t)
                    + " DROP "
                    + switch (type) {
                      case "foreignkey" -> "FOREIGN KEY " + q(c);
                      case "unique" -> "INDEX " + q(c);
                      case "check" -> "CHECK " + q(c);
                      case "primary" -> "PRIMARY KEY";
                      default -> "CONSTRAINT " + q(c);
                    }
                    + ";";
          } else {
            generated = "ALTER TABLE " + q(t) + " DROP CONSTRAINT " + q(c) + ";";
          }
          emit(call, new DropConstraint(t, c, false), generated);
        }
        case "execute" -> {
          if (call.positional().isEmpty() && !call.keywords().containsKey("sqltext")) {
            unparsed(call, "op.execute without SQL");
          } else {
            execute(call, call.arg(0, "sqltext").orElseThrow());
          }
        }
        default -> {
          if (BENIGN.contains(name)) {
            emit(
                call,
                new Benign("op." + name),
                remake ? remake(table, name.replace('_', ' ')) : null);
          } else if (name.startsWith("drop_")) {
            String what = name.substring(5).replace('_', ' ');
            String target = call.positional().isEmpty() ? "?" : name(call.positional().get(0));
            emit(call, new Drop(ObjectKind.OTHER, what, List.of(target), false, false), null);
          } else {
            unparsed(
                call,
                "unknown operation `" + call.callee() + "`: airlock cannot tell what SQL it runs");
          }
        }
      }
      return true;
    }

    private void alterColumn(PyCall call, String table, String column, boolean remake) {
      Optional<PyNode> type = call.arg(-1, "type_");
      Optional<String> newName = call.arg(-1, "new_column_name").flatMap(PyLiterals::string);
      boolean any = false;
      if (type.isPresent() && !PyLiterals.isNone(type.get())) {
        String t = SqlTypes.render(type.get(), dialect);
        String generated;
        if (remake) {
          generated = remake(table, "change the type of " + column + " to " + t);
        } else if (dialect == Dialect.SQLITE) {
          generated =
              "-- SQLite has no ALTER COLUMN ... TYPE: outside batch mode this fails; batch mode recreates "
                  + q(table)
                  + "\n"
                  + "ALTER TABLE "
                  + q(table)
                  + " ALTER COLUMN "
                  + q(column)
                  + " TYPE "
                  + t
                  + ";";
        } else if (dialect == Dialect.MYSQL) {
          boolean nullable =
              call.arg(-1, "nullable")
                  .or(() -> call.arg(-1, "existing_nullable"))
                  .flatMap(PyLiterals::bool)
                  .orElse(true);
          generated =
              "ALTER TABLE "
                  + q(table)
                  + " MODIFY "
                  + q(column)
                  + " "
                  + t
                  + (nullable ? " NULL" : " NOT NULL")
                  + ";";
        } else {
          Optional<String> using = call.arg(-1, "postgresql_using").flatMap(PyLiterals::string);
          generated =
              "ALTER TABLE "
                  + q(table)
                  + " ALTER COLUMN "
                  + q(column)
                  + " TYPE "
                  + t
                  + using.map(u -> " USING " + u).orElse("")
                  + ";";
        }
        emit(call, new AlterColumnType(table, column, t), generated);
        any = true;
      }
      if (newName.isPresent()) {
        String generated;
        if (remake) {
          generated = remake(table, "rename column " + column);
        } else if (dialect == Dialect.MYSQL) {
          String existing =
              call.arg(-1, "existing_type")
                  .map(t -> SqlTypes.render(t, dialect))
                  .orElse("<existing type>");
          generated =
              "ALTER TABLE "
                  + q(table)
                  + " CHANGE "
                  + q(column)
                  + " "
                  + q(newName.get())
                  + " "
                  + existing
                  + ";";
        } else if (dialect == Dialect.SQLITE) {
          generated =
              "ALTER TABLE "
                  + q(table)
                  + " RENAME COLUMN "
                  + q(column)
                  + " TO "
                  + q(newName.get())
                  + ";";
        } else {
          generated =
              "ALTER TABLE " + q(table) + " RENAME " + q(column) + " TO " + q(newName.get()) + ";";
        }
        emit(call, new RenameColumn(table, column, newName.get()), generated);
        any = true;
      }
      if (!any) {
        Optional<Boolean> nullable = call.arg(-1, "nullable").flatMap(PyLiterals::bool);
        String generated =
            nullable
                .map(
                    nl ->
                        remake
                            ? remake(table, "change the nullability of " + column)
                            : dialect == Dialect.MYSQL
                                ? "ALTER TABLE "
                                    + q(table)
                                    + " MODIFY "
                                    + q(column)
                                    + " <existing type>"
                                    + (nl ? " NULL;" : " NOT NULL;")
                                : "ALTER TABLE "
                                    + q(table)
                                    + " ALTER COLUMN "
                                    + q(column)
                                    + (nl ? " DROP NOT NULL;" : " SET NOT NULL;"))
                .orElse(null);
        emit(
            call,
            new Benign(
                "op.alter_column"
                    + nullable.map(nl -> nl ? " (drops NOT NULL)" : " (sets NOT NULL)").orElse("")),
            generated);
      }
    }

    /** op.execute / conn.execute: SQL text, sa.text(...), or a SQLAlchemy expression. */
    private void execute(PyCall call, PyNode arg) {
      PyNode a = arg.unwrap();
      Optional<String> sql = PyLiterals.string(a);
      if (sql.isEmpty()) {
        Optional<PyCall> inner = PyCall.of(a);
        if (inner.isPresent()
            && (inner.get().name().equals("text") || inner.get().name().equals("literal_column"))
            && !inner.get().positional().isEmpty()) {
          sql = PyLiterals.string(inner.get().positional().get(0));
        }
      }
      if (sql.isPresent()) {
        List<Occurrence> found =
            EmbeddedSql.analyze(
                source, sql.get(), dialect, span(call), call.text(), within, allowances(call));
        if (found.isEmpty()) {
          emit(call, new Benign("execute (no SQL)"), sql.get());
        }
        for (Occurrence o : found) {
          out.add(o);
          if (o.operation() instanceof Drop d && d.kind() == ObjectKind.TABLE) {
            d.names().forEach(t -> destroyed.add(new Destroyed(call, t, null, o.allowances())));
          } else if (o.operation() instanceof DropColumn dc) {
            destroyed.add(new Destroyed(call, dc.table(), dc.column(), o.allowances()));
          }
        }
        return;
      }
      // SQLAlchemy Core: t.delete(), sa.delete(t), t.update(), sa.update(t), select(...)
      String chain = PyCall.dotted(a);
      if (chain.matches("(?s).*\\b(delete)\\(\\).*")
          || chain.startsWith("sa.delete()")
          || chain.startsWith("delete()")) {
        boolean where = chain.contains(".where()") || chain.contains(".filter()");
        emit(
            call,
            new DeleteRows(
                tableOf(a),
                where
                    ? Optional.of(dev.airlock.core.operation.Predicate.opaque(abbreviate(a.text())))
                    : Optional.empty()),
            null);
      } else if (chain.matches("(?s).*\\b(update)\\(\\).*")) {
        boolean where = chain.contains(".where()") || chain.contains(".filter()");
        emit(
            call,
            new UpdateRows(
                tableOf(a),
                List.of(),
                where
                    ? Optional.of(dev.airlock.core.operation.Predicate.opaque(abbreviate(a.text())))
                    : Optional.empty()),
            null);
      } else if (chain.matches("(?s).*\\b(select|insert)\\(\\).*")) {
        emit(
            call,
            new Benign(
                "execute of a SQLAlchemy " + (chain.contains("insert()") ? "INSERT" : "SELECT")),
            null);
      } else {
        emit(
            call,
            new DynamicSql("executes SQL built at run time: `" + abbreviate(a.text()) + "`"),
            null);
      }
    }

    /**
     * The table a Core expression works on: the name given to sa.table("name", ...) for its
     * variable.
     */
    private String tableOf(PyNode expr) {
      PyNode[] base = new PyNode[1];
      expr.walk(
          n -> {
            if (base[0] == null
                && n.is("identifier")
                && !n.text().equals("sa")
                && !n.text().equals("op")
                && n.field() != null
                && n.field().equals("object")) {
              base[0] = n;
            }
            if (base[0] == null
                && n.is("argument_list")
                && !n.named().isEmpty()
                && n.named().get(0).is("identifier")) {
              base[0] = n.named().get(0);
            }
          });
      if (base[0] == null) {
        return "?";
      }
      return PyLiterals.resolve(base[0])
          .flatMap(PyCall::of)
          .filter(c -> c.name().equals("table") || c.name().equals("Table"))
          .flatMap(c -> c.arg(0, "name"))
          .flatMap(PyLiterals::string)
          .orElse(base[0].text());
    }

    void downgrade(List<PyNode> downgrades) {
      if (destroyed.isEmpty()) {
        return;
      }
      if (downgrades.isEmpty()) {
        for (Destroyed d : destroyed) {
          irreversible(
              d, "there is no downgrade(), so the dropped " + d.label() + " cannot come back");
        }
        return;
      }
      List<PyCall> calls = new ArrayList<>();
      Map<PyCall, String> batchTable = new LinkedHashMap<>();
      boolean raises = false;
      boolean empty = true;
      boolean restores = false;
      for (PyNode fn : downgrades) {
        PyNode body = fn.child("body").orElse(null);
        if (body == null) {
          continue;
        }
        for (PyNode stmt : body.named()) {
          boolean trivial =
              stmt.is("pass_statement")
                  || (stmt.is("expression_statement")
                      && stmt.named().size() == 1
                      && (stmt.named().get(0).is("string") || stmt.named().get(0).is("ellipsis")));
          if (!trivial) {
            empty = false;
          }
          if (stmt.is("raise_statement")) {
            raises = true;
          }
        }
        collect(body, Map.of(), calls, batchTable);
      }
      for (PyCall c : calls) {
        String n = c.name();
        if (n.equals("bulk_insert")) {
          restores = true;
        } else if ((n.equals("execute") || n.equals("exec_driver_sql"))
            && !c.positional().isEmpty()) {
          PyNode a = c.positional().get(0).unwrap();
          Optional<String> sql =
              PyLiterals.string(a)
                  .or(
                      () ->
                          PyCall.of(a)
                              .filter(t -> !t.positional().isEmpty())
                              .flatMap(t -> PyLiterals.string(t.positional().get(0))));
          if (sql.isEmpty() || RESTORES.matcher(sql.get()).find()) {
            restores = true;
          }
        }
      }
      for (Destroyed d : destroyed) {
        if (raises) {
          irreversible(d, "downgrade() raises, so the dropped " + d.label() + " cannot come back");
          continue;
        }
        if (empty) {
          irreversible(
              d, "downgrade() does nothing, so the dropped " + d.label() + " cannot come back");
          continue;
        }
        boolean recreated = false;
        for (PyCall c : calls) {
          if (d.column == null
              && c.name().equals("create_table")
              && table(c, 0, "table_name").equals(d.table)) {
            recreated = true;
          }
          if (d.column != null && c.name().equals("add_column")) {
            String t = batchTable.containsKey(c) ? batchTable.get(c) : table(c, 0, "table_name");
            PyNode col =
                batchTable.containsKey(c)
                    ? c.arg(0, "column").orElse(null)
                    : c.arg(1, "column").orElse(null);
            String colName =
                col == null
                    ? ""
                    : PyCall.of(col)
                        .flatMap(cc -> cc.arg(0, "name"))
                        .flatMap(PyLiterals::string)
                        .orElse("");
            if (t.equals(d.table) && colName.equals(d.column)) {
              recreated = true;
            }
          }
        }
        String what = d.column == null ? "`" + d.table + "`" : "`" + d.column + "`";
        if (!recreated) {
          irreversible(
              d, "downgrade() does not re-create " + what + ", so its data is gone for good");
        } else if (!restores) {
          irreversible(d, "downgrade re-creates " + what + " empty; its data is gone");
        }
      }
    }

    private void collect(
        PyNode n, Map<String, String> batch, List<PyCall> calls, Map<PyCall, String> batchTable) {
      if (n.is("with_statement")) {
        Map<String, String> inner = new HashMap<>(batch);
        n.walk(
            item -> {
              if (item.is("as_pattern") && !item.named().isEmpty()) {
                Optional<PyCall> c = PyCall.of(item.named().get(0));
                if (c.isPresent() && c.get().name().equals("batch_alter_table")) {
                  item.child("alias")
                      .ifPresent(
                          a ->
                              inner.put(
                                  a.text().strip(),
                                  c.get()
                                      .arg(0, "table_name")
                                      .map(t -> PyLiterals.string(t).orElse(t.text()))
                                      .orElse("?")));
                }
              }
            });
        n.child("body").ifPresent(b -> collect(b, inner, calls, batchTable));
        return;
      }
      if (n.is("call")) {
        PyCall.of(n)
            .ifPresent(
                c -> {
                  calls.add(c);
                  if (batch.containsKey(c.receiver())) {
                    batchTable.put(c, batch.get(c.receiver()));
                  }
                });
      }
      for (PyNode child : n.children()) {
        collect(child, batch, calls, batchTable);
      }
    }

    private void irreversible(Destroyed d, String reason) {
      out.add(
          new Occurrence(
              new IrreversibleMigration(reason),
              span(d.call),
              d.call.text(),
              Optional.empty(),
              Optional.of(revision + " downgrade()"),
              d.allowances));
    }

    private String remake(String table, String what) {
      String tmp = "_alembic_tmp_" + table;
      return "-- batch mode recreates "
          + q(table)
          + " to "
          + what
          + "\n"
          + "CREATE TABLE "
          + q(tmp)
          + " (...);\n"
          + "INSERT INTO "
          + q(tmp)
          + " (...) SELECT ... FROM "
          + q(table)
          + ";\n"
          + "DROP TABLE "
          + q(table)
          + ";\n"
          + "ALTER TABLE "
          + q(tmp)
          + " RENAME TO "
          + q(table)
          + ";";
    }

    private void emit(PyCall call, Operation op, String generated) {
      out.add(
          new Occurrence(
              op,
              span(call),
              call.text(),
              Optional.ofNullable(generated),
              Optional.of(within),
              allowances(call)));
    }

    private void unparsed(PyCall call, String reason) {
      emit(call, new UnparsedMigration("alembic", reason), null);
    }

    private dev.airlock.core.source.Span span(PyCall call) {
      return source.span(call.node().start(), call.node().end());
    }

    private List<Allowance> allowances(PyCall call) {
      List<Allowance> all = new ArrayList<>(PyComments.allowances(call.node(), source));
      // an allow comment above the enclosing `with op.batch_alter_table(...)` covers its body
      call.node()
          .ancestor("with_statement")
          .ifPresent(w -> all.addAll(PyComments.allowances(w, source)));
      return all;
    }
  }

  private static String str(PyCall call, int index, String keyword) {
    return table(call, index, keyword);
  }

  /** A string argument's value, or the expression as written when it is computed. */
  private static String table(PyCall call, int index, String keyword) {
    return call.arg(index, keyword).map(AlembicFrontend::name).orElse("?");
  }

  /**
   * A name argument: a string, {@code op.f("name")} (naming convention bypass), or the expression.
   */
  private static String name(PyNode arg) {
    Optional<PyCall> f =
        PyCall.of(arg)
            .filter(
                c ->
                    (c.name().equals("f") || c.name().equals("conv"))
                        && c.positional().size() == 1);
    if (f.isPresent()) {
      return name(f.get().positional().get(0));
    }
    return PyLiterals.string(arg).orElse(arg.text());
  }

  /** SQLAlchemy quotes only names that need it (upper case, reserved, odd characters). */
  private String q(String name) {
    if (name.matches("[a-z_][a-z0-9_$]*") && !RESERVED.contains(name)) {
      return name;
    }
    return dialect == Dialect.MYSQL ? "`" + name + "`" : "\"" + name + "\"";
  }

  private static final Set<String> RESERVED =
      Set.of(
          "user",
          "order",
          "group",
          "table",
          "select",
          "where",
          "from",
          "limit",
          "offset",
          "desc",
          "asc",
          "check",
          "column",
          "default",
          "primary",
          "references",
          "key",
          "index",
          "to",
          "end",
          "all",
          "and",
          "or",
          "not",
          "null",
          "session",
          "constraint",
          "grant",
          "on",
          "in",
          "is",
          "as",
          "by");

  static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 80 ? one.substring(0, 77) + "..." : one;
  }
}
