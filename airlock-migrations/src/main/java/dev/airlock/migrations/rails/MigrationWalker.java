package dev.airlock.migrations.rails;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.DataMigration;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.IrreversibleMigration;
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
import dev.airlock.core.source.Span;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.EmbeddedSql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.treesitter.TSNode;

/**
 * Reads one Rails migration file: finds the classes that inherit a Migration, walks what runs
 * forward ({@code change}, {@code up}, {@code reversible}'s up branch, {@code up_only}), and turns
 * each ActiveRecord schema statement, {@code execute} and data loop into core Operations with the
 * SQL the adapter will send. One instance per file.
 */
final class MigrationWalker {
  static final String FORMAT = "rails";
  static final String SAFETY_ASSURED = "safety_assured (strong_migrations)";

  private static final Set<String> SQL_METHODS =
      Set.of(
          "execute", "exec_query", "exec_update", "exec_delete", "exec_insert", "select_all", "select_one",
          "select_value", "select_values", "select_rows", "find_by_sql");
  /** Connection methods that take SQL only when their first argument is a string. */
  private static final Set<String> SQL_IF_STRING = Set.of("update", "delete", "insert");

  private static final Set<String> BENIGN =
      Set.of(
          "create_join_table", "add_column", "add_reference", "add_belongs_to", "add_index", "add_foreign_key",
          "add_check_constraint", "add_timestamps", "change_column_default", "change_column_comment",
          "change_table_comment", "enable_extension", "create_enum", "add_enum_value", "rename_enum",
          "rename_enum_value", "create_schema", "create_view", "update_view", "create_function",
          "update_function", "create_trigger", "update_trigger", "add_exclusion_constraint",
          "add_unique_constraint", "validate_foreign_key", "validate_check_constraint",
          "validate_constraint", "rename_index", "add_concurrent_index", "add_concurrent_foreign_key",
          "add_text_limit", "add_not_null_constraint", "rename_column_concurrently",
          "change_column_type_concurrently");

  /** Blocks whose body runs forward as written. */
  private static final Set<String> PASS_THROUGH_BLOCKS =
      Set.of("up_only", "say_with_time", "transaction", "with_lock", "with_lock_retries",
          "suppress_messages", "disable_referential_integrity", "without_timeout", "disable_statement_timeout");

  private static final Set<String> DESTROY = Set.of("destroy", "destroy!", "delete");
  private static final Set<String> UPDATE =
      Set.of("update", "update!", "update_column", "update_columns", "update_attribute", "update_attributes",
          "update_attributes!", "increment!", "decrement!", "toggle!", "touch", "save", "save!");
  private static final Set<String> LOOPS =
      Set.of("find_each", "each", "find_in_batches", "in_batches", "each_with_index", "map", "each_slice");
  private static final Set<String> INSERTS =
      Set.of("create", "create!", "insert", "insert!", "insert_all", "insert_all!", "find_or_create_by",
          "find_or_create_by!", "create_or_find_by", "create_or_find_by!", "first_or_create", "first_or_create!",
          "new", "build", "import");
  /** Query and bookkeeping methods of a model class that change nothing on their own. */
  private static final Set<String> READS =
      Set.of("where", "not", "rewhere", "find", "find_by", "find_by!", "pluck", "count", "exists?", "first",
          "last", "all", "select", "order", "limit", "offset", "includes", "joins", "left_joins",
          "left_outer_joins", "preload", "eager_load", "reset_column_information", "table_name",
          "column_names", "columns", "connection", "unscoped", "maximum", "minimum", "sum", "average", "ids",
          "none", "reorder", "group", "distinct", "arel_table", "sanitize_sql", "sanitize_sql_array",
          "quoted_table_name", "primary_key", "take", "second", "find_sole_by", "sole", "any?", "none?",
          "empty?", "size", "length", "to_a", "lock", "readonly", "references", "having", "merge", "or",
          "and", "extending", "in_order_of", "pick", "calculate", "inheritance_column", "table_exists?",
          "column_for_attribute", "attribute_names", "human_attribute_name", "model_name", "name",
          "logger", "with_options", "descendants");
  /** Chain links that do not narrow the rows. */
  private static final Set<String> NEUTRAL_LINKS =
      Set.of("all", "unscoped", "in_batches", "find_each", "find_in_batches", "each", "each_with_index", "map",
          "each_slice", "includes", "preload", "eager_load", "order", "reorder", "readonly", "lock", "to_a");
  private static final Set<String> NOT_MODELS =
      Set.of("Rails", "ENV", "Time", "Date", "DateTime", "File", "Dir", "Logger", "ActiveSupport", "JSON", "YAML",
          "Integer", "Float", "String", "Array", "Hash", "Kernel", "SecureRandom", "Digest", "BigDecimal",
          "Struct", "OpenStruct", "Set", "URI", "CSV", "Benchmark", "Process", "Thread", "Timeout", "STDOUT",
          "STDERR", "IO", "Pathname", "Math", "Comparable", "Regexp", "Object", "Class", "Module", "Rational",
          "ActiveRecord", "ActiveModel", "ERB", "Base64", "Zlib", "Marshal", "FileUtils", "Tempfile", "Sidekiq",
          "Faker", "I18n");
  private static final Pattern RUNS_CODE =
      Pattern.compile("(perform(_now|_later)?|call|run|backfill.*|migrate.*|purge.*|cleanup.*|clean_up.*|import.*|"
          + "sync.*|process.*|recalculate.*|invoke|execute|fix.*|repair.*|reset.*|remove.*|delete.*|destroy.*|"
          + "update.*|wipe.*|prune.*|archive.*)!?|.*!");
  private static final Pattern DESTRUCTIVE_NAME =
      Pattern.compile("(remove|drop|delete|truncate|cleanup|clean_up|destroy|purge|wipe|prune)_.*");

  private final RubySource src;
  private final RailsSql sql;
  private final List<Occurrence> out = new ArrayList<>();
  private final Map<String, String> modelTables = new HashMap<>();
  private final List<TSNode> assignments = new ArrayList<>();
  private Map<String, TSNode> helpers = Map.of();
  private final Set<String> inlining = new HashSet<>();
  private boolean dataReversible;
  private int statements;

