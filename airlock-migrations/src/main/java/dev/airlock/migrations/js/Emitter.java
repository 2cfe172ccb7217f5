package dev.airlock.migrations.js;

import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.IrreversibleMigration;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Truncate;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.source.Span;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.EmbeddedSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.treesitter.TSNode;

/**
 * What the Knex and TypeORM walkers share: the occurrences of one file and how each is made (its
 * span, source text, allow comments), SQL held in strings, method chains, and the rollback check.
 */
final class Emitter {
  /**
   * One link of a method chain: {@code .name(args)}, {@code .name}, or a direct call {@code
   * f(args)} (name "").
   */
  record Link(String name, TSNode call, TSNode node) {
    boolean called() {
      return call != null;
    }

    TSNode arguments() {
      return call == null ? null : JsSource.field(call, "arguments");
    }

    List<TSNode> args() {
      return JsSource.named(arguments());
    }

    TSNode arg(int i) {
      List<TSNode> a = args();
      return i < a.size() ? a.get(i) : null;
    }
  }

  /** {@code root.a(x).b.c(y)}: the root expression and its links, innermost first. */
  record Chain(TSNode root, List<Link> links) {
    String rootText(JsSource src) {
      return root == null ? "" : src.text(root);
    }

    boolean has(String name) {
      return links.stream().anyMatch(l -> name.equals(l.name()));
    }

    Link first(String name) {
      return links.stream().filter(l -> name.equals(l.name())).findFirst().orElse(null);
    }
  }

  /** What a call in a rollback does, for the rollback check. */
  enum Effect {
    /** Re-creates tables or columns: they come back empty. */
    SCHEMA,
    /** Writes rows, or runs code whose effect is unknown: it may restore the data. */
    DATA,
    /** Neither (logging, reads): look inside its arguments. */
    NEUTRAL
  }

  final JsSource src;
  final JsValues values;
  final String format;
  final List<Occurrence> out = new ArrayList<>();
  int statements;

  Emitter(JsSource src, String format) {
    this.src = src;
    this.values = new JsValues(src);
    this.format = format;
  }

  /** One syntax error is enough to fail closed; tree-sitter recovers and the rest is still read. */
  void syntaxErrors() {
    for (TSNode error : src.errors()) {
      Span at = src.span(error);
      out.add(
          new Occurrence(
              new UnparsedMigration(
                  format,
                  "syntax error at line " + at.startLine() + "; calls near it may be missed"),
              at,
              JsValues.firstLine(src.text(error)),
              Optional.empty(),
              Optional.empty(),
              List.of()));
      return;
    }
  }

  void unparsed(String reason) {
    int nl = src.text.indexOf('\n');
    int end = nl < 0 ? src.text.length() : nl;
    Span at = src.source.span(0, end);
    out.add(
        new Occurrence(
            new UnparsedMigration(format, reason),
            at,
            src.text.substring(0, end),
            Optional.empty(),
            Optional.empty(),
            List.of()));
  }

  /** Counts one ORM statement and records what it does. */
  void statement(
      Operation op, TSNode call, String within, String generated, List<Allowance> inherited) {
    statements++;
    emit(op, call, within, generated, inherited);
  }

  void emit(Operation op, TSNode call, String within, String generated, List<Allowance> inherited) {
    out.add(
        new Occurrence(
            op,
            src.span(call),
            src.text(call),
            Optional.ofNullable(generated),
            Optional.of(within),
            allowances(call, inherited)));
  }

  /**
   * A link of a chain after its first operation ({@code .dropTableIfExists('b')} in {@code
   * knex.schema.dropTable('a').dropTableIfExists('b')}): from its name to its closing parenthesis.
   */
  void emitLink(
      Operation op,
      Link link,
      boolean first,
      String within,
      String generated,
      List<Allowance> inherited) {
    if (first || !link.called()) {
      emit(op, link.call(), within, generated, inherited);
      return;
    }
    TSNode fn = JsSource.field(link.call(), "function");
    TSNode prop = fn == null ? null : JsSource.field(fn, "property");
    int start = prop == null ? link.call().getStartByte() : prop.getStartByte();
    int end = link.call().getEndByte();
    out.add(
        new Occurrence(
            op,
            src.span(start, end),
            src.text(start, end),
            Optional.ofNullable(generated),
            Optional.of(within),
            allowances(link.call(), inherited)));
  }

  List<Allowance> allowances(TSNode node, List<Allowance> inherited) {
    if (inherited.isEmpty()) {
      return allowancesAround(node);
    }
    List<Allowance> all = new ArrayList<>(allowancesAround(node));
    all.addAll(inherited);
    return all;
  }

