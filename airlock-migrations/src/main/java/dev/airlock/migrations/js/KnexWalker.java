package dev.airlock.migrations.js;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Predicate;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.operation.RenameColumn;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * Reads one Knex migration: finds the exported {@code up} and {@code down} (CommonJS {@code
 * exports.up = ...}, {@code module.exports = { up, down }}, ES {@code export async function up}),
 * walks {@code up} for {@code knex.schema} chains, {@code table.*} calls inside {@code
 * alterTable}/{@code table} callbacks, {@code knex.raw} SQL and query-builder writes ({@code
 * knex('t').where(...).del()}), and reads {@code down} to report drops it cannot undo. The
 * parameter of {@code up} is the Knex instance whatever it is called, and so is the parameter of a
 * {@code knex.transaction(trx => ...)} callback.
 */
final class KnexWalker {
  static final String FORMAT = "knex";

  private static final Set<String> CREATES =
      Set.of(
          "createTable",
          "createTableIfNotExists",
          "createTableLike",
          "createView",
          "createViewOrReplace",
          "createMaterializedView",
          "refreshMaterializedView",
          "createSchema",
          "createSchemaIfNotExists",
          "createExtension",
          "createExtensionIfNotExists");
  private static final Set<String> SCHEMA_READS =
      Set.of(
          "hasTable",
          "hasColumn",
          "hasView",
          "toString",
          "toSQL",
          "toQuery",
          "generateDdlCommands",
          "debug",
          "transacting",
          "connection",
          "queryContext",
          "then",
          "catch",
          "finally",
          "asCallback",
          "on");
  private static final Set<String> QUERY_STARTS =
      Set.of(
          "table",
          "from",
          "into",
          "queryBuilder",
          "select",
          "insert",
          "update",
          "delete",
          "del",
          "where",
          "whereIn",
          "whereNot",
          "whereRaw",
          "truncate",
          "withSchema",
          "with",
          "count",
          "first",
          "pluck",
          "distinct",
          "column",
          "columns",
          "returning",
          "join",
          "increment",
          "decrement",
          "upsert",
          "batchInsert");
  private static final Set<String> CALLBACK_LINKS =
      Set.of("then", "catch", "finally", "asCallback", "on");
  private static final Set<String> NEUTRAL_ROOTS =
      Set.of(
          "console",
          "Promise",
          "Math",
          "JSON",
          "Object",
          "Array",
          "String",
          "Number",
          "Date",
          "logger",
          "log",
          "process",
          "Buffer",
          "Symbol",
          "Reflect",
          "setTimeout",
          "require");
  private static final Pattern WRITES_SQL =
      Pattern.compile("(?i)\\b(insert|update|copy|merge|replace)\\b");

  private final Emitter e;
  private final JsSource src;
  private final JsValues values;
  private final KnexSql sql;
  private final String migration;
  private final Set<String> knexNames = new HashSet<>();
  private final Set<String> schemaNames = new HashSet<>();
  private final Map<String, TSNode> functions = new HashMap<>();
  private boolean firstInChain = true;
  private final Set<String> inlining = new HashSet<>();

  /** Where a call stands: which function runs it, what names mean there, allowances it inherits. */
  private record Ctx(
      String within,
      Map<String, String> tables,
      Set<String> builders,
      Map<String, TSNode> bindings,
      List<Allowance> inherited) {
    Ctx withTable(String param, String table, List<Allowance> more) {
      Map<String, String> t = new HashMap<>(tables);
      t.put(param, table);
      return new Ctx(within, t, builders, bindings, concat(inherited, more));
    }

    Ctx withBuilder(String param) {
      Set<String> b = new HashSet<>(builders);
      b.add(param);
      return new Ctx(within, tables, b, bindings, inherited);
    }

    Ctx withBinding(String param, TSNode value) {
      Map<String, TSNode> b = new HashMap<>(bindings);
      b.put(param, value);
      return new Ctx(within, tables, builders, b, inherited);
    }

    private static List<Allowance> concat(List<Allowance> a, List<Allowance> b) {
      if (b.isEmpty()) {
        return a;
      }
      List<Allowance> all = new ArrayList<>(a);
      all.addAll(b);
      return all;
    }
  }

