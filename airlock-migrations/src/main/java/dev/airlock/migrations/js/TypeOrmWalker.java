package dev.airlock.migrations.js;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Predicate;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.operation.SchemaWipe;
import dev.airlock.core.operation.Truncate;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.operation.UpdateRows;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.js.Emitter.Chain;
import dev.airlock.migrations.js.Emitter.Effect;
import dev.airlock.migrations.js.Emitter.Link;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * Reads one TypeORM migration: finds the classes with an {@code up(queryRunner)} method (they
 * implement {@code MigrationInterface}), walks {@code up} for {@code queryRunner.query(...)} SQL
 * and the query runner's schema methods, follows helper methods of the class called with the query
 * runner, and reads {@code down} to report drops it cannot undo.
 */
final class TypeOrmWalker {
  static final String FORMAT = "typeorm";

  private static final Set<String> READS =
      Set.of(
          "hasTable",
          "hasColumn",
          "getTable",
          "getTables",
          "getView",
          "getViews",
          "hasDatabase",
          "hasSchema",
          "startTransaction",
          "commitTransaction",
          "rollbackTransaction",
          "release",
          "connect",
          "getDatabases",
          "getSchemas",
          "getCurrentDatabase",
          "getCurrentSchema",
          "clearSqlMemory",
          "enableSqlMemory",
          "disableSqlMemory",
          "getMemorySql",
          "executeMemoryUpSql",
          "executeMemoryDownSql",
          "hasEnumType",
          "getReplicationMode",
          "isTransactionActive",
          "stream");
  private static final Set<String> NEUTRAL_ROOTS =
      Set.of(
          "console", "Promise", "Math", "JSON", "Object", "Array", "String", "Number", "Date",
          "logger", "Logger", "process", "Buffer");
  private static final Pattern WRITES_SQL =
      Pattern.compile("(?i)\\b(insert|update|copy|merge|replace)\\b");

  private final Emitter e;
  private final JsSource src;
  private final JsValues values;
  private final TypeOrmSql sql;
  private final Set<String> runners = new HashSet<>();
  private final Set<String> inlining = new HashSet<>();
  private Map<String, TSNode> methods = Map.of();

  private record Ctx(String within, Map<String, TSNode> bindings) {
    Ctx withBinding(String name, TSNode value) {
      Map<String, TSNode> b = new HashMap<>(bindings);
      b.put(name, value);
      return new Ctx(within, b);
    }
  }

  private TypeOrmWalker(JsSource src, Dialect dialect) {
    this.e = new Emitter(src, FORMAT);
    this.src = src;
    this.values = e.values;
    this.sql = new TypeOrmSql(dialect);
  }

  static Parsed parse(SourceText source, Dialect dialect) {
    JsSource src;
    try {
      src = new JsSource(source);
    } catch (RuntimeException | UnsatisfiedLinkError ex) {
      return new Parsed(
          List.of(
              new Occurrence(
                  new UnparsedMigration(FORMAT, "the TypeScript parser failed: " + ex.getMessage()),
                  source.span(0, 0),
                  "",
                  Optional.empty(),
                  Optional.empty(),
                  List.of())),
          0);
    }
    return new TypeOrmWalker(src, dialect).run();
  }

  private Parsed run() {
    e.syntaxErrors();
    List<TSNode> classes = new ArrayList<>();
    collectClasses(src.root, classes);
    if (classes.isEmpty()) {
      e.unparsed("no class with an `up(queryRunner)` method, as a TypeORM migration has");
    }
    for (TSNode cls : classes) {
      migration(cls);
    }
    return new Parsed(e.out, e.statements);
  }

  private void collectClasses(TSNode node, List<TSNode> out) {
    String type = node.getType();
    if ((type.equals("class_declaration")
            || type.equals("class")
            || type.equals("abstract_class_declaration"))
        && methodsOf(node).containsKey("up")) {
      out.add(node);
      return;
    }
    for (TSNode c : JsSource.named(node)) {
      collectClasses(c, out);
    }
  }