  /** Where a call stands: which method runs it, what block parameters mean, what it inherits. */
  private record Ctx(
      String within,
      Map<String, String> tables,
      Set<String> dirs,
      Map<String, TSNode> bindings,
      List<Allowance> inherited,
      Span assured,
      boolean revert) {
    Ctx withTable(String param, String table, List<Allowance> more) {
      Map<String, String> t = new HashMap<>(tables);
      if (param != null) {
        t.put(param, table);
      }
      return new Ctx(within, t, dirs, bindings, concat(inherited, more), assured, revert);
    }

    Ctx withDir(String param, List<Allowance> more) {
      Set<String> d = new HashSet<>(dirs);
      if (param != null) {
        d.add(param);
      }
      return new Ctx(within, tables, d, bindings, concat(inherited, more), assured, revert);
    }

    Ctx withBinding(String param, TSNode value) {
      Map<String, TSNode> b = new HashMap<>(bindings);
      b.put(param, value);
      return new Ctx(within, tables, dirs, b, inherited, assured, revert);
    }

    Ctx inherit(List<Allowance> more) {
      return new Ctx(within, tables, dirs, bindings, concat(inherited, more), assured, revert);
    }

    Ctx note(String note) {
      return new Ctx(within + "; " + note, tables, dirs, bindings, inherited, assured, revert);
    }

    Ctx assured(Span at) {
      return new Ctx(within, tables, dirs, bindings, inherited, at, revert);
    }

    Ctx reverted(List<Allowance> more) {
      return new Ctx(within + " (inside revert)", tables, dirs, bindings, concat(inherited, more), assured, !revert);
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

  private record Args(List<TSNode> positional, Map<String, TSNode> options) {
    TSNode at(int i) {
      return i < positional.size() ? positional.get(i) : null;
    }

    TSNode option(String name) {
      return options.get(name);
    }
  }

  /** A string's value, or why it has none until run time. */
  private record Str(String value, String dynamic) {
    static Str of(String v) {
      return new Str(v, null);
    }

    static Str dynamic(String why) {
      return new Str(null, why);
    }
  }

  MigrationWalker(RubySource src, Dialect dialect) {
    this.src = src;
    this.sql = new RailsSql(dialect);
  }

  static Parsed parse(SourceText source, Dialect dialect) {
    RubySource src;
    try {
      src = new RubySource(source);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      Span start = source.span(0, 0);
      return new Parsed(
          List.of(new Occurrence(new UnparsedMigration(FORMAT, "the Ruby parser failed: " + e.getMessage()), start,
              "", Optional.empty(), Optional.empty(), List.of())),
          0);
    }
    return new MigrationWalker(src, dialect).run();
  }

  Parsed run() {
    List<TSNode> classes = new ArrayList<>();
    collect(src.root, classes);
    for (TSNode error : src.errors()) {
      Span at = src.span(error);
      out.add(new Occurrence(
          new UnparsedMigration(FORMAT, "Ruby syntax error at line " + at.startLine() + "; calls near it may be missed"),
          at, firstLine(src.text(error)), Optional.empty(), Optional.empty(), allowancesBefore(error)));
      break; // one is enough to fail closed; tree-sitter recovers and the rest is still read
    }
    List<TSNode> migrations = classes.stream().filter(this::isMigration).toList();
    if (migrations.isEmpty()) {
      Span at = src.span(0, Math.min(src.root.getEndByte(), firstLineBytes()));
      out.add(new Occurrence(
          new UnparsedMigration(FORMAT, "no class inheriting ActiveRecord::Migration"),
          at, firstLine(src.text), Optional.empty(), Optional.empty(), List.of()));
    }
    for (TSNode cls : migrations) {
      migration(cls);
    }
    return new Parsed(out, statements);
  }

  private int firstLineBytes() {
    int nl = src.text.indexOf('\n');
    return nl < 0 ? src.root.getEndByte() : src.text.substring(0, nl).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  private void collect(TSNode node, List<TSNode> classes) {
    String type = node.getType();
    if (type.equals("class")) {
      classes.add(node);
      modelTable(node);
    } else if (type.equals("assignment")) {
      assignments.add(node);
    }
    int n = node.getNamedChildCount();
    for (int i = 0; i < n; i++) {
      collect(node.getNamedChild(i), classes);
    }
  }

  private boolean isMigration(TSNode cls) {
    TSNode sup = RubySource.field(cls, "superclass");
    return sup != null && src.text(sup).contains("Migration");
  }

  /** {@code class User < ActiveRecord::Base; self.table_name = "legacy_users"; end} in the file. */
  private void modelTable(TSNode cls) {
    TSNode name = RubySource.field(cls, "name");
    TSNode body = RubySource.field(cls, "body");
    if (name == null || body == null) {
      return;
    }
    for (TSNode stmt : RubySource.namedChildren(body)) {
      if (stmt.getType().equals("assignment")) {
        TSNode left = RubySource.field(stmt, "left");
        TSNode right = RubySource.field(stmt, "right");
        if (left != null && right != null && src.text(left).replace(" ", "").equals("self.table_name")) {
          String className = src.text(name).substring(src.text(name).lastIndexOf(':') + 1);
          literal(right, null).ifPresent(t -> modelTables.put(className, t));
        }
      }
    }
  }

  // ---------------------------------------------------------------- one migration class

  private void migration(TSNode cls) {
    String name = src.text(RubySource.field(cls, "name"));
    TSNode body = RubySource.field(cls, "body");
    Map<String, TSNode> methods = new LinkedHashMap<>();
    for (TSNode m : RubySource.namedChildren(body)) {
      if (m.getType().equals("method") || m.getType().equals("singleton_method")) {
        TSNode mName = RubySource.field(m, "name");
        if (mName != null) {
          methods.putIfAbsent(src.text(mName), m);
        }
      }
    }
    helpers = new HashMap<>(methods);
    helpers.remove("up");
    helpers.remove("down");
    helpers.remove("change");
    TSNode down = methods.get("down");
    List<TSNode> downRaises = new ArrayList<>();
    if (down != null) {
      findIrreversibleRaises(down, downRaises);
    }
    dataReversible = down != null && downRaises.isEmpty();
    int first = out.size();
    for (String forward : List.of("change", "up")) {
      TSNode m = methods.get(forward);
      if (m != null) {
        Ctx ctx = new Ctx("`" + forward + "` of " + name, Map.of(), Set.of(), Map.of(), List.of(), null, false);
        walkChildren(m, ctx);
      }
    }
    List<Occurrence> destroyed = out.subList(first, out.size()).stream().filter(o -> destroysData(o.operation())).toList();
    if (destroyed.isEmpty()) {
      return;
    }
    String what = describe(destroyed);
    List<TSNode> forwardRaises = new ArrayList<>();
    for (String forward : List.of("change", "up")) {
      if (methods.containsKey(forward)) {
        findDownBranchRaises(methods.get(forward), forwardRaises, false);
      }
    }
    downRaises.addAll(forwardRaises);
    if (!downRaises.isEmpty()) {
      TSNode raise = downRaises.get(0);
      irreversible(raise, "its rollback raises ActiveRecord::IrreversibleMigration, so " + what + " cannot come back",
          "`down` of " + name);
    } else if (down != null && onlyRebuildsSchema(down)) {
      irreversibleAtHeader(down, "`down` only recreates the schema, so " + what + " comes back empty",
          "`down` of " + name);
    } else if (down == null && methods.containsKey("up") && !methods.containsKey("change")) {
      irreversibleAtHeader(methods.get("up"),
          "there is no `down`: rolling back does nothing, and " + what + " is gone", "`up` of " + name);
    }
  }

  private void irreversible(TSNode at, String reason, String within) {
    irreversible(src.span(at), src.text(at), reason, within, allowancesBefore(at));
  }

  private void irreversible(Span span, String text, String reason, String within, List<Allowance> allowances) {
    out.add(new Occurrence(new IrreversibleMigration(reason), span, text, Optional.empty(), Optional.of(within), allowances));
  }

  /** At the {@code def down} of a method: from {@code def} to the end of its name. */
  private void irreversibleAtHeader(TSNode method, String reason, String within) {
    TSNode name = RubySource.field(method, "name");
    int end = name == null ? method.getEndByte() : name.getEndByte();
    irreversible(src.span(method.getStartByte(), end), src.textBytes(method.getStartByte(), end), reason, within,
        allowancesBefore(method));
  }

  private static boolean destroysData(Operation op) {
    // UpdateRows is left out: a backfill usually writes a column the same migration added, and
    // the update rules already report it.
    return op instanceof DropColumn
        || op instanceof Truncate
        || op instanceof DeleteRows
        || op instanceof Drop d
            && (d.kind() == ObjectKind.TABLE || d.kind() == ObjectKind.PARTITION || d.kind() == ObjectKind.SCHEMA
                || d.kind() == ObjectKind.DATABASE);
  }

  private static String describe(List<Occurrence> destroyed) {
    List<String> parts = new ArrayList<>();
    for (Occurrence o : destroyed) {
      Operation op = o.operation();
      String p;
      if (op instanceof DropColumn d) {
        p = "column `" + d.table() + "." + d.column() + "`";
      } else if (op instanceof Drop d) {
        p = d.kindName() + " `" + String.join("`, `", d.names()) + "`";
      } else if (op instanceof Truncate t) {
        p = "the rows of `" + String.join("`, `", t.tables()) + "`";
      } else if (op instanceof DeleteRows d) {
        p = "the deleted rows of `" + d.table() + "`";
      } else {
        p = "what it destroyed";
      }
      if (!parts.contains(p)) {
        parts.add(p);
      }
    }
    if (parts.size() > 3) {
      int more = parts.size() - 3;
      parts = new ArrayList<>(parts.subList(0, 3));
      parts.add(more + " more");
    }
    return parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  private void findIrreversibleRaises(TSNode node, List<TSNode> found) {
    if (node.getType().equals("call")) {
      String m = methodName(node);
      TSNode args = RubySource.field(node, "arguments");
      if ((m.equals("raise") || m.equals("fail")) && RubySource.field(node, "receiver") == null) {
        found.add(node);
        return;
      }
    }
    for (TSNode c : RubySource.namedChildren(node)) {
      findIrreversibleRaises(c, found);
    }
  }

  /** {@code dir.down { raise ActiveRecord::IrreversibleMigration }} inside a forward method. */
  private void findDownBranchRaises(TSNode node, List<TSNode> found, boolean inDown) {
    if (inDown) {
      findIrreversibleRaises(node, found);
      return;
    }
    if (node.getType().equals("call") && methodName(node).equals("down") && RubySource.field(node, "receiver") != null) {
      TSNode block = RubySource.field(node, "block");
      if (block != null) {
        findDownBranchRaises(block, found, true);
      }
      return;
    }
    for (TSNode c : RubySource.namedChildren(node)) {
      findDownBranchRaises(c, found, false);
    }
  }

  /** A down that only adds tables and columns back: it cannot restore their values. */
  private boolean onlyRebuildsSchema(TSNode down) {
    boolean[] onlySchema = {true};
    boolean[] any = {false};
    scanDown(RubySource.field(down, "body"), onlySchema, any);
    return any[0] && onlySchema[0];
  }

  private void scanDown(TSNode node, boolean[] onlySchema, boolean[] any) {
    if (node == null) {
      return;
    }
    if (node.getType().equals("call")) {
      String m = methodName(node);
      TSNode receiver = RubySource.field(node, "receiver");
      if (receiver == null && (m.startsWith("add_") || m.startsWith("create_") || m.startsWith("change_")
          || m.startsWith("rename_") || m.equals("remove_index") || m.equals("remove_foreign_key")
          || m.startsWith("remove_") || m.startsWith("drop_") || m.equals("reversible"))) {
        any[0] = true;
        if (!m.equals("change_table") && !m.equals("create_table")) {
          return;
        }
      } else if (receiver != null && src.text(receiver).matches("[a-z_][a-z0-9_]*") && !m.equals("execute")) {
        return; // t.string :name inside a change_table block
      } else if (!Set.of("say", "say_with_time", "puts", "reset_column_information").contains(m)) {
        onlySchema[0] = false;
        return;
      }
    }
    for (TSNode c : RubySource.namedChildren(node)) {
      scanDown(c, onlySchema, any);
    }
  }

  // ---------------------------------------------------------------- walking bodies

  private void walkChildren(TSNode node, Ctx ctx) {
    if (node == null) {
      return;
    }
    for (TSNode c : RubySource.namedChildren(node)) {
      walk(c, ctx);
    }
  }

  private void walk(TSNode node, Ctx ctx) {
    switch (node.getType()) {
      case "call" -> call(node, ctx);
      case "method", "singleton_method", "class", "module", "comment", "heredoc_body", "string", "heredoc_beginning",
          "parameters", "method_parameters", "block_parameters", "lambda_parameters" -> {}
      case "identifier" -> {
        String name = src.text(node);
        if (helpers.containsKey(name) && !ctx.bindings().containsKey(name)) {
          inline(name, ctx);
        }
      }
      default -> walkChildren(node, ctx);
    }
  }

  /** A helper method of the migration class called from up: its body runs forward too. */
  private void inline(String name, Ctx ctx) {
    if (inlining.add(name)) {
      try {
        walkChildren(helpers.get(name), new Ctx(ctx.within() + " via `" + name + "`", ctx.tables(), ctx.dirs(),
            ctx.bindings(), ctx.inherited(), ctx.assured(), ctx.revert()));
      } finally {
        inlining.remove(name);
      }
    }
  }

  private void call(TSNode call, Ctx ctx) {
    String name = methodName(call);
    TSNode receiver = RubySource.field(call, "receiver");
    TSNode block = RubySource.field(call, "block");
    Args args = args(call, ctx);
    if (receiver == null) {
      if (helpers.containsKey(name) && !SQL_METHODS.contains(name)) {
        inline(name, ctx);
        walkArgsAndBlock(call, ctx);
        return;
      }
      if (schema(call, name, args, block, ctx)) {
        return;
      }
    } else {
      String recv = src.text(receiver);
      if (receiver.getType().equals("identifier") && ctx.tables().containsKey(recv)) {
        if (tableCall(call, ctx.tables().get(recv), name, args, ctx)) {
          return;
        }
      } else if (receiver.getType().equals("identifier") && ctx.dirs().contains(recv)) {
        if (name.equals("up") && block != null) {
          walkBlock(block, ctx.inherit(allowancesBefore(call)));
        }
        return; // dir.down runs only on rollback
      } else if (isConnection(recv)) {
        if (schema(call, name, args, block, ctx)) {
          return;
        }
      } else if (eachOverLiteral(receiver, name, block, ctx)) {
        return;
      } else if (data(call, name, receiver, args, block, ctx)) {
        return;
      }
    }
    walkArgsAndBlock(call, ctx);
  }

  private void walkArgsAndBlock(TSNode call, Ctx ctx) {
    TSNode receiver = RubySource.field(call, "receiver");
    if (receiver != null) {
      walk(receiver, ctx);
    }
    walkChildren(RubySource.field(call, "arguments"), ctx);
    TSNode block = RubySource.field(call, "block");
    if (block != null) {
      walkBlock(block, ctx);
    }
  }

  private void walkBlock(TSNode block, Ctx ctx) {
    for (TSNode c : RubySource.namedChildren(block)) {
      if (!c.getType().equals("block_parameters")) {
        walk(c, ctx);
      }
    }
  }

  private String blockParam(TSNode block) {
    if (block == null) {
      return null;
    }
    TSNode params = RubySource.field(block, "parameters");
    if (params == null) {
      return null;
    }
    for (TSNode p : RubySource.namedChildren(params)) {
      if (p.getType().equals("identifier")) {
        return src.text(p);
      }
    }
    return null;
  }

  private static boolean isConnection(String receiver) {
    return receiver.equals("connection") || receiver.endsWith(".connection") || receiver.equals("conn");
  }

  /** {@code %i[a b].each do |t| remove_column t, :x end}: the body once per element. */
  private boolean eachOverLiteral(TSNode receiver, String name, TSNode block, Ctx ctx) {
    String type = receiver.getType();
    if (block == null || !(name.equals("each") || name.equals("each_with_index") || name.equals("map"))
        || !(type.equals("array") || type.equals("symbol_array") || type.equals("string_array"))) {
      return false;
    }
    String param = blockParam(block);
    if (param == null) {
      return false;
    }
    for (TSNode element : RubySource.namedChildren(receiver)) {
      walkBlock(block, ctx.withBinding(param, element));
    }
    return true;
  }

  // ---------------------------------------------------------------- schema statements

  private boolean schema(TSNode call, String name, Args a, TSNode block, Ctx ctx) {
    if (ctx.revert() && reverted(call, name, a, block, ctx)) {
      return true;
    }
    switch (name) {
      case "remove_column" -> {
        String t = name(a.at(0), ctx);
        String c = name(a.at(1), ctx);
        boolean ifExists = truthy(a.option("if_exists"));
        emitCall(new DropColumn(t, c, ifExists, false), call, ctx, sql.dropColumns(t, List.of(c), ifExists));
      }
      case "remove_columns" -> {
        String t = name(a.at(0), ctx);
        List<String> cols = namesFrom(a.positional(), 1, ctx);
        boolean ifExists = truthy(a.option("if_exists"));
        String generated = sql.dropColumns(t, cols, ifExists);
        for (String c : cols) {
          emit(new DropColumn(t, c, ifExists, false), call, ctx, generated);
        }
        statements++;
      }
      case "remove_reference", "remove_references", "remove_belongs_to" -> {
        String t = name(a.at(0), ctx);
        for (String ref : namesFrom(a.positional(), 1, ctx)) {
          removeReference(call, t, ref, a, ctx);
        }
        statements++;
      }
      case "remove_timestamps" -> {
        String t = name(a.at(0), ctx);
        removeTimestamps(call, t, a, ctx);
        statements++;
      }
      case "drop_table" -> {
        List<String> tables = namesFrom(a.positional(), 0, ctx);
        boolean ifExists = truthy(a.option("if_exists"));
        boolean cascade = a.option("force") != null && src.text(a.option("force")).equals(":cascade");
        emitCall(new Drop(ObjectKind.TABLE, "table", tables, ifExists, cascade), call,
            block != null ? ctx.note("its block only lets a rollback recreate the table, empty") : ctx,
            sql.dropTable(tables, ifExists, cascade));
      }
      case "drop_join_table" -> {
        String table = a.option("table_name") != null
            ? name(a.option("table_name"), ctx)
            : RailsSql.joinTableName(name(a.at(0), ctx), name(a.at(1), ctx));
        emitCall(Drop.of(ObjectKind.TABLE, table), call, ctx, sql.dropTable(List.of(table), truthy(a.option("if_exists")), false));
      }
      case "create_table" -> {
        TSNode force = a.option("force");
        String t = name(a.at(0), ctx);
        if (force != null && truthy(force)) {
          boolean cascade = src.text(force).equals(":cascade");
          emitCall(new Drop(ObjectKind.TABLE, "table", List.of(t), true, cascade), call, ctx,
              sql.dropTable(List.of(t), true, cascade) + "\nCREATE TABLE " + sql.table(t) + " (…);");
        } else {
          emitCall(new Benign("create_table"), call, ctx, null);
        }
      }
      case "change_column" -> {
        String t = name(a.at(0), ctx);
        String c = name(a.at(1), ctx);
        String type = sqlType(a.at(2), a, ctx);
        TSNode nul = a.option("null");
        TSNode def = a.option("default");
        TSNode using = a.option("using");
        emitCall(new AlterColumnType(t, c, type), call, ctx,
            sql.changeColumn(t, c, type, using == null ? null : literal(using, ctx).orElse(src.text(using)),
                nul == null ? null : truthy(nul) ? "NULL" : "NOT NULL",
                def == null ? null : sql.literal(src.text(def))));
      }
      case "change_column_null" -> changeNull(call, name(a.at(0), ctx), name(a.at(1), ctx), a.at(2), a.at(3), ctx);
      case "rename_column" -> {
        String t = name(a.at(0), ctx);
        String from = name(a.at(1), ctx);
        String to = name(a.at(2), ctx);
        emitCall(new RenameColumn(t, from, to), call, ctx, sql.renameColumn(t, from, to));
      }
      case "rename_table" -> {
        String from = name(a.at(0), ctx);
        String to = name(a.at(1), ctx);
        emitCall(new Rename(ObjectKind.TABLE, from, to), call, ctx, sql.renameTable(from, to));
      }
      case "remove_index", "remove_concurrent_index", "remove_concurrent_index_by_name" -> {
        String t = name(a.at(0), ctx);
        TSNode second = a.at(1);
        boolean byName = name.equals("remove_concurrent_index_by_name");
        removeIndex(call, t, byName ? null : second, byName ? second : null, a, ctx,
            name.startsWith("remove_concurrent"));
      }
      case "remove_foreign_key", "remove_foreign_key_if_exists", "remove_concurrent_foreign_key" -> {
        String from = name(a.at(0), ctx);
        removeForeignKey(call, from, a.at(1), a, ctx);
      }
      case "remove_check_constraint" -> {
        String t = name(a.at(0), ctx);
        String n = a.option("name") != null ? name(a.option("name"), ctx)
            : a.at(1) != null ? RailsSql.checkName(t, name(a.at(1), ctx)) : "check constraint";
        emitCall(new DropConstraint(t, n, false), call, ctx, sql.dropConstraint(t, n, "CHECK"));
      }
      case "remove_exclusion_constraint", "remove_unique_constraint" -> {
        String t = name(a.at(0), ctx);
        String kind = name.equals("remove_unique_constraint") ? "unique" : "exclusion";
        String n = a.option("name") != null ? name(a.option("name"), ctx)
            : a.at(1) != null ? kind + " constraint on " + src.text(a.at(1)) : kind + " constraint";
        emitCall(new DropConstraint(t, n, false), call, ctx, sql.dropConstraint(t, n, "INDEX"));
      }
      case "drop_enum" -> dropObject(call, ObjectKind.TYPE, "TYPE", a, ctx);
      case "drop_schema" -> dropObject(call, ObjectKind.SCHEMA, "SCHEMA", a, ctx);
      case "disable_extension" -> dropObject(call, ObjectKind.EXTENSION, "EXTENSION", a, ctx);
      case "drop_function" -> dropObject(call, ObjectKind.FUNCTION, "FUNCTION", a, ctx);
      case "drop_trigger" -> dropObject(call, ObjectKind.TRIGGER, "TRIGGER", a, ctx);
      case "drop_database" -> dropObject(call, ObjectKind.DATABASE, "DATABASE", a, ctx);
      case "drop_view" -> {
        boolean materialized = truthy(a.option("materialized"));
        dropObject(call, materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW,
            materialized ? "MATERIALIZED VIEW" : "VIEW", a, ctx);
      }
      case "truncate", "truncate_tables" -> {
        List<String> tables = namesFrom(a.positional(), 0, ctx);
        emitCall(new Truncate(tables, false), call, ctx, sql.truncate(tables));
      }
      case "update_column_in_batches" -> {
        String t = name(a.at(0), ctx);
        String c = name(a.at(1), ctx);
        emitCall(new UpdateRows(t, List.of(c), Optional.empty()), call, ctx, sql.update(t, List.of(c), null));
      }
      case "cleanup_concurrent_column_rename" -> {
        String t = name(a.at(0), ctx);
        String c = name(a.at(1), ctx);
        emitCall(new DropColumn(t, c, false, false), call, ctx, sql.dropColumns(t, List.of(c), false));
      }
      case "cleanup_concurrent_column_type_change" -> {
        String t = name(a.at(0), ctx);
        String c = name(a.at(1), ctx);
        emitCall(new DropColumn(t, c, false, false), call, ctx, sql.dropColumns(t, List.of(c), false));
      }
      case "change_table" -> {
        String t = name(a.at(0), ctx);
        if (block == null) {
          return false;
        }
        walkBlock(block, ctx.withTable(blockParam(block), t, allowancesBefore(call)));
      }
      case "reversible" -> {
        if (block == null) {
          return false;
        }
        walkBlock(block, ctx.withDir(blockParam(block), allowancesBefore(call)));
      }
      case "safety_assured" -> {
        if (block == null) {
          return false;
        }
        walkBlock(block, ctx.assured(src.span(RubySource.field(call, "method"))).inherit(allowancesBefore(call)));
      }
      case "revert" -> {
        if (block != null) {
          walkBlock(block, ctx.reverted(allowancesBefore(call)));
        } else {
          emitCall(new UnparsedMigration(FORMAT, "`revert " + (a.at(0) == null ? "" : src.text(a.at(0)))
              + "` undoes another migration whose operations are not in this file; review what that migration created"),
              call, ctx, null);
        }
      }
      default -> {
        if (SQL_METHODS.contains(name) || SQL_IF_STRING.contains(name) && isStringish(a.at(0))) {
          execute(call, name, a, ctx);
        } else if (PASS_THROUGH_BLOCKS.contains(name) && block != null) {
          walkBlock(block, ctx.inherit(allowancesBefore(call)));
        } else if (BENIGN.contains(name)) {
          emitCall(new Benign(name), call, ctx, null);
        } else if (DESTRUCTIVE_NAME.matcher(name).matches() && !helpers.containsKey(name)) {
          emitCall(new UnparsedMigration(FORMAT, "`" + name + "` is not an ActiveRecord migration method and its name"
              + " says it removes something; review what it runs"), call, ctx, null);
        } else {
          return false;
        }
      }
    }
    return true;
  }

  private void removeReference(TSNode call, String t, String ref, Args a, Ctx ctx) {
    boolean poly = truthy(a.option("polymorphic"));
    boolean ifExists = truthy(a.option("if_exists"));
    TSNode fk = a.option("foreign_key");
    StringBuilder generated = new StringBuilder();
    if (fk != null && truthy(fk)) {
      generated.append(sql.dropForeignKey(t, RailsSql.foreignKeyName(t, ref + "_id"))).append('\n');
    }
    List<String> cols = poly ? List.of(ref + "_id", ref + "_type") : List.of(ref + "_id");
    for (String c : cols) {
      generated.append(sql.dropColumns(t, List.of(c), ifExists)).append('\n');
    }
    for (String c : cols) {
      emit(new DropColumn(t, c, ifExists, false), call, ctx, generated.toString().strip());
    }
  }

  private void removeTimestamps(TSNode call, String t, Args a, Ctx ctx) {
    String generated = sql.dropColumns(t, List.of("updated_at", "created_at"), false);
    for (String c : List.of("created_at", "updated_at")) {
      emit(new DropColumn(t, c, false, false), call, ctx, generated);
    }
  }

  private void removeIndex(TSNode call, String t, TSNode columnsArg, TSNode nameArg, Args a, Ctx ctx, boolean concurrently) {
    String index;
    if (a.option("name") != null) {
      index = name(a.option("name"), ctx);
    } else if (nameArg != null) {
      index = name(nameArg, ctx);
    } else {
      TSNode cols = a.option("column") != null ? a.option("column") : columnsArg;
      index = cols == null ? "index on " + t : RailsSql.indexName(t, names(cols, ctx));
    }
    boolean conc = concurrently || a.option("algorithm") != null && src.text(a.option("algorithm")).contains("concurrently");
    boolean ifExists = truthy(a.option("if_exists"));
    emitCall(new Drop(ObjectKind.INDEX, "index", List.of(index), ifExists, false), call, ctx,
        sql.dropIndex(t, index, conc, ifExists));
  }

  private void removeForeignKey(TSNode call, String from, TSNode toArg, Args a, Ctx ctx) {
    String fkName;
    if (a.option("name") != null) {
      fkName = name(a.option("name"), ctx);
    } else {
      String column;
      if (a.option("column") != null) {
        column = name(a.option("column"), ctx);
      } else {
        String to = toArg != null ? name(toArg, ctx) : a.option("to_table") != null ? name(a.option("to_table"), ctx) : null;
        column = to == null ? null : Inflector.singularize(to.substring(to.lastIndexOf('.') + 1)) + "_id";
      }
      fkName = column == null ? "foreign key" : RailsSql.foreignKeyName(from, column);
    }
    emitCall(new DropConstraint(from, fkName, false), call, ctx, sql.dropForeignKey(from, fkName));
  }

  private void changeNull(TSNode call, String t, String c, TSNode nullArg, TSNode defaultArg, Ctx ctx) {
    boolean nullable = nullArg == null || truthy(nullArg);
    String def = defaultArg == null ? null : sql.literal(src.text(defaultArg));
    String generated = sql.changeNull(t, c, nullable, def);
    if (!nullable && defaultArg != null && !src.text(defaultArg).equals("nil")) {
      emitCall(new UpdateRows(t, List.of(c), Optional.of(Predicate.opaque(c + " IS NULL"))), call, ctx, generated);
    } else {
      emitCall(new Benign("change_column_null"), call, ctx, generated);
    }
  }

  private void dropObject(TSNode call, ObjectKind kind, String keyword, Args a, Ctx ctx) {
    String n = name(a.at(0), ctx);
    boolean ifExists = truthy(a.option("if_exists"));
    boolean cascade = a.option("force") != null && src.text(a.option("force")).equals(":cascade")
        || truthy(a.option("cascade"));
    emitCall(new Drop(kind, kind.label(), List.of(n), ifExists, cascade), call, ctx,
        sql.dropObject(keyword, n, ifExists, cascade));
  }

  /** What a schema statement does inside {@code revert do ... end}: its inverse. */
  private boolean reverted(TSNode call, String name, Args a, TSNode block, Ctx ctx) {
    String t = a.at(0) == null ? "?" : name(a.at(0), ctx);
    switch (name) {
      case "create_table" -> emitCall(Drop.of(ObjectKind.TABLE, t), call, ctx, sql.dropTable(List.of(t), false, false));
      case "create_join_table" -> {
        String table = a.option("table_name") != null ? name(a.option("table_name"), ctx)
            : RailsSql.joinTableName(t, name(a.at(1), ctx));
        emitCall(Drop.of(ObjectKind.TABLE, table), call, ctx, sql.dropTable(List.of(table), false, false));
      }
      case "add_column" -> {
        String c = name(a.at(1), ctx);
        emitCall(new DropColumn(t, c, false, false), call, ctx, sql.dropColumns(t, List.of(c), false));
      }
      case "add_reference", "add_belongs_to" -> {
        removeReference(call, t, name(a.at(1), ctx), a, ctx);
        statements++;
      }
      case "add_timestamps" -> {
        removeTimestamps(call, t, a, ctx);
        statements++;
      }
      case "add_index" -> removeIndex(call, t, a.at(1), null, a, ctx, false);
      case "add_foreign_key" -> removeForeignKey(call, t, a.at(1), a, ctx);
      case "add_check_constraint" -> {
        String n = a.option("name") != null ? name(a.option("name"), ctx) : RailsSql.checkName(t, name(a.at(1), ctx));
        emitCall(new DropConstraint(t, n, false), call, ctx, sql.dropConstraint(t, n, "CHECK"));
      }
      case "rename_column" -> {
        String from = name(a.at(2), ctx);
        String to = name(a.at(1), ctx);
        emitCall(new RenameColumn(t, from, to), call, ctx, sql.renameColumn(t, from, to));
      }
      case "rename_table" -> {
        String from = name(a.at(1), ctx);
        emitCall(new Rename(ObjectKind.TABLE, from, t), call, ctx, sql.renameTable(from, t));
      }
      case "enable_extension" -> dropObject(call, ObjectKind.EXTENSION, "EXTENSION", a, ctx);
      case "create_enum" -> dropObject(call, ObjectKind.TYPE, "TYPE", a, ctx);
      case "create_view" -> dropObject(call, truthy(a.option("materialized")) ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW,
          truthy(a.option("materialized")) ? "MATERIALIZED VIEW" : "VIEW", a, ctx);
      default -> {
        if (name.startsWith("remove_") || name.startsWith("drop_")) {
          emitCall(new Benign("revert of " + name), call, ctx, null);
          return true;
        }
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- change_table blocks

  private boolean tableCall(TSNode call, String t, String name, Args a, Ctx ctx) {
    if (ctx.revert()) {
      switch (name) {
        case "remove", "remove_references", "remove_reference", "remove_belongs_to", "remove_timestamps",
            "remove_index", "remove_foreign_key", "remove_check_constraint" -> {
          emitCall(new Benign("revert of t." + name), call, ctx, null);
          return true;
        }
        case "rename" -> {
          String from = name(a.at(1), ctx);
          String to = name(a.at(0), ctx);
          emitCall(new RenameColumn(t, from, to), call, ctx, sql.renameColumn(t, from, to));
          return true;
        }
        case "references", "belongs_to" -> {
          for (String ref : namesFrom(a.positional(), 0, ctx)) {
            removeReference(call, t, ref, a, ctx);
          }
          statements++;
          return true;
        }
        case "timestamps" -> {
          removeTimestamps(call, t, a, ctx);
          statements++;
          return true;
        }
        case "index" -> {
          removeIndex(call, t, a.at(0), null, a, ctx, false);
          return true;
        }
        case "change", "change_default", "change_null", "foreign_key", "check_constraint", "remove_default" -> {}
        default -> {
          List<String> cols = name.equals("column") ? List.of(name(a.at(0), ctx)) : namesFrom(a.positional(), 0, ctx);
          String generated = sql.dropColumns(t, cols, false);
          for (String c : cols) {
            emit(new DropColumn(t, c, false, false), call, ctx, generated);
          }
          statements++;
          return true;
        }
      }
    }
    switch (name) {
      case "remove" -> {
        List<String> cols = namesFrom(a.positional(), 0, ctx);
        boolean ifExists = truthy(a.option("if_exists"));
        String generated = sql.dropColumns(t, cols, ifExists);
        for (String c : cols) {
          emit(new DropColumn(t, c, ifExists, false), call, ctx, generated);
        }
        statements++;
      }
      case "remove_references", "remove_reference", "remove_belongs_to" -> {
        for (String ref : namesFrom(a.positional(), 0, ctx)) {
          removeReference(call, t, ref, a, ctx);
        }
        statements++;
      }
      case "remove_timestamps" -> {
        removeTimestamps(call, t, a, ctx);
        statements++;
      }
      case "remove_index" -> removeIndex(call, t, a.at(0), null, a, ctx, false);
      case "remove_foreign_key" -> removeForeignKey(call, t, a.at(0), a, ctx);
      case "remove_check_constraint" -> {
        String n = a.option("name") != null ? name(a.option("name"), ctx)
            : a.at(0) != null ? RailsSql.checkName(t, name(a.at(0), ctx)) : "check constraint";
        emitCall(new DropConstraint(t, n, false), call, ctx, sql.dropConstraint(t, n, "CHECK"));
      }
      case "rename" -> {
        String from = name(a.at(0), ctx);
        String to = name(a.at(1), ctx);
        emitCall(new RenameColumn(t, from, to), call, ctx, sql.renameColumn(t, from, to));
      }
      case "change" -> {
        String c = name(a.at(0), ctx);
        String type = sqlType(a.at(1), a, ctx);
        TSNode nul = a.option("null");
        TSNode def = a.option("default");
        emitCall(new AlterColumnType(t, c, type), call, ctx,
            sql.changeColumn(t, c, type, null, nul == null ? null : truthy(nul) ? "NULL" : "NOT NULL",
                def == null ? null : sql.literal(src.text(def))));
      }
      case "change_null" -> changeNull(call, t, name(a.at(0), ctx), a.at(1), a.at(2), ctx);
      default -> emitCall(new Benign("t." + name), call, ctx, null);
    }
    return true;
  }

  // ---------------------------------------------------------------- execute and SQL strings

  private void execute(TSNode call, String method, Args a, Ctx ctx) {
    statements++;
    Span span = callSpan(call);
    String statement = src.textBytes(call.getStartByte(), src.endWithHeredocs(call));
    List<Allowance> allowances = allowancesFor(call, ctx);
    TSNode arg = a.at(0);
    if (arg == null) {
      emit(new DynamicSql("`" + method + "` with no SQL argument this frontend can read"), call, ctx, null);
      return;
    }
    Str s = str(arg, ctx, 0);
    if (s.value() == null) {
      Occurrence o = new Occurrence(new DynamicSql("`" + method + "` of " + s.dynamic()), span, statement,
          Optional.empty(), Optional.of(ctx.within()), allowances);
      out.add(assure(o, ctx));
      return;
    }
    List<Occurrence> found = EmbeddedSql.analyze(src.source, s.value(), sql.dialect(), span, statement,
        "`" + method + "` in " + ctx.within(), allowances);
    if (found.isEmpty()) {
      out.add(new Occurrence(new Benign(method + " (no statement)"), span, statement, Optional.of(s.value()),
          Optional.of(ctx.within()), allowances));
    }
    for (Occurrence o : found) {
      out.add(assure(o, ctx));
    }
  }

  private static boolean isStringish(TSNode n) {
    if (n == null) {
      return false;
    }
    String t = n.getType();
    return t.equals("string") || t.equals("heredoc_beginning") || t.equals("chained_string")
        || t.equals("binary") && n.getNamedChildCount() > 0 && isStringish(n.getNamedChild(0));
  }

  private Str str(TSNode n, Ctx ctx, int depth) {
    if (n == null || depth > 8) {
      return Str.dynamic("a value this frontend cannot follow");
    }
    switch (n.getType()) {
      case "string", "bare_string" -> {
        StringBuilder sb = new StringBuilder();
        boolean singleQuoted = src.text(n).startsWith("'") || src.text(n).startsWith("%q");
        for (TSNode c : RubySource.namedChildren(n)) {
          switch (c.getType()) {
            case "string_content" -> sb.append(src.text(c));
            case "escape_sequence" -> sb.append(unescape(src.text(c), singleQuoted));
            case "interpolation" -> {
              return Str.dynamic("a string built at run time (`" + src.text(c) + "`)");
            }
            default -> sb.append(src.text(c));
          }
        }
        return Str.of(sb.toString());
      }
      case "heredoc_beginning" -> {
        TSNode body = src.heredocBody(n);
        if (body == null) {
          return Str.dynamic("a heredoc without a body");
        }
        String start = src.text(n);
        boolean quoted = start.contains("'");
        TSNode end = null;
        for (TSNode c : RubySource.namedChildren(body)) {
          if (c.getType().equals("interpolation") && !quoted) {
            return Str.dynamic("a heredoc built at run time (`" + src.text(c) + "`)");
          }
          if (c.getType().equals("heredoc_end")) {
            end = c;
          }
        }
        String raw = src.textBytes(body.getStartByte(), end == null ? body.getEndByte() : end.getStartByte());
        raw = raw.replaceFirst("^\\r?\\n", "");
        return Str.of(start.startsWith("<<~") ? dedent(raw) : raw);
      }
      case "chained_string" -> {
        StringBuilder sb = new StringBuilder();
        for (TSNode c : RubySource.namedChildren(n)) {
          Str part = str(c, ctx, depth + 1);
          if (part.value() == null) {
            return part;
          }
          sb.append(part.value());
        }
        return Str.of(sb.toString());
      }
      case "binary" -> {
        TSNode op = RubySource.field(n, "operator");
        if (op != null && src.text(op).equals("+")) {
          Str left = str(RubySource.field(n, "left"), ctx, depth + 1);
          if (left.value() == null) {
            return left;
          }
          Str right = str(RubySource.field(n, "right"), ctx, depth + 1);
          return right.value() == null ? right : Str.of(left.value() + right.value());
        }
        return Str.dynamic("`" + firstLine(src.text(n)) + "`");
      }
      case "parenthesized_expression", "parenthesized_statements" -> {
        List<TSNode> inner = RubySource.namedChildren(n);
        return inner.size() == 1 ? str(inner.get(0), ctx, depth + 1) : Str.dynamic("`" + firstLine(src.text(n)) + "`");
      }
      case "call" -> {
        String m = methodName(n);
        TSNode receiver = RubySource.field(n, "receiver");
        if (receiver != null && Set.of("squish", "squish!", "strip", "strip_heredoc", "freeze", "chomp", "dup", "to_s",
            "lstrip", "rstrip", "html_safe", "dedent").contains(m)) {
          Str inner = str(receiver, ctx, depth + 1);
          if (inner.value() != null && m.startsWith("squish")) {
            return Str.of(inner.value().strip().replaceAll("\\s+", " "));
          }
          return inner;
        }
        if (receiver != null && m.equals("join") && receiver.getType().equals("array")) {
          TSNode sepArg = args(n, ctx).at(0);
          String sep = sepArg == null ? "" : str(sepArg, ctx, depth + 1).value();
          if (sep == null) {
            return Str.dynamic("`" + firstLine(src.text(n)) + "`");
          }
          List<String> parts = new ArrayList<>();
          for (TSNode e : RubySource.namedChildren(receiver)) {
            Str p = str(e, ctx, depth + 1);
            if (p.value() == null) {
              return p;
            }
            parts.add(p.value());
          }
          return Str.of(String.join(sep, parts));
        }
        return Str.dynamic("the value of `" + firstLine(src.text(n)) + "`");
      }
      case "identifier", "constant" -> {
        TSNode value = resolve(n, ctx);
        return value == null ? Str.dynamic("`" + src.text(n) + "`, a value computed at run time") : str(value, ctx, depth + 1);
      }
      default -> {
        return Str.dynamic("`" + firstLine(src.text(n)) + "`");
      }
    }
  }

  private static String unescape(String esc, boolean singleQuoted) {
    if (esc.length() < 2) {
      return esc;
    }
    char c = esc.charAt(1);
    if (singleQuoted) {
      return c == '\\' || c == '\'' ? String.valueOf(c) : esc;
    }
    return switch (c) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case 's' -> " ";
      case '0' -> "\0";
      case 'e' -> "\u001b";
      default -> esc.substring(1);
    };
  }

  private static String dedent(String raw) {
    String[] lines = raw.split("\n", -1);
    int min = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        int i = 0;
        while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
          i++;
        }
        min = Math.min(min, i);
      }
    }
    if (min == Integer.MAX_VALUE || min == 0) {
      return raw;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      sb.append(l.isBlank() ? l.strip() : l.substring(Math.min(min, l.length())));
      if (i < lines.length - 1) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- data changes through models

  /**
   * {@code User.where(active: false).delete_all}, {@code Order.find_each { |o| o.destroy }}:
   * a chain rooted at a model class. Returns false when the chain is not one.
   */
  private boolean data(TSNode call, String name, TSNode receiver, Args a, TSNode block, Ctx ctx) {
    List<TSNode> links = new ArrayList<>();
    TSNode root = receiver;
    links.add(call);
    while (root.getType().equals("call") && RubySource.field(root, "receiver") != null) {
      links.add(0, root);
      root = RubySource.field(root, "receiver");
    }
    String rootText = src.text(root);
    if (root.getType().equals("element_reference") && rootText.startsWith("Rake::Task")) {
      emitCall(new DataMigration(firstLine(src.text(call)), dataReversible), call, ctx, null);
      return true;
    }
    if (!(root.getType().equals("constant") || root.getType().equals("scope_resolution"))) {
      return false;
    }
    String first = rootText.contains("::") ? rootText.substring(0, rootText.indexOf("::")) : rootText;
    if (NOT_MODELS.contains(first) && !rootText.equals("ActiveRecord::Base")) {
      return false;
    }
    String model = rootText.substring(rootText.lastIndexOf(':') + 1);
    String table = modelTables.getOrDefault(model, Inflector.tableize(model));
    // links[0] is root's first call; the predicate is what narrows the rows before the last link
    List<String> filters = new ArrayList<>();
    for (int i = 0; i < links.size() - 1; i++) {
      String m = methodName(links.get(i));
      if (!NEUTRAL_LINKS.contains(m)) {
        TSNode args = RubySource.field(links.get(i), "arguments");
        filters.add(m + (args == null ? "" : src.text(args)));
      }
    }
    Optional<Predicate> where = filters.isEmpty() ? Optional.empty() : Optional.of(Predicate.opaque(String.join(".", filters)));
    String whereText = where.map(Predicate::text).orElse(null);
    if (name.equals("delete_all") || name.equals("destroy_all")) {
      String generated = name.equals("delete_all") ? sql.delete(table, whereText)
          : "-- destroy_all loads every matching row and runs its callbacks, then per row:\n"
              + "DELETE FROM " + sql.table(table) + " WHERE " + sql.table(table) + "." + sql.q("id") + " = ?;"
              + (whereText == null ? "" : "  -- for the rows of " + whereText);
      emitCall(new DeleteRows(table, where), call, ctx, generated);
      return true;
    }
    if (name.equals("update_all")) {
      List<String> cols = hashKeys(a);
      emitCall(new UpdateRows(table, cols, where), call, ctx, sql.update(table, cols, whereText));
      return true;
    }
    if ((name.equals("delete") || name.equals("destroy")) && links.size() == 1 && a.at(0) != null) {
      Predicate p = Predicate.opaque("id: " + src.text(RubySource.field(call, "arguments")));
      emitCall(new DeleteRows(table, Optional.of(p)), call, ctx, sql.delete(table, p.text()));
      return true;
    }
    if (DESTROY.contains(name) && links.size() > 1) {
      Predicate p = Predicate.opaque(whereText == null ? "one record" : whereText);
      emitCall(new DeleteRows(table, Optional.of(p)), call, ctx, sql.delete(table, p.text()));
      return true;
    }
    if (UPDATE.contains(name) && links.size() > 1) {
      Predicate p = Predicate.opaque(whereText == null ? "one record" : whereText);
      List<String> cols = hashKeys(a);
      emitCall(new UpdateRows(table, cols, Optional.of(p)), call, ctx, sql.update(table, cols, p.text()));
      return true;
    }
    if (name.equals("upsert") || name.equals("upsert_all")) {
      Predicate p = Predicate.opaque("rows whose unique key matches");
      emitCall(new UpdateRows(table, List.of(), Optional.of(p)), call, ctx, null);
      return true;
    }
    if (LOOPS.contains(name) && block != null) {
      loop(call, table, where, block, ctx);
      return true;
    }
    if (LOOPS.contains(name)) {
      String each = RubySource.namedChildren(RubySource.field(call, "arguments")).stream()
          .filter(n -> n.getType().equals("block_argument")).map(src::text).findFirst().orElse("");
      String m = each.startsWith("&:") ? each.substring(2) : "";
      if (DESTROY.contains(m)) {
        emitCall(new DeleteRows(table, where), call, ctx, sql.delete(table, whereText));
      } else if (UPDATE.contains(m)) {
        emitCall(new UpdateRows(table, List.of(), where), call, ctx, sql.update(table, List.of(), whereText));
      } else if (!each.isEmpty()) {
        emitCall(new DataMigration(firstLine(src.text(call)), dataReversible), call, ctx, null);
      } else {
        return false;
      }
      return true;
    }
    if (SQL_METHODS.contains(name)) {
      execute(call, name, a, ctx);
      return true;
    }
    if (INSERTS.contains(name)) {
      emitCall(new Benign(model + "." + name), call, ctx, null);
      walkArgsAndBlock(call, ctx);
      return true;
    }
    if (READS.contains(name) || links.stream().anyMatch(l -> methodName(l).equals("connection"))) {
      return false;
    }
    if (RUNS_CODE.matcher(name).matches()) {
      emitCall(new DataMigration(firstLine(src.text(call)), dataReversible), call, ctx, null);
      return true;
    }
    return false;
  }

  /** {@code Model.where(...).find_each do |r| r.destroy end}: what the block does to each row. */
  private void loop(TSNode call, String table, Optional<Predicate> where, TSNode block, Ctx ctx) {
    String param = blockParam(block);
    boolean[] deletes = {false};
    boolean[] updates = {false};
    Set<String> cols = new java.util.LinkedHashSet<>();
    if (param != null) {
      scanLoop(block, param, deletes, updates, cols);
    }
    String whereText = where.map(Predicate::text).orElse(null);
    if (deletes[0]) {
      emitCall(new DeleteRows(table, where), call, ctx, sql.delete(table, whereText));
    } else if (updates[0]) {
      emitCall(new UpdateRows(table, List.copyOf(cols), where), call, ctx, sql.update(table, List.copyOf(cols), whereText));
    } else {
      emitCall(new DataMigration(firstLine(src.text(call)), dataReversible), call, ctx, null);
    }
    // schema statements and SQL inside the loop still run
    walkBlock(block, ctx);
  }

  private void scanLoop(TSNode node, String param, boolean[] deletes, boolean[] updates, Set<String> cols) {
    if (node.getType().equals("call")) {
      TSNode receiver = RubySource.field(node, "receiver");
      String m = methodName(node);
      if (receiver != null && src.text(receiver).equals(param)) {
        if (DESTROY.contains(m) || m.equals("delete_all") || m.equals("destroy_all")) {
          deletes[0] = true;
        } else if (UPDATE.contains(m) || m.equals("update_all")) {
          updates[0] = true;
          TSNode args = RubySource.field(node, "arguments");
          if (args != null) {
            for (TSNode p : RubySource.namedChildren(args)) {
              collectKeys(p, cols);
            }
          }
        }
      }
    } else if (node.getType().equals("assignment") || node.getType().equals("operator_assignment")) {
      TSNode left = RubySource.field(node, "left");
      if (left != null && left.getType().equals("call")) {
        TSNode receiver = RubySource.field(left, "receiver");
        if (receiver != null && src.text(receiver).equals(param)) {
          updates[0] = true;
          cols.add(methodName(left));
        }
      }
    }
    for (TSNode c : RubySource.namedChildren(node)) {
      scanLoop(c, param, deletes, updates, cols);
    }
  }

  private List<String> hashKeys(Args a) {
    if (!a.options().isEmpty()) {
      return List.copyOf(a.options().keySet());
    }
    Set<String> cols = new java.util.LinkedHashSet<>();
    for (TSNode p : a.positional()) {
      collectKeys(p, cols);
      if (p.getType().equals("string")) {
        Str s = str(p, null, 0);
        if (s.value() != null) {
          java.util.regex.Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)").matcher(s.value());
          while (m.find()) {
            cols.add(m.group(1));
          }
        }
      }
    }
    return List.copyOf(cols);
  }

  private void collectKeys(TSNode node, Set<String> cols) {
    if (node.getType().equals("pair")) {
      TSNode key = RubySource.field(node, "key");
      if (key != null) {
        cols.add(keyName(key));
      }
    } else if (node.getType().equals("hash")) {
      for (TSNode c : RubySource.namedChildren(node)) {
        collectKeys(c, cols);
      }
    }
  }

  // ---------------------------------------------------------------- emitting

  private void emitCall(Operation op, TSNode call, Ctx ctx, String generated) {
    statements++;
    emit(op, call, ctx, generated);
  }

  private void emit(Operation op, TSNode call, Ctx ctx, String generated) {
    Span span = callSpan(call);
    String statement = src.textBytes(call.getStartByte(), src.endWithHeredocs(call));
    String within = ctx.within();
    out.add(assure(new Occurrence(op, span, statement, Optional.ofNullable(generated), Optional.of(within),
        allowancesFor(call, ctx)), ctx));
  }

  private Span callSpan(TSNode call) {
    return src.span(call.getStartByte(), src.endWithHeredocs(call));
  }

  private List<Allowance> allowancesFor(TSNode call, Ctx ctx) {
    List<Allowance> all = new ArrayList<>(allowancesBefore(call));
    all.addAll(ctx.inherited());
    return all;
  }

  /**
   * Inside {@code safety_assured { ... }} the reviewer has acknowledged the operation, whatever
   * rule fires on it.
   */
  private Occurrence assure(Occurrence o, Ctx ctx) {
    if (ctx.assured() == null) {
      return o;
    }
    List<Allowance> all = new ArrayList<>(o.allowances());
    all.add(new Allowance(Allowance.EVERY_RULE, SAFETY_ASSURED, ctx.assured(), "safety_assured"));
    return new Occurrence(o.operation(), o.span(), o.statement(), o.generatedSql(), o.within(), all);
  }

  /**
   * The {@code # airlock:allow} comments on the lines directly above a call (no blank line in
   * between) and on its last line after it.
   */
  private List<Allowance> allowancesBefore(TSNode node) {
    List<Allowance> found = new ArrayList<>();
    int line = src.line(node.getStartByte());
    for (int l = line - 1; l >= 1 && src.commentOnlyLine(l); l--) {
      for (TSNode c : src.commentsOn(l)) {
        found.addAll(0, Allowance.parse(src.text(c), src.span(c)));
      }
    }
    for (TSNode c : src.commentsOn(src.line(node.getEndByte()))) {
      if (c.getStartByte() >= node.getEndByte()) {
        found.addAll(Allowance.parse(src.text(c), src.span(c)));
      }
    }
    return found;
  }

  // ---------------------------------------------------------------- arguments and values

  private Args args(TSNode call, Ctx ctx) {
    List<TSNode> positional = new ArrayList<>();
    Map<String, TSNode> options = new LinkedHashMap<>();
    TSNode list = RubySource.field(call, "arguments");
    for (TSNode arg : RubySource.namedChildren(list)) {
      switch (arg.getType()) {
        case "pair" -> addPair(arg, options);
        case "hash" -> {
          for (TSNode p : RubySource.namedChildren(arg)) {
            if (p.getType().equals("pair")) {
              addPair(p, options);
            }
          }
        }
        case "block_argument", "comment" -> {}
        case "splat_argument" -> {
          TSNode inner = arg.getNamedChildCount() > 0 ? arg.getNamedChild(0) : null;
          TSNode value = inner == null ? null : resolve(inner, ctx);
          if (value != null && value.getType().matches("array|symbol_array|string_array")) {
            positional.addAll(RubySource.namedChildren(value));
          } else {
            positional.add(arg);
          }
        }
        default -> positional.add(arg);
      }
    }
    return new Args(positional, options);
  }

  private void addPair(TSNode pair, Map<String, TSNode> options) {
    TSNode key = RubySource.field(pair, "key");
    TSNode value = RubySource.field(pair, "value");
    if (key != null && value != null) {
      options.put(keyName(key), value);
    }
  }

  private String keyName(TSNode key) {
    String k = src.text(key);
    if (k.startsWith(":")) {
      k = k.substring(1);
    }
    if (k.endsWith(":")) {
      k = k.substring(0, k.length() - 1);
    }
    return k.replaceAll("^[\"']|[\"']$", "");
  }

  private String methodName(TSNode call) {
    TSNode m = RubySource.field(call, "method");
    return m == null ? "" : src.text(m);
  }

  /** A name written as a symbol or string (or a variable holding one); else the code itself. */
  private String name(TSNode n, Ctx ctx) {
    if (n == null) {
      return "?";
    }
    return literal(n, ctx).orElse(src.text(n));
  }

  private Optional<String> literal(TSNode n, Ctx ctx) {
    return literal(n, ctx, 0);
  }

  private Optional<String> literal(TSNode n, Ctx ctx, int depth) {
    if (n == null || depth > 8) {
      return Optional.empty();
    }
    switch (n.getType()) {
      case "simple_symbol" -> {
        return Optional.of(src.text(n).substring(1));
      }
      case "hash_key_symbol", "bare_symbol", "integer" -> {
        return Optional.of(src.text(n));
      }
      case "delimited_symbol", "string", "bare_string" -> {
        Str s = str(n, ctx, depth + 1);
        return Optional.ofNullable(s.value());
      }
      case "identifier", "constant" -> {
        TSNode value = resolve(n, ctx);
        return value == null ? Optional.empty() : literal(value, ctx, depth + 1);
      }
      case "call" -> {
        String m = methodName(n);
        TSNode receiver = RubySource.field(n, "receiver");
        if (receiver != null && (m.equals("to_s") || m.equals("to_sym") || m.equals("freeze"))) {
          return literal(receiver, ctx, depth + 1);
        }
        if (receiver != null && m.equals("table_name") && receiver.getType().matches("constant|scope_resolution")) {
          String model = src.text(receiver);
          model = model.substring(model.lastIndexOf(':') + 1);
          return Optional.of(modelTables.getOrDefault(model, Inflector.tableize(model)));
        }
        return Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** A local variable, block binding or constant assigned a value earlier in the file. */
  private TSNode resolve(TSNode n, Ctx ctx) {
    String name = src.text(n);
    if (ctx != null && ctx.bindings().containsKey(name)) {
      return ctx.bindings().get(name);
    }
    TSNode best = null;
    for (TSNode a : assignments) {
      TSNode left = RubySource.field(a, "left");
      if (left != null && src.text(left).equals(name) && a.getStartByte() < n.getStartByte()) {
        best = RubySource.field(a, "right");
      }
    }
    if (best == null && n.getType().equals("constant")) {
      for (TSNode a : assignments) {
        TSNode left = RubySource.field(a, "left");
        if (left != null && src.text(left).equals(name)) {
          best = RubySource.field(a, "right");
        }
      }
    }
    return best;
  }

  private List<String> names(TSNode n, Ctx ctx) {
    if (n == null) {
      return List.of("?");
    }
    TSNode value = n.getType().equals("identifier") || n.getType().equals("constant") ? resolve(n, ctx) : n;
    if (value != null && value.getType().matches("array|symbol_array|string_array")) {
      return RubySource.namedChildren(value).stream().map(e -> name(e, ctx)).toList();
    }
    return List.of(name(n, ctx));
  }

  private List<String> namesFrom(List<TSNode> positional, int from, Ctx ctx) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < positional.size(); i++) {
      out.addAll(names(positional.get(i), ctx));
    }
    if (out.isEmpty()) {
      out.add("?");
    }
    return out;
  }

  private boolean truthy(TSNode n) {
    if (n == null) {
      return false;
    }
    String t = src.text(n);
    return !t.equals("false") && !t.equals("nil");
  }

  private String sqlType(TSNode typeArg, Args a, Ctx ctx) {
    if (typeArg == null) {
      return "?";
    }
    String type = name(typeArg, ctx);
    String limit = a.option("limit") == null ? null : src.text(a.option("limit"));
    String precision = a.option("precision") == null ? null : src.text(a.option("precision"));
    String scale = a.option("scale") == null ? null : src.text(a.option("scale"));
    String sqlType = sql.type(type, limit, precision, scale);
    return truthy(a.option("array")) && sql.dialect() == Dialect.POSTGRESQL ? sqlType + "[]" : sqlType;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl) + " …";
    return line.length() > 120 ? line.substring(0, 117) + "…" : line;
  }

  static String joinNames(List<String> names) {
    return names.stream().collect(Collectors.joining(", "));
  }
}