  private KnexWalker(JsSource src, Dialect dialect) {
    this.e = new Emitter(src, FORMAT);
    this.src = src;
    this.values = e.values;
    this.sql = new KnexSql(dialect);
    String path = src.source.path().replace('\\', '/');
    String file = path.substring(path.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    this.migration = dot > 0 ? file.substring(0, dot) : file;
  }

  static Parsed parse(SourceText source, Dialect dialect) {
    JsSource src;
    try {
      src = new JsSource(source);
    } catch (RuntimeException | UnsatisfiedLinkError ex) {
      return new Parsed(
          List.of(
              new Occurrence(
                  new UnparsedMigration(FORMAT, "the JavaScript parser failed: " + ex.getMessage()),
                  source.span(0, 0),
                  "",
                  Optional.empty(),
                  Optional.empty(),
                  List.of())),
          0);
    }
    return new KnexWalker(src, dialect).run();
  }

  private Parsed run() {
    e.syntaxErrors();
    collectFunctions(src.root);
    TSNode up = exported("up");
    TSNode down = exported("down");
    if (up == null) {
      e.unparsed("no exported `up` function, as a Knex migration has");
      return new Parsed(e.out, e.statements);
    }
    int first = e.out.size();
    String param = firstParam(up);
    if (param != null) {
      knexNames.add(param);
    } else {
      knexNames.add("knex");
    }
    Ctx ctx = new Ctx("`up` of " + migration, Map.of(), Set.of(), Map.of(), List.of());
    walkFunction(up, ctx);
    if (down != null && firstParam(down) != null) {
      knexNames.add(firstParam(down));
    }
    e.rollback(first, up, down, "up` of `" + migration, "down` of `" + migration, this::effect);
    return new Parsed(e.out, e.statements);
  }

  // ---------------------------------------------------------------- finding up and down

  private void collectFunctions(TSNode node) {
    for (TSNode stmt : JsSource.named(node)) {
      TSNode s =
          stmt.getType().equals("export_statement") && JsSource.field(stmt, "declaration") != null
              ? JsSource.field(stmt, "declaration")
              : stmt;
      switch (s.getType()) {
        case "function_declaration", "generator_function_declaration" -> {
          TSNode name = JsSource.field(s, "name");
          if (name != null) {
            functions.putIfAbsent(src.text(name), s);
          }
        }
        case "lexical_declaration", "variable_declaration" -> {
          for (TSNode d : JsSource.named(s)) {
            TSNode name = JsSource.field(d, "name");
            TSNode value = JsSource.unwrap(JsSource.field(d, "value"));
            if (name != null && value != null && isFunction(value)) {
              functions.putIfAbsent(src.text(name), value);
            }
          }
        }
        default -> {}
      }
    }
  }

  private static boolean isFunction(TSNode n) {
    return n != null
        && switch (n.getType()) {
          case "function_expression",
              "function",
              "arrow_function",
              "function_declaration",
              "method_definition" ->
              true;
          default -> false;
        };
  }

  /** The function exported as {@code name}, however the module exports it. */
  private TSNode exported(String name) {
    TSNode found = findExport(src.root, name);
    if (found == null) {
      found = functions.get(name); // export async function up / a top-level function of that name
    }
    return found;
  }

  private TSNode findExport(TSNode node, String name) {
    for (TSNode stmt : JsSource.named(node)) {
      if (!stmt.getType().equals("expression_statement")) {
        continue;
      }
      TSNode expr = JsSource.unwrap(stmt.getNamedChildCount() > 0 ? stmt.getNamedChild(0) : null);
      if (expr == null || !expr.getType().equals("assignment_expression")) {
        continue;
      }
      String left = src.text(JsSource.field(expr, "left")).replaceAll("\\s", "");
      TSNode right = JsSource.unwrap(JsSource.field(expr, "right"));
      if (left.equals("exports." + name) || left.equals("module.exports." + name)) {
        TSNode f = function(right);
        if (f != null) {
          return f;
        }
      }
      if ((left.equals("module.exports") || left.equals("exports"))
          && right != null
          && right.getType().equals("object")) {
        for (TSNode p : JsSource.named(right)) {
          if (p.getType().equals("method_definition")
              && name.equals(src.text(JsSource.field(p, "name")))) {
            return p;
          }
          if (p.getType().equals("pair") && name.equals(src.text(JsSource.field(p, "key")))) {
            TSNode f = function(JsSource.unwrap(JsSource.field(p, "value")));
            if (f != null) {
              return f;
            }
          }
          if (p.getType().equals("shorthand_property_identifier") && src.text(p).equals(name)) {
            return functions.get(name);
          }
        }
      }
    }
    return null;
  }

  private TSNode function(TSNode n) {
    if (n == null) {
      return null;
    }
    if (isFunction(n)) {
      return n;
    }
    if (n.getType().equals("identifier")) {
      return functions.get(src.text(n));
    }
    return null;
  }

  private String firstParam(TSNode fn) {
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
    } else if (p.getType().equals("assignment_pattern")) {
      p = JsSource.field(p, "left");
    }
    return p != null && p.getType().equals("identifier") ? src.text(p) : null;
  }