  private Map<String, TSNode> methodsOf(TSNode cls) {
    Map<String, TSNode> found = new LinkedHashMap<>();
    for (TSNode m : JsSource.named(JsSource.field(cls, "body"))) {
      if (m.getType().equals("method_definition")) {
        TSNode name = JsSource.field(m, "name");
        if (name != null) {
          found.putIfAbsent(src.text(name), m);
        }
      } else if (m.getType().equals("public_field_definition")
          || m.getType().equals("field_definition")) {
        // up = async (queryRunner) => { ... }
        TSNode name = JsSource.field(m, "name");
        if (name == null) {
          name = JsSource.field(m, "property");
        }
        TSNode value = JsSource.unwrap(JsSource.field(m, "value"));
        if (name != null
            && value != null
            && value.getType().matches("arrow_function|function_expression|function")) {
          found.putIfAbsent(src.text(name), value);
        }
      }
    }
    return found;
  }

  private void migration(TSNode cls) {
    TSNode nameNode = JsSource.field(cls, "name");
    String name = nameNode == null ? "anonymous migration class" : src.text(nameNode);
    methods = methodsOf(cls);
    TSNode up = methods.get("up");
    TSNode down = methods.get("down");
    String param = firstParam(up);
    runners.add(param == null ? "queryRunner" : param);
    if (down != null && firstParam(down) != null) {
      runners.add(firstParam(down));
    }
    int first = e.out.size();
    walkFunction(up, new Ctx("`up` of " + name, Map.of()));
    e.rollback(first, up, down, "up` of `" + name, "down` of `" + name, this::effect);
  }

  private String firstParam(TSNode fn) {
    if (fn == null) {
      return null;
    }
    TSNode single = JsSource.field(fn, "parameter");
    if (single != null) {
      return single.getType().equals("identifier") ? src.text(single) : null;
    }
    List<TSNode> params = JsSource.named(JsSource.field(fn, "parameters"));
    if (params.isEmpty()) {
      return null;
    }
    TSNode p = params.get(0);
    if (p.getType().equals("required_parameter") || p.getType().equals("optional_parameter")) {
      p = JsSource.field(p, "pattern");
    }
    return p != null && p.getType().equals("identifier") ? src.text(p) : null;
  }

  // ---------------------------------------------------------------- walking

  private void walkFunction(TSNode fn, Ctx ctx) {
    TSNode body = fn == null ? null : JsSource.field(fn, "body");
    if (body != null) {
      walk(body, ctx);
    }
  }

  private void walk(TSNode node, Ctx ctx) {
    switch (node.getType()) {
      case "comment",
          "string",
          "template_string",
          "number",
          "regex",
          "type_annotation",
          "property_identifier" -> {}
      case "call_expression" -> call(node, ctx);
      case "for_in_statement" -> forOf(node, ctx);
      default -> {
        for (TSNode c : JsSource.named(node)) {
          walk(c, ctx);
        }
      }
    }
  }

  private void forOf(TSNode node, Ctx ctx) {
    TSNode left = JsSource.field(node, "left");
    TSNode right = JsSource.field(node, "right");
    TSNode body = JsSource.field(node, "body");
    List<TSNode> elements = right == null ? null : values.elements(right, ctx.bindings());
    if (left != null
        && left.getType().equals("identifier")
        && elements != null
        && body != null
        && src.text(node).contains(" of ")) {
      for (TSNode element : elements) {
        walk(body, ctx.withBinding(src.text(left), element));
      }
      return;
    }
    for (TSNode c : JsSource.named(node)) {
      walk(c, ctx);
    }
  }

  private void call(TSNode node, Ctx ctx) {
    Chain chain = Emitter.chain(src, node);
    TSNode root = chain.root();
    String rootName = root == null ? "" : src.text(root);
    List<Link> links = chain.links();
    if (runners.contains(rootName) && !links.isEmpty()) {
      runnerChain(chain, ctx);
      return;
    }
    if (root != null
        && root.getType().equals("this")
        && !links.isEmpty()
        && links.get(0).called()
        && methods.containsKey(links.get(0).name())) {
      helper(links.get(0), ctx);
    } else if (eachOverLiteral(chain, ctx)) {
      return;
    }
    walkArgs(chain, ctx);
  }

  private void walkArgs(Chain chain, Ctx ctx) {
    if (chain.root() != null && !chain.root().getType().matches("identifier|this")) {
      walk(chain.root(), ctx);
    }
    for (Link l : chain.links()) {
      for (TSNode a : l.args()) {
        walk(a, ctx);
      }
    }
  }