  /**
   * The {@code // airlock:allow} comments on the lines directly above a node (no blank line in
   * between; a block comment counts from its last line) and after it on its first line.
   */
  List<Allowance> allowancesAround(TSNode node) {
    List<Allowance> found = new ArrayList<>();
    int line = src.line(node.getStartByte());
    int l = line - 1;
    while (l >= 1) {
      TSNode block = blockCommentEndingOn(l);
      if (block != null) {
        found.addAll(0, Allowance.parse(src.text(block), src.span(block)));
        l = src.line(block.getStartByte()) - 1;
      } else if (src.commentOnlyLine(l)) {
        for (TSNode c : src.commentsOn(l)) {
          found.addAll(0, Allowance.parse(src.text(c), src.span(c)));
        }
        l--;
      } else {
        break;
      }
    }
    for (TSNode c : src.commentsOn(src.line(node.getEndByte()))) {
      if (c.getStartByte() >= node.getEndByte()) {
        found.addAll(Allowance.parse(src.text(c), src.span(c)));
      }
    }
    return found;
  }

  /** A block comment that starts on an earlier, comment-only line and ends on {@code line}. */
  private TSNode blockCommentEndingOn(int line) {
    for (List<TSNode> comments : src.commentLines()) {
      for (TSNode c : comments) {
        int start = src.line(c.getStartByte());
        if (start < line
            && src.line(c.getEndByte()) == line
            && src.commentOnlyLine(start)
            && src.source
                .line(line)
                .substring(src.source.columnOf(src.charOffset(c.getEndByte())) - 1)
                .isBlank()) {
          return c;
        }
      }
    }
    return null;
  }

  /**
   * SQL passed as a string: analysed with the SQL frontend when the string is known, else a
   * DynamicSql. Counts one statement.
   */
  void embedded(
      TSNode call,
      TSNode sqlArg,
      List<TSNode> bindingsArg,
      String method,
      Dialect dialect,
      String within,
      Map<String, TSNode> bindings,
      List<Allowance> inherited,
      Function<String, String> placeholders) {
    statements++;
    Span span = src.span(call);
    String statement = src.text(call);
    List<Allowance> allowances = allowances(call, inherited);
    if (sqlArg == null) {
      out.add(
          new Occurrence(
              new DynamicSql("`" + method + "` with no SQL argument this frontend can read"),
              span,
              statement,
              Optional.empty(),
              Optional.of(within),
              allowances));
      return;
    }
    JsValues.Str s = values.string(sqlArg, bindings);
    if (s.value() == null) {
      out.add(
          new Occurrence(
              new DynamicSql("`" + method + "` of " + s.dynamic()),
              span,
              statement,
              Optional.empty(),
              Optional.of(within),
              allowances));
      return;
    }
    String sql = placeholders.apply(s.value());
    List<Occurrence> found =
        EmbeddedSql.analyze(
            src.source, sql, dialect, span, statement, "`" + method + "` in " + within, allowances);
    if (found.isEmpty()) {
      out.add(
          new Occurrence(
              new Benign(method + " (no statement)"),
              span,
              statement,
              Optional.of(sql),
              Optional.of(within),
              allowances));
    }
    out.addAll(found);
  }

  // ---------------------------------------------------------------- chains

  /**
   * Flattens {@code a.b(x).c(y)} into its root and links; parentheses, await and {@code !} are seen
   * through.
   */
  static Chain chain(JsSource src, TSNode expression) {
    List<Link> links = new ArrayList<>();
    TSNode n = JsSource.unwrap(expression);
    while (n != null) {
      String type = n.getType();
      if (type.equals("call_expression")) {
        TSNode fn = JsSource.unwrap(JsSource.field(n, "function"));
        if (fn != null && fn.getType().equals("member_expression")) {
          TSNode prop = JsSource.field(fn, "property");
          links.add(0, new Link(prop == null ? "" : src.text(prop), n, n));
          n = JsSource.unwrap(JsSource.field(fn, "object"));
        } else {
          links.add(0, new Link("", n, n));
          n = fn;
          break;
        }
      } else if (type.equals("member_expression")) {
        TSNode prop = JsSource.field(n, "property");
        links.add(0, new Link(prop == null ? "" : src.text(prop), null, n));
        n = JsSource.unwrap(JsSource.field(n, "object"));
      } else {
        break;
      }
    }
    return new Chain(n, links);
  }

  // ---------------------------------------------------------------- rollback

  static boolean destroysData(Operation op) {
    return op instanceof DropColumn
        || op instanceof Truncate
        || op instanceof DeleteRows
        || op instanceof Drop d
            && (d.kind() == ObjectKind.TABLE
                || d.kind() == ObjectKind.SCHEMA
                || d.kind() == ObjectKind.DATABASE);
  }