  // ---------------------------------------------------------------- walking

  private void walkFunction(TSNode fn, Ctx ctx) {
    TSNode body = JsSource.field(fn, "body");
    if (body != null) {
      walk(body, ctx, false);
    }
  }

  /**
   * @param value true where an expression is a value handed to a builder (a {@code knex.raw} in
   *     {@code defaultTo(...)}) rather than a statement that runs
   */
  private void walk(TSNode node, Ctx ctx, boolean value) {
    switch (node.getType()) {
      case "comment",
          "string",
          "template_string",
          "number",
          "regex",
          "property_identifier",
          "type_annotation",
          "import_statement",
          "class_declaration" -> {}
      case "call_expression" -> call(node, ctx, value);
      case "arrow_function",
          "function_expression",
          "function_declaration",
          "function",
          "method_definition" ->
          walkFunction(node, ctx);
      case "for_in_statement" -> forOf(node, ctx);
      case "variable_declarator" -> {
        declare(node);
        for (TSNode c : JsSource.named(node)) {
          walk(c, ctx, value);
        }
      }
      default -> {
        for (TSNode c : JsSource.named(node)) {
          walk(c, ctx, value);
        }
      }
    }
  }

  /** {@code const schema = knex.schema}, {@code const trx = await knex.transaction()}. */
  private void declare(TSNode declarator) {
    TSNode name = JsSource.field(declarator, "name");
    TSNode v = JsSource.field(declarator, "value");
    if (name == null || v == null || !name.getType().equals("identifier")) {
      return;
    }
    Chain c = Emitter.chain(src, v);
    if (c.root() == null || !knexNames.contains(c.rootText(src)) || c.links().isEmpty()) {
      return;
    }
    Link last = c.links().get(c.links().size() - 1);
    if (c.links().size() == 1 && "schema".equals(last.name()) && !last.called()) {
      schemaNames.add(src.text(name));
    } else if ("transaction".equals(last.name())
        && last.args().stream().noneMatch(KnexWalker::isFunction)) {
      knexNames.add(src.text(name));
    }
  }