  /** {@code await this.dropLegacy(queryRunner)}: the helper's body runs forward too. */
  private void helper(Link call, Ctx ctx) {
    String name = call.name();
    if (name.equals("up") || name.equals("down") || !inlining.add(name)) {
      return;
    }
    try {
      TSNode m = methods.get(name);
      List<TSNode> args = call.args();
      List<TSNode> params = JsSource.named(JsSource.field(m, "parameters"));
      for (int i = 0; i < args.size() && i < params.size(); i++) {
        if (runners.contains(src.text(JsSource.unwrap(args.get(i))))) {
          TSNode p = params.get(i);
          TSNode pattern = JsSource.field(p, "pattern");
          runners.add(src.text(pattern != null ? pattern : p));
        }
      }
      walkFunction(m, new Ctx(ctx.within() + " via `" + name + "`", ctx.bindings()));
    } finally {
      inlining.remove(name);
    }
  }

  private boolean eachOverLiteral(Chain chain, Ctx ctx) {
    if (chain.root() == null || chain.links().isEmpty()) {
      return false;
    }
    Link l0 = chain.links().get(0);
    if (!l0.called() || !Set.of("forEach", "map", "flatMap").contains(l0.name())) {
      return false;
    }
    List<TSNode> elements = values.elements(chain.root(), ctx.bindings());
    TSNode fn = l0.arg(0) == null ? null : JsSource.unwrap(l0.arg(0));
    String param =
        fn == null || !fn.getType().matches("arrow_function|function_expression|function")
            ? null
            : firstParam(fn);
    if (elements == null || param == null) {
      return false;
    }
    for (TSNode element : elements) {
      walkFunction(fn, ctx.withBinding(param, element));
    }
    return true;
  }

  // ---------------------------------------------------------------- queryRunner.*