  static String describe(List<Occurrence> destroyed) {
    List<String> parts = new ArrayList<>();
    for (Occurrence o : destroyed) {
      Operation op = o.operation();
      String p;
      if (op instanceof DropColumn d) {
        p = "column `" + d.table() + "." + d.column() + "`";
      } else if (op instanceof Drop d) {
        p = d.kindName() + " `" + String.join("`, `", d.names()) + "`";
      } else if (op instanceof Truncate t) {
        p = "table `" + String.join("`, `", t.tables()) + "`";
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
    return parts.size() == 1
        ? parts.get(0)
        : String.join(", ", parts.subList(0, parts.size() - 1))
            + " and "
            + parts.get(parts.size() - 1);
  }

  /**
   * Reports a migration whose rollback cannot bring back what its forward step destroyed: no
   * rollback, one that throws, one that does nothing, or one that only re-creates the schema.
   *
   * @param up the forward function (its header is where a missing rollback is reported)
   * @param down the rollback function, or null
   * @param effect what a call chain in the rollback does
   */
  void rollback(
      int firstOfUp,
      TSNode up,
      TSNode down,
      String upName,
      String downName,
      Function<Chain, Effect> effect) {
    List<Occurrence> destroyed =
        out.subList(firstOfUp, out.size()).stream()
            .filter(o -> destroysData(o.operation()))
            .toList();
    if (destroyed.isEmpty()) {
      return;
    }
    String what = describe(destroyed);
    if (down == null) {
      irreversibleAt(
          up,
          "there is no `down`: rolling back does nothing, and the data of " + what + " is gone",
          "`" + upName + "`");
      return;
    }
    TSNode body = JsSource.field(down, "body");
    List<TSNode> throwsFound = new ArrayList<>();
    boolean[] schema = {false};
    boolean[] data = {false};
    scanRollback(body == null ? down : body, effect, throwsFound, schema, data);
    if (!throwsFound.isEmpty()) {
      TSNode t = throwsFound.get(0);
      out.add(
          new Occurrence(
              new IrreversibleMigration(
                  "its `down` throws, so the data of " + what + " cannot come back"),
              src.span(t),
              src.text(t),
              Optional.empty(),
              Optional.of("`" + downName + "`"),
              allowancesAround(t)));
    } else if (data[0]) {
      return;
    } else if (schema[0]) {
      irreversibleAt(
          down,
          "`down` only re-creates the schema, so the data of " + what + " does not come back",
          "`" + downName + "`");
    } else {
      irreversibleAt(
          down,
          "`down` does nothing, so the data of " + what + " is gone for good",
          "`" + downName + "`");
    }
  }

  private void scanRollback(
      TSNode node,
      Function<Chain, Effect> effect,
      List<TSNode> throwsFound,
      boolean[] schema,
      boolean[] data) {
    switch (node.getType()) {
      case "throw_statement" -> {
        throwsFound.add(node);
        return;
      }
      case "call_expression", "new_expression" -> {
        Chain c = chain(src, node);
        Effect e = node.getType().equals("new_expression") ? Effect.NEUTRAL : effect.apply(c);
        if (e == Effect.SCHEMA) {
          schema[0] = true;
          return;
        }
        if (e == Effect.DATA) {
          data[0] = true;
          return;
        }
        for (Link l : c.links()) {
          for (TSNode a : l.args()) {
            scanRollback(a, effect, throwsFound, schema, data);
          }
        }
        return;
      }
      default -> {}
    }
    for (TSNode c : JsSource.named(node)) {
      scanRollback(c, effect, throwsFound, schema, data);
    }
  }

  /**
   * At a function's header: from {@code exports.down =} or {@code async down} to its parameters.
   */
  private void irreversibleAt(TSNode fn, String reason, String within) {
    TSNode params = JsSource.field(fn, "parameters");
    if (params == null) {
      params = JsSource.field(fn, "parameter");
    }
    int start = fn.getStartByte();
    TSNode parent = fn.getParent();
    // exports.down = function (knex) {...}: report from `exports.down`
    if (parent != null
        && !parent.isNull()
        && (parent.getType().equals("assignment_expression")
            || parent.getType().equals("pair")
            || parent.getType().equals("variable_declarator"))) {
      start = parent.getStartByte();
    }
    int end = params != null ? params.getEndByte() : Math.min(fn.getEndByte(), start + 1);
    Span span = src.span(start, end);
    out.add(
        new Occurrence(
            new IrreversibleMigration(reason),
            span,
            src.text(start, end),
            Optional.empty(),
            Optional.of(within),
            allowancesAround(parent != null && start == parent.getStartByte() ? parent : fn)));
  }
}