  /** {@code for (const t of ['a', 'b']) { ... }}: the body once per element. */
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
        walk(body, ctx.withBinding(src.text(left), element), false);
      }
      return;
    }
    for (TSNode c : JsSource.named(node)) {
      walk(c, ctx, false);
    }
  }

  private void call(TSNode node, Ctx ctx, boolean value) {
    Chain chain = Emitter.chain(src, node);
    TSNode root = chain.root();
    String rootName = root != null && root.getType().equals("identifier") ? src.text(root) : "";
    if (knexNames.contains(rootName) && !ctx.bindings().containsKey(rootName)) {
      knexChain(chain, ctx, value);
    } else if (schemaNames.contains(rootName)) {
      schemaChain(chain, 0, ctx, value);
    } else if (ctx.tables().containsKey(rootName)) {
      tableChain(chain, ctx.tables().get(rootName), ctx);
    } else if (ctx.builders().contains(rootName)) {
      walkArgs(chain, ctx, true);
    } else if (chain.links().size() == 1
        && chain.links().get(0).name().isEmpty()
        && functions.containsKey(rootName)
        && !rootName.equals("up")
        && !rootName.equals("down")) {
      helper(rootName, chain.links().get(0), ctx);
      walkArgs(chain, ctx, value);
    } else if (!eachOverLiteral(chain, ctx)) {
      Link l0 = chain.links().isEmpty() ? null : chain.links().get(0);
      if (l0 != null
          && root != null
          && root.getType().equals("identifier")
          && l0.called()
          && Set.of("dropColumn", "dropColumns").contains(l0.name())) {
        // a table builder passed to a helper: the table is not known here, the drop is
        tableChain(chain, "(table of `" + rootName + "`)", ctx);
        return;
      }
      walkArgs(chain, ctx, value);
    }
  }

  /**
   * A function of the file called from {@code up} runs forward too: its parameters mean what the
   * arguments meant at the call (the Knex instance, a table builder, a constant).
   */
  private void helper(String name, Link call, Ctx ctx) {
    if (!inlining.add(name)) {
      return;
    }
    try {
      TSNode fn = functions.get(name);
      List<TSNode> params = JsSource.named(JsSource.field(fn, "parameters"));
      if (JsSource.field(fn, "parameter") != null) {
        params = List.of(JsSource.field(fn, "parameter"));
      }
      Ctx inner =
          new Ctx(
              ctx.within() + " via `" + name + "`",
              ctx.tables(),
              ctx.builders(),
              ctx.bindings(),
              ctx.inherited());
      List<TSNode> args = call.args();
      for (int i = 0; i < params.size() && i < args.size(); i++) {
        TSNode p = params.get(i);
        if (p.getType().equals("required_parameter") || p.getType().equals("optional_parameter")) {
          p = JsSource.field(p, "pattern");
        }
        if (p == null || !p.getType().equals("identifier")) {
          continue;
        }
        String param = src.text(p);
        TSNode arg = JsSource.unwrap(args.get(i));
        String argText = src.text(arg);
        if (knexNames.contains(argText)) {
          knexNames.add(param);
        } else if (ctx.tables().containsKey(argText)) {
          inner = inner.withTable(param, ctx.tables().get(argText), List.of());
        } else {
          TSNode bound =
              arg.getType().equals("identifier") && ctx.bindings().containsKey(argText)
                  ? ctx.bindings().get(argText)
                  : arg;
          inner = inner.withBinding(param, bound);
        }
      }
      walkFunction(fn, inner);
    } finally {
      inlining.remove(name);
    }
  }

  private void walkArgs(Chain chain, Ctx ctx, boolean value) {
    if (chain.root() != null && !chain.root().getType().equals("identifier")) {
      walk(chain.root(), ctx, value);
    }
    for (Link l : chain.links()) {
      boolean v = value && !CALLBACK_LINKS.contains(l.name());
      for (TSNode a : l.args()) {
        walk(a, ctx, v);
      }
    }
  }

  /** {@code ['a', 'b'].forEach(t => ...)} and {@code .map}: the callback once per element. */
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
    String param = fn == null || !isFunction(fn) ? null : firstParam(fn);
    if (elements == null || param == null) {
      return false;
    }
    for (TSNode element : elements) {
      walkFunction(fn, ctx.withBinding(param, element));
    }
    for (int i = 1; i < chain.links().size(); i++) {
      for (TSNode a : chain.links().get(i).args()) {
        walk(a, ctx, false);
      }
    }
    return true;
  }

  private void knexChain(Chain chain, Ctx ctx, boolean value) {
    List<Link> links = chain.links();
    if (links.isEmpty()) {
      return;
    }
    Link l0 = links.get(0);
    if (l0.name().isEmpty()) {
      queryChain(chain, ctx, value);
      return;
    }
    switch (l0.name()) {
      case "schema" -> schemaChain(chain, 1, ctx, value);
      case "raw" -> {
        if (value
            || chain.has("toString")
            || chain.has("toQuery")
            || chain.has("toSQL")
            || !l0.called()) {
          walkArgs(chain, ctx, true);
          return;
        }
        raw(l0, "knex.raw", ctx);
        walkRest(chain, 1, ctx);
      }
      case "transaction" -> {
        for (TSNode a : l0.args()) {
          TSNode fn = JsSource.unwrap(a);
          if (isFunction(fn)) {
            String p = firstParam(fn);
            if (p != null) {
              knexNames.add(p);
            }
          }
        }
        walkArgs(chain, ctx, false);
      }
      default -> {
        if (QUERY_STARTS.contains(l0.name())) {
          queryChain(chain, ctx, value);
        } else {
          walkArgs(chain, ctx, true);
        }
      }
    }
  }

  /**
   * The arguments of the links after {@code from}: callbacks of then/catch run, the rest are
   * values.
   */
  private void walkRest(Chain chain, int from, Ctx ctx) {
    for (int i = from; i < chain.links().size(); i++) {
      Link l = chain.links().get(i);
      for (TSNode a : l.args()) {
        walk(a, ctx, !CALLBACK_LINKS.contains(l.name()));
      }
    }
  }

  private void raw(Link link, String method, Ctx ctx) {
    TSNode bindingsArg = link.arg(1);
    e.embedded(
        link.call(),
        link.arg(0),
        link.args(),
        method,
        sql.dialect(),
        ctx.within(),
        ctx.bindings(),
        ctx.inherited(),
        s -> placeholders(s, bindingsArg, ctx));
  }

  /** {@code ??} and {@code ?} replaced by the bindings when they are literals. */
  private String placeholders(String rawSql, TSNode bindingsArg, Ctx ctx) {
    if (bindingsArg == null || !rawSql.contains("?")) {
      return rawSql;
    }
    List<TSNode> elements = values.elements(bindingsArg, ctx.bindings());
    if (elements == null) {
      elements = List.of(bindingsArg);
    }
    StringBuilder sb = new StringBuilder();
    int next = 0;
    for (int i = 0; i < rawSql.length(); i++) {
      char c = rawSql.charAt(i);
      if (c == '\\' && i + 1 < rawSql.length() && rawSql.charAt(i + 1) == '?') {
        sb.append('?');
        i++;
      } else if (c == '?' && next < elements.size()) {
        boolean identifier = i + 1 < rawSql.length() && rawSql.charAt(i + 1) == '?';
        TSNode b = elements.get(next++);
        JsValues.Str s = values.string(b, ctx.bindings());
        if (identifier) {
          sb.append(s.value() == null ? "??" : sql.table(s.value()));
          i++;
        } else {
          sb.append(
              s.value() == null
                  ? "?"
                  : b.getType().equals("number") ? s.value() : sql.literal("'" + s.value() + "'"));
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- knex.schema

  private void schemaChain(Chain chain, int from, Ctx ctx, boolean value) {
    String schema = null;
    List<Link> links = chain.links();
    boolean outerFirst = firstInChain;
    firstInChain = true;
    for (int i = from; i < links.size(); i++) {
      Link l = links.get(i);
      if (!l.called()) {
        continue;
      }
      String name = l.name();
      String prefix = schema == null ? "" : schema + ".";
      switch (name) {
        case "withSchema" -> schema = values.nameOrText(l.arg(0), ctx.bindings());
        case "dropTable", "dropTableIfExists" -> {
          boolean ifExists = name.endsWith("IfExists");
          String t = prefix + values.nameOrText(l.arg(0), ctx.bindings());
          schemaOp(
              new Drop(ObjectKind.TABLE, "table", List.of(t), ifExists, false),
              l,
              ctx,
              sql.dropTable(t, ifExists));
        }
        case "dropView",
            "dropViewIfExists",
            "dropMaterializedView",
            "dropMaterializedViewIfExists" -> {
          boolean ifExists = name.endsWith("IfExists");
          boolean materialized = name.contains("Materialized");
          ObjectKind kind = materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW;
          String v = prefix + values.nameOrText(l.arg(0), ctx.bindings());
          schemaOp(
              new Drop(kind, kind.label(), List.of(v), ifExists, false),
              l,
              ctx,
              sql.dropObject(materialized ? "materialized view" : "view", v, ifExists, false));
        }
        case "dropSchema", "dropSchemaIfExists" -> {
          boolean ifExists = name.endsWith("IfExists");
          boolean cascade = l.arg(1) != null && src.text(l.arg(1)).equals("true");
          String s = values.nameOrText(l.arg(0), ctx.bindings());
          schemaOp(
              new Drop(ObjectKind.SCHEMA, "schema", List.of(s), ifExists, cascade),
              l,
              ctx,
              sql.dropObject("schema", s, ifExists, cascade));
        }
        case "dropExtension", "dropExtensionIfExists" -> {
          boolean ifExists = name.endsWith("IfExists");
          String x = values.nameOrText(l.arg(0), ctx.bindings());
          schemaOp(
              new Drop(ObjectKind.EXTENSION, "extension", List.of(x), ifExists, false),
              l,
              ctx,
              sql.dropObject("extension", x, ifExists, false));
        }
        case "renameTable" -> {
          String f = prefix + values.nameOrText(l.arg(0), ctx.bindings());
          String t = values.nameOrText(l.arg(1), ctx.bindings());
          schemaOp(new Rename(ObjectKind.TABLE, f, t), l, ctx, sql.renameTable(f, t));
        }
        case "alterTable", "table" -> {
          String t = prefix + values.nameOrText(l.arg(0), ctx.bindings());
          TSNode fn = l.arg(1) == null ? null : JsSource.unwrap(l.arg(1));
          String p = fn != null && isFunction(fn) ? firstParam(fn) : null;
          if (p != null) {
            walkFunction(fn, ctx.withTable(p, t, e.allowancesAround(l.call())));
          } else if (fn != null) {
            walk(fn, ctx, false);
          }
        }
        case "raw" -> raw(l, "knex.schema.raw", ctx);
        default -> {
          if (CREATES.contains(name)) {
            schemaOp(new Benign(name), l, ctx, null);
            for (TSNode a : l.args()) {
              TSNode fn = JsSource.unwrap(a);
              String p = isFunction(fn) ? firstParam(fn) : null;
              if (p != null) {
                walkFunction(fn, ctx.withBuilder(p));
              } else {
                walk(a, ctx, true);
              }
            }
          } else if (SCHEMA_READS.contains(name)) {
            for (TSNode a : l.args()) {
              walk(a, ctx, !CALLBACK_LINKS.contains(name));
            }
          } else {
            schemaOp(new Benign("knex.schema." + name), l, ctx, null);
            for (TSNode a : l.args()) {
              walk(a, ctx, true);
            }
          }
        }
      }
    }
    firstInChain = outerFirst;
  }

  /**
   * One operation of a schema chain: the first spans the chain so far, the others their own link.
   */
  private void schemaOp(Operation op, Link l, Ctx ctx, String generated) {
    e.statements++;
    e.emitLink(op, l, firstInChain, ctx.within(), generated, ctx.inherited());
    firstInChain = false;
  }

  // ---------------------------------------------------------------- table builder

  private void tableChain(Chain chain, String table, Ctx ctx) {
    List<Link> links = chain.links();
    if (links.isEmpty() || !links.get(0).called()) {
      return;
    }
    Link l0 = links.get(0);
    String name = l0.name();
    Map<String, TSNode> b = ctx.bindings();
    TSNode call =
        chain.links().get(links.size() - 1).call() != null
            ? links.get(links.size() - 1).call()
            : l0.call();
    if (chain.has("alter")) {
      String column = values.nameOrText(l0.arg(0), b);
      List<String> typeArgs = new ArrayList<>();
      for (int i = name.equals("specificType") ? 0 : 1; i < l0.args().size(); i++) {
        typeArgs.add(
            values.string(l0.arg(i), b).value() == null
                ? src.text(l0.arg(i))
                : values.string(l0.arg(i), b).value());
      }
      String type = sql.type(name, typeArgs); // specificType's type is its second argument
      Link def = chain.first("defaultTo");
      String defaultSql =
          def == null || def.arg(0) == null ? null : sql.literal(src.text(def.arg(0)));
      e.statement(
          new AlterColumnType(table, column, type),
          call,
          ctx.within(),
          sql.alterColumn(table, column, type, chain.has("notNullable"), defaultSql),
          ctx.inherited());
      walkArgsAsValues(chain, ctx);
      return;
    }
    switch (name) {
      case "dropColumn", "dropColumns" -> {
        List<String> cols = new ArrayList<>();
        for (TSNode a : l0.args()) {
          cols.addAll(values.names(a, b));
        }
        if (cols.isEmpty()) {
          cols.add("?");
        }
        String generated = sql.dropColumns(table, cols);
        for (String c : cols) {
          e.emit(
              new DropColumn(table, c, false, false),
              call,
              ctx.within(),
              generated,
              ctx.inherited());
        }
        e.statements++;
      }
      case "dropTimestamps", "dropTimestampsTz" -> {
        boolean camel = l0.arg(0) != null && src.text(l0.arg(0)).equals("true");
        List<String> cols =
            camel ? List.of("createdAt", "updatedAt") : List.of("created_at", "updated_at");
        String generated = sql.dropColumns(table, cols);
        for (String c : cols) {
          e.emit(
              new DropColumn(table, c, false, false),
              call,
              ctx.within(),
              generated,
              ctx.inherited());
        }
        e.statements++;
      }
      case "renameColumn" -> {
        String f = values.nameOrText(l0.arg(0), b);
        String t = values.nameOrText(l0.arg(1), b);
        e.statement(
            new RenameColumn(table, f, t),
            call,
            ctx.within(),
            sql.renameColumn(table, f, t),
            ctx.inherited());
      }
      case "dropForeign" -> {
        String n = constraintName(table, l0, "foreign", b);
        e.statement(
            new DropConstraint(table, n, false),
            call,
            ctx.within(),
            sql.dropForeign(table, n),
            ctx.inherited());
      }
      case "dropUnique" -> {
        String n = constraintName(table, l0, "unique", b);
        e.statement(
            new DropConstraint(table, n, false),
            call,
            ctx.within(),
            sql.dropUnique(table, n),
            ctx.inherited());
      }
      case "dropPrimary" -> {
        String n =
            l0.arg(0) != null
                ? values.nameOrText(l0.arg(0), b)
                : table.substring(table.indexOf('.') + 1) + "_pkey";
        e.statement(
            new DropConstraint(table, n, false),
            call,
            ctx.within(),
            sql.dropPrimary(table, n),
            ctx.inherited());
      }
      case "dropIndex" -> {
        String n = constraintName(table, l0, "index", b);
        e.statement(
            Drop.of(ObjectKind.INDEX, n),
            call,
            ctx.within(),
            sql.dropIndex(table, n),
            ctx.inherited());
      }
      case "dropChecks" -> {
        List<String> names = new ArrayList<>();
        for (TSNode a : l0.args()) {
          names.addAll(values.names(a, b));
        }
        for (String n : names) {
          e.emit(
              new DropConstraint(table, n, false),
              call,
              ctx.within(),
              sql.dropCheck(table, n),
              ctx.inherited());
        }
        e.statements++;
      }
      default ->
          e.statement(new Benign("table." + name), call, ctx.within(), null, ctx.inherited());
    }
    walkArgsAsValues(chain, ctx);
  }

  private void walkArgsAsValues(Chain chain, Ctx ctx) {
    for (Link l : chain.links()) {
      for (TSNode a : l.args()) {
        walk(a, ctx, true);
      }
    }
  }

  /**
   * {@code dropForeign('user_id')}, {@code dropForeign(['a', 'b'], 'fk_name')}: the name Knex
   * drops.
   */
  private String constraintName(String table, Link l, String type, Map<String, TSNode> b) {
    if (l.arg(1) != null) {
      return values.nameOrText(l.arg(1), b);
    }
    return KnexSql.defaultName(table, values.names(l.arg(0), b), type);
  }

  // ---------------------------------------------------------------- knex('t') queries

  private void queryChain(Chain chain, Ctx ctx, boolean value) {
    if (value) {
      walkArgs(chain, ctx, true);
      return;
    }
    Map<String, TSNode> b = ctx.bindings();
    String table = null;
    String schema = null;
    List<String> where = new ArrayList<>();
    List<String> whereSql = new ArrayList<>();
    Link terminal = null;
    String kind = null;
    for (Link l : chain.links()) {
      String n = l.name();
      if (l.name().isEmpty() || n.equals("table") || n.equals("from") || n.equals("into")) {
        if (l.arg(0) != null && table == null) {
          table = stripAlias(values.nameOrText(l.arg(0), b));
        }
      } else if (n.equals("withSchema")) {
        schema = values.nameOrText(l.arg(0), b);
      } else if (n.matches(
          "(or|and)?([wW]here|[hH]aving).*|(inner|left|right|full|cross)?[jJ]oin.*")) {
        where.add(JsValues.firstLine(src.text(l.node()).substring(src.text(l.node()).indexOf(n))));
        whereSql.add(renderWhere(n, l, b));
      } else if (Set.of(
                  "del",
                  "delete",
                  "truncate",
                  "update",
                  "increment",
                  "decrement",
                  "insert",
                  "upsert",
                  "merge",
                  "batchInsert")
              .contains(n)
          && l.called()) {
        if (kind == null || n.equals("merge")) {
          kind = n;
          terminal = l;
        }
        if (n.equals("batchInsert") && l.arg(0) != null) {
          table = values.nameOrText(l.arg(0), b);
        }
      }
    }
    if (table != null && schema != null) {
      table = schema + "." + table;
    }
    String t = table == null ? "?" : table;
    Optional<Predicate> predicate =
        where.isEmpty() ? Optional.empty() : Optional.of(Predicate.opaque(String.join(".", where)));
    String w =
        whereSql.isEmpty() ? null : String.join(" ", whereSql).replaceFirst("^(and|or) ", "");
    TSNode at = terminal == null ? null : terminal.call();
    if (kind != null) { // else a read (select, first, pluck, count): it changes nothing
      switch (kind) {
        case "del", "delete" ->
            e.statement(
                new DeleteRows(t, predicate), at, ctx.within(), sql.delete(t, w), ctx.inherited());
        case "truncate" ->
            e.statement(
                new Truncate(List.of(t), false),
                at,
                ctx.within(),
                sql.truncate(t),
                ctx.inherited());
        case "update", "increment", "decrement" -> {
          List<String> cols = new ArrayList<>();
          TSNode a0 = terminal.arg(0);
          TSNode obj = a0 == null ? null : values.objectOf(a0, b, 0);
          if (obj != null) {
            cols.addAll(values.keys(obj));
          } else if (a0 != null) {
            cols.add(values.nameOrText(a0, b));
          }
          e.statement(
              new UpdateRows(t, cols, predicate),
              at,
              ctx.within(),
              sql.update(t, cols, w),
              ctx.inherited());
        }
        case "merge", "upsert" ->
            e.statement(
                new UpdateRows(
                    t, List.of(), Optional.of(Predicate.opaque("rows whose unique key matches"))),
                at,
                ctx.within(),
                null,
                ctx.inherited());
        default -> e.statement(new Benign(kind), at, ctx.within(), null, ctx.inherited());
      }
    }
    walkRest(chain, 0, ctx);
  }

  private static String stripAlias(String table) {
    return table.replaceAll("(?i)\\s+as\\s+\\S+$", "").strip();
  }

  /** One where link as SQL, when its arguments are simple; else a placeholder. */
  private String renderWhere(String method, Link l, Map<String, TSNode> b) {
    String lower = method.toLowerCase(Locale.ROOT);
    String join = lower.startsWith("or") ? "or " : "and ";
    String base = lower.replaceFirst("^(or|and)", "");
    List<TSNode> args = l.args();
    String body = "…";
    if (base.equals("where") && args.size() == 1) {
      TSNode obj = values.objectOf(args.get(0), b, 0);
      if (obj != null) {
        List<String> parts = new ArrayList<>();
        for (String k : values.keys(obj)) {
          TSNode v = values.property(obj, k);
          parts.add(
              sql.q(k)
                  + (v != null && src.text(v).equals("null") ? " is null" : " = " + lit(v, b)));
        }
        body = String.join(" and ", parts);
      }
    } else if ((base.equals("where") || base.equals("wherenot")) && args.size() == 2) {
      body = col(args.get(0), b) + (base.equals("wherenot") ? " <> " : " = ") + lit(args.get(1), b);
    } else if (base.equals("where") && args.size() == 3) {
      JsValues.Str op = values.string(args.get(1), b);
      body =
          col(args.get(0), b)
              + " "
              + (op.value() == null ? "?" : op.value())
              + " "
              + lit(args.get(2), b);
    } else if ((base.equals("wherein") || base.equals("wherenotin")) && args.size() == 2) {
      List<TSNode> els = values.elements(args.get(1), b);
      String list =
          els == null ? "?" : String.join(", ", els.stream().map(x -> lit(x, b)).toList());
      body = col(args.get(0), b) + (base.equals("wherein") ? " in (" : " not in (") + list + ")";
    } else if ((base.equals("wherenull") || base.equals("wherenotnull")) && args.size() == 1) {
      body = col(args.get(0), b) + (base.equals("wherenull") ? " is null" : " is not null");
    } else if (base.equals("whereraw") && !args.isEmpty()) {
      JsValues.Str s = values.string(args.get(0), b);
      body = s.value() == null ? "…" : s.value();
    }
    return join + body;
  }

  private String col(TSNode n, Map<String, TSNode> b) {
    JsValues.Str s = values.string(n, b);
    return s.value() == null ? "?" : sql.table(s.value());
  }

  private String lit(TSNode n, Map<String, TSNode> b) {
    if (n == null) {
      return "?";
    }
    TSNode u = JsSource.unwrap(n);
    if (u.getType().equals("string") || u.getType().equals("template_string")) {
      JsValues.Str s = values.string(u, b);
      return s.value() == null ? "?" : sql.literal("'" + s.value() + "'");
    }
    return sql.literal(src.text(u));
  }

  // ---------------------------------------------------------------- rollback

  /** What a call in {@code down} does: re-create schema, write data, or neither. */
  private Effect effect(Chain chain) {
    TSNode root = chain.root();
    String rootName = root != null && root.getType().equals("identifier") ? src.text(root) : "";
    List<Link> links = chain.links();
    if (knexNames.contains(rootName) || schemaNames.contains(rootName)) {
      if (links.isEmpty()) {
        return Effect.NEUTRAL;
      }
      for (Link l : links) {
        String n = l.name();
        if (Set.of("insert", "update", "upsert", "merge", "batchInsert", "increment", "decrement")
            .contains(n)) {
          return Effect.DATA;
        }
        if (n.equals("raw") && l.arg(0) != null) {
          JsValues.Str s = values.string(l.arg(0), Map.of());
          return s.value() == null || WRITES_SQL.matcher(s.value()).find()
              ? Effect.DATA
              : Effect.SCHEMA;
        }
        if (n.equals("transaction")) {
          return Effect.NEUTRAL;
        }
      }
      if (schemaNames.contains(rootName) || "schema".equals(links.get(0).name())) {
        return chain.links().stream()
                .anyMatch(
                    l ->
                        CREATES.contains(l.name())
                            || Set.of("table", "alterTable", "renameTable").contains(l.name()))
            ? Effect.SCHEMA
            : Effect.NEUTRAL;
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
    return Effect.DATA; // a helper whose effect is unknown may restore the data
  }
}