  private void runnerChain(Chain chain, Ctx ctx) {
    List<Link> links = chain.links();
    Link l0 = links.get(0);
    String m = l0.name();
    if ((m.equals("manager") || m.equals("connection")) && links.size() > 1) {
      managerChain(chain, 1, ctx);
      return;
    }
    if (!l0.called()) {
      walkArgs(chain, ctx);
      return;
    }
    Map<String, TSNode> b = ctx.bindings();
    TSNode call = l0.call();
    String w = ctx.within();
    switch (m) {
      case "query", "sql" ->
          e.embedded(
              call,
              l0.arg(0),
              l0.args(),
              "queryRunner.query",
              sql.dialect(),
              w,
              b,
              List.of(),
              s -> s);
      case "dropTable" -> {
        String t = tableName(l0.arg(0), b);
        boolean ifExists = l0.arg(1) != null && src.text(l0.arg(1)).equals("true");
        e.statement(
            new Drop(ObjectKind.TABLE, "table", List.of(t), ifExists, false),
            call,
            w,
            (ifExists ? "-- only when it exists (TypeORM checks first)\n" : "") + sql.dropTable(t),
            List.of());
      }
      case "dropColumn" -> {
        String t = tableName(l0.arg(0), b);
        String c = values.nameOrText(l0.arg(1), b);
        e.statement(new DropColumn(t, c, false, false), call, w, sql.dropColumn(t, c), List.of());
      }
      case "dropColumns" -> {
        String t = tableName(l0.arg(0), b);
        List<String> cols = values.names(l0.arg(1), b);
        for (String c : cols.isEmpty() ? List.of("?") : cols) {
          e.emit(new DropColumn(t, c, false, false), call, w, sql.dropColumn(t, c), List.of());
        }
        e.statements++;
      }
      case "renameColumn" -> {
        String t = tableName(l0.arg(0), b);
        String from = values.nameOrText(l0.arg(1), b);
        String to = values.nameOrText(l0.arg(2), b);
        e.statement(
            new RenameColumn(t, from, to), call, w, sql.renameColumn(t, from, to), List.of());
      }
      case "renameTable" -> {
        String from = tableName(l0.arg(0), b);
        String to = values.nameOrText(l0.arg(1), b);
        e.statement(
            new Rename(ObjectKind.TABLE, from, to), call, w, sql.renameTable(from, to), List.of());
      }
      case "changeColumn" -> {
        changeColumn(call, tableName(l0.arg(0), b), l0.arg(1), l0.arg(2), ctx);
        e.statements++;
      }
      case "changeColumns" -> {
        String t = tableName(l0.arg(0), b);
        List<TSNode> changes = values.elements(l0.arg(1), b);
        for (TSNode change : changes == null ? List.<TSNode>of() : changes) {
          TSNode obj = values.objectOf(change, b, 0);
          if (obj != null) {
            changeColumn(
                call, t, values.property(obj, "oldColumn"), values.property(obj, "newColumn"), ctx);
          }
        }
        e.statements++;
      }
      case "dropIndex", "dropIndices" -> {
        String t = tableName(l0.arg(0), b);
        for (Named n : constraintNames(m.equals("dropIndex"), l0.arg(1), b)) {
          e.emit(
              Drop.of(ObjectKind.INDEX, n.display()),
              call,
              w,
              n.render(sql.dropIndex(t, n.sql())),
              List.of());
        }
        e.statements++;
      }
      case "dropForeignKey", "dropForeignKeys" -> {
        String t = tableName(l0.arg(0), b);
        for (Named n : constraintNames(m.equals("dropForeignKey"), l0.arg(1), b)) {
          e.emit(
              new DropConstraint(t, n.display(), false),
              call,
              w,
              n.render(sql.dropForeignKey(t, n.sql())),
              List.of());
        }
        e.statements++;
      }
      case "dropPrimaryKey" -> {
        String t = tableName(l0.arg(0), b);
        String n = l0.arg(1) != null ? values.nameOrText(l0.arg(1), b) : "primary key";
        e.statement(
            new DropConstraint(t, n, false),
            call,
            w,
            sql.dropPrimaryKey(t, l0.arg(1) != null ? n : "PK_…"),
            List.of());
      }
      case "dropUniqueConstraint", "dropUniqueConstraints" -> {
        String t = tableName(l0.arg(0), b);
        for (Named n : constraintNames(m.equals("dropUniqueConstraint"), l0.arg(1), b)) {
          e.emit(
              new DropConstraint(t, n.display(), false),
              call,
              w,
              n.render(sql.dropUnique(t, n.sql())),
              List.of());
        }
        e.statements++;
      }
      case "dropCheckConstraint",
          "dropCheckConstraints",
          "dropExclusionConstraint",
          "dropExclusionConstraints" -> {
        String t = tableName(l0.arg(0), b);
        boolean one = m.endsWith("Constraint");
        for (Named n : constraintNames(one, l0.arg(1), b)) {
          e.emit(
              new DropConstraint(t, n.display(), false),
              call,
              w,
              n.render(sql.dropCheck(t, n.sql())),
              List.of());
        }
        e.statements++;
      }
      case "clearTable" -> {
        String t = tableName(l0.arg(0), b);
        e.statement(new Truncate(List.of(t), false), call, w, sql.clearTable(t), List.of());
      }
      case "dropView" -> {
        String v = tableName(l0.arg(0), b);
        TSNode obj = values.objectOf(l0.arg(0), b, 0);
        boolean materialized =
            obj != null
                && values.property(obj, "materialized") != null
                && src.text(values.property(obj, "materialized")).equals("true");
        ObjectKind kind = materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW;
        e.statement(Drop.of(kind, v), call, w, sql.dropView(v, materialized), List.of());
      }
      case "dropSchema" -> {
        String s = values.nameOrText(l0.arg(0), b);
        boolean ifExists = l0.arg(1) != null && src.text(l0.arg(1)).equals("true");
        boolean cascade = l0.arg(2) != null && src.text(l0.arg(2)).equals("true");
        e.statement(
            new Drop(ObjectKind.SCHEMA, "schema", List.of(s), ifExists, cascade),
            call,
            w,
            sql.dropSchema(s, ifExists, cascade),
            List.of());
      }
      case "dropDatabase" -> {
        String d = values.nameOrText(l0.arg(0), b);
        boolean ifExists = l0.arg(1) != null && src.text(l0.arg(1)).equals("true");
        e.statement(
            new Drop(ObjectKind.DATABASE, "database", List.of(d), ifExists, false),
            call,
            w,
            sql.dropDatabase(d, ifExists),
            List.of());
      }
      case "clearDatabase" ->
          e.statement(
              new SchemaWipe("queryRunner.clearDatabase()"),
              call,
              w,
              "-- drops every table, view and enum type of the database",
              List.of());
      case "createQueryBuilder" -> queryBuilder(chain, 1, null, ctx);
      default -> {
        if (!READS.contains(m)) {
          e.statement(new Benign("queryRunner." + m), call, w, null, List.of());
        }
      }
    }
    walkArgs(chain, ctx);
  }

  /**
   * {@code changeColumn(table, old, new TableColumn({...}))}: a type or length change recreates the
   * column.
   */
  private void changeColumn(TSNode call, String table, TSNode oldArg, TSNode newArg, Ctx ctx) {
    Map<String, TSNode> b = ctx.bindings();
    String column = values.nameOrText(oldArg, b);
    TSNode newObj = newArg == null ? null : values.objectOf(newArg, b, 0);
    TSNode oldObj = oldArg == null ? null : values.objectOf(oldArg, b, 0);
    String newName =
        newObj == null ? column : values.nameOrText(values.property(newObj, "name"), b);
    if (newName.equals("?")) {
      newName = column;
    }
    String newType = newObj == null ? "?" : typeOf(newObj, b);
    String w = ctx.within();
    if (!newName.equals(column)) {
      e.emit(
          new RenameColumn(table, column, newName),
          call,
          w,
          sql.renameColumn(table, column, newName),
          List.of());
    }
    if (oldObj != null && newObj != null) {
      boolean same = typeOf(oldObj, b).equals(newType);
      if (same) {
        e.emit(new Benign("changeColumn"), call, w, null, List.of());
      } else if (sql.sqlite()) {
        e.emit(
            new AlterColumnType(table, column, newType),
            call,
            w,
            sql.changeColumn(table, column, newName, newType),
            List.of());
      } else {
        e.emit(
            new DropColumn(table, column, false, false),
            call,
            w + "; changeColumn re-creates the column",
            sql.recreateColumn(table, column, newName, newType),
            List.of());
      }
      return;
    }
    e.emit(
        new AlterColumnType(table, column, newType),
        call,
        w,
        sql.changeColumn(table, column, newName, newType),
        List.of());
  }

  private String typeOf(TSNode obj, Map<String, TSNode> b) {
    TSNode type = values.property(obj, "type");
    TSNode length = values.property(obj, "length");
    String t = type == null ? "?" : values.nameOrText(type, b);
    String l = length == null ? null : values.nameOrText(length, b);
    return sql.type(t, l);
  }

  /** A constraint as findings name it, and as the SQL shows it ("…" when found at run time). */
  private record Named(String display, String sql, String note) {
    String render(String generated) {
      return note == null ? generated : generated + "  -- " + note;
    }
  }

  private List<Named> constraintNames(boolean one, TSNode arg, Map<String, TSNode> b) {
    if (arg == null) {
      return List.of(new Named("?", "?", null));
    }
    if (!one) {
      return values.names(arg, b).stream().map(n -> new Named(n, n, null)).toList();
    }
    Optional<String> literal = values.name(arg, b);
    if (literal.isPresent()) {
      return List.of(new Named(literal.get(), literal.get(), null));
    }
    String found = JsValues.firstLine(src.text(resolved(arg, b)));
    return List.of(new Named(found, "…", "the name `" + found + "` finds at run time"));
  }

  /** A variable's value, to name a constraint found at run time by the code that finds it. */
  private TSNode resolved(TSNode arg, Map<String, TSNode> b) {
    TSNode u = JsSource.unwrap(arg);
    if (u != null && u.getType().equals("identifier") && values.name(u, b).isEmpty()) {
      TSNode v = values.resolve(u, b);
      return v == null ? u : v;
    }
    return u;
  }

  /**
   * A table argument: a name, a {@code Table}, or a variable from {@code await
   * queryRunner.getTable("x")}.
   */
  private String tableName(TSNode arg, Map<String, TSNode> b) {
    if (arg == null) {
      return "?";
    }
    Optional<String> direct = values.name(arg, b);
    if (direct.isPresent()) {
      return direct.get();
    }
    TSNode u = JsSource.unwrap(arg);
    TSNode v = u != null && u.getType().equals("identifier") ? values.resolve(u, b) : null;
    if (v != null) {
      Chain c = Emitter.chain(src, v);
      Link last = c.links().isEmpty() ? null : c.links().get(c.links().size() - 1);
      if (last != null && "getTable".equals(last.name()) && last.arg(0) != null) {
        return values.nameOrText(last.arg(0), b);
      }
    }
    return values.nameOrText(arg, b);
  }

  // ---------------------------------------------------------------- manager and query builders

  /**
   * {@code queryRunner.manager.query(...)}, {@code .delete(User, {...})}, {@code .clear(User)},
   * ....
   */
  private void managerChain(Chain chain, int from, Ctx ctx) {
    List<Link> links = chain.links();
    Link l = links.get(from);
    Map<String, TSNode> b = ctx.bindings();
    String w = ctx.within();
    String m = l.name();
    if (!l.called()) {
      walkArgs(chain, ctx);
      return;
    }
    switch (m) {
      case "query" ->
          e.embedded(
              l.call(),
              l.arg(0),
              l.args(),
              "manager.query",
              sql.dialect(),
              w,
              b,
              List.of(),
              s -> s);
      case "createQueryBuilder" ->
          queryBuilder(chain, from + 1, l.arg(0) == null ? null : entityTable(l.arg(0), b), ctx);
      case "getRepository" -> {
        String t = entityTable(l.arg(0), b);
        if (from + 1 < links.size()) {
          Link op = links.get(from + 1);
          if ("createQueryBuilder".equals(op.name())) {
            queryBuilder(chain, from + 2, t, ctx);
          } else {
            repositoryOp(op, t, 0, ctx);
          }
        }
      }
      default -> {
        String t = l.arg(0) == null ? "?" : entityTable(l.arg(0), b);
        repositoryOp(l, t, 1, ctx);
      }
    }
    walkArgs(chain, ctx);
  }

  /**
   * {@code delete(criteria)}, {@code clear()}, {@code update(criteria, partial)} with the criteria
   * at {@code at}.
   */
  private void repositoryOp(Link l, String table, int at, Ctx ctx) {
    Map<String, TSNode> b = ctx.bindings();
    String w = ctx.within();
    String m = l.name();
    TSNode criteria = l.arg(at);
    Optional<Predicate> where =
        criteria == null || isEmptyObject(criteria, b)
            ? Optional.empty()
            : Optional.of(Predicate.opaque(JsValues.firstLine(src.text(criteria))));
    switch (m) {
      case "delete", "softDelete" ->
          e.statement(
              m.equals("delete")
                  ? new DeleteRows(table, where)
                  : new UpdateRows(table, List.of("deletedAt"), where),
              l.call(),
              w,
              m.equals("delete")
                  ? sql.delete(table, where.map(p -> "… -- " + p.text()).orElse(null))
                  : sql.update(
                      table, List.of("deletedAt"), where.map(p -> "… -- " + p.text()).orElse(null)),
              List.of());
      case "clear" ->
          e.statement(
              new Truncate(List.of(table), false), l.call(), w, sql.clearTable(table), List.of());
      case "update" -> {
        TSNode partial = values.objectOf(l.arg(at + 1) == null ? criteria : l.arg(at + 1), b, 0);
        List<String> cols = partial == null ? List.of() : values.keys(partial);
        e.statement(
            new UpdateRows(table, cols, where),
            l.call(),
            w,
            sql.update(table, cols, where.map(p -> "… -- " + p.text()).orElse(null)),
            List.of());
      }
      case "remove" ->
          e.statement(
              new DeleteRows(table, Optional.of(Predicate.opaque("the given entities"))),
              l.call(),
              w,
              sql.delete(table, "… -- the given entities"),
              List.of());
      case "insert", "save", "upsert" ->
          e.statement(new Benign("manager." + m), l.call(), w, null, List.of());
      default -> {}
    }
  }

  private boolean isEmptyObject(TSNode n, Map<String, TSNode> b) {
    TSNode obj = values.objectOf(n, b, 0);
    return obj != null && JsSource.named(obj).isEmpty();
  }

  /** {@code createQueryBuilder().delete().from(User).where("...").execute()}. */
  private void queryBuilder(Chain chain, int from, String table, Ctx ctx) {
    List<Link> links = chain.links();
    Map<String, TSNode> b = ctx.bindings();
    String t = table;
    String kind = null;
    List<String> cols = new ArrayList<>();
    List<String> where = new ArrayList<>();
    List<String> whereSql = new ArrayList<>();
    for (int i = from; i < links.size(); i++) {
      Link l = links.get(i);
      String n = l.name();
      switch (n) {
        case "delete", "softDelete" -> kind = n;
        case "update" -> {
          kind = "update";
          if (l.arg(0) != null) {
            t = entityTable(l.arg(0), b);
          }
        }
        case "insert" -> kind = kind == null ? "insert" : kind;
        case "from", "into" -> {
          if (l.arg(0) != null) {
            t = entityTable(l.arg(0), b);
          }
        }
        case "set" -> {
          TSNode obj = l.arg(0) == null ? null : values.objectOf(l.arg(0), b, 0);
          if (obj != null) {
            cols.addAll(values.keys(obj));
          }
        }
        case "where",
            "andWhere",
            "orWhere",
            "whereInIds",
            "andWhereInIds",
            "orWhereInIds",
            "whereExists" -> {
          where.add(
              JsValues.firstLine(src.text(l.node()).substring(src.text(l.node()).lastIndexOf(n))));
          JsValues.Str cond =
              n.endsWith("here") && l.arg(0) != null
                  ? values.string(l.arg(0), b)
                  : JsValues.Str.dynamic("");
          whereSql.add(
              (n.startsWith("or") ? "OR " : "AND ") + (cond.value() != null ? cond.value() : "…"));
        }
        default -> {}
      }
    }
    if (kind == null) {
      return;
    }
    Link last = links.get(links.size() - 1);
    String tt = t == null ? "?" : t;
    Optional<Predicate> p =
        where.isEmpty() ? Optional.empty() : Optional.of(Predicate.opaque(String.join(".", where)));
    String ws =
        whereSql.isEmpty() ? null : String.join(" ", whereSql).replaceFirst("^(AND|OR) ", "");
    switch (kind) {
      case "delete" ->
          e.statement(
              new DeleteRows(tt, p),
              last.call() == null ? chain.links().get(from - 1).call() : last.call(),
              ctx.within(),
              sql.delete(tt, ws),
              List.of());
      case "update", "softDelete" ->
          e.statement(
              new UpdateRows(tt, kind.equals("softDelete") ? List.of("deletedAt") : cols, p),
              last.call() == null ? chain.links().get(from - 1).call() : last.call(),
              ctx.within(),
              sql.update(tt, cols, ws),
              List.of());
      default ->
          e.statement(
              new Benign("insert"),
              last.call() == null ? chain.links().get(from - 1).call() : last.call(),
              ctx.within(),
              null,
              List.of());
    }
  }

  /** An entity class's table (snake_case, TypeORM's default naming) or a table name as given. */
  private String entityTable(TSNode arg, Map<String, TSNode> b) {
    TSNode u = JsSource.unwrap(arg);
    if (u != null && u.getType().equals("identifier") && values.name(u, b).isEmpty()) {
      return snakeCase(src.text(u));
    }
    return values.nameOrText(arg, b);
  }

  static String snakeCase(String s) {
    return s.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
        .toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- rollback

  private Effect effect(Chain chain) {
    TSNode root = chain.root();
    String rootName = root == null ? "" : src.text(root);
    List<Link> links = chain.links();
    if (runners.contains(rootName) && !links.isEmpty()) {
      for (Link l : links) {
        String n = l.name();
        if ((n.equals("query") || n.equals("sql")) && l.called()) {
          JsValues.Str s = values.string(l.arg(0), Map.of());
          return s.value() == null || WRITES_SQL.matcher(s.value()).find()
              ? Effect.DATA
              : Effect.SCHEMA;
        }
      }
      String n0 = links.get(0).name() == null ? "" : links.get(0).name();
      if (n0.equals("manager") || n0.equals("connection") || n0.equals("createQueryBuilder")) {
        return Effect.DATA;
      }
      if (n0.matches("(create|add|rename|change|drop).*")) {
        return Effect.SCHEMA;
      }
      return Effect.NEUTRAL;
    }
    if (NEUTRAL_ROOTS.contains(rootName) || root != null && root.getType().equals("array")) {
      return Effect.NEUTRAL;
    }
    if (root != null
        && root.getType().equals("identifier")
        && values.elements(root, Map.of()) != null) {
      return Effect.NEUTRAL;
    }
    return Effect.DATA;
  }
}
