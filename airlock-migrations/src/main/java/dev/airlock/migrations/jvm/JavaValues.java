package dev.airlock.migrations.jvm;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Constant evaluation of Java string expressions inside one compilation unit: literals, text
 * blocks, concatenation, {@code static final} constants, effectively constant locals (the last
 * assignment before the use), {@code String.format}/{@code formatted}/{@code join}, StringBuilder
 * chains, helper methods that return a constant, parameters of helper methods (the union of the
 * arguments at every call site in the file) and loop variables over a constant array or list.
 * A value may have several possibilities (a loop over three table names gives three strings);
 * anything else is dynamic, with the reason.
 */
final class JavaValues {
  private static final int MAX_VALUES = 64;
  private static final int MAX_DEPTH = 24;

  /** The possible strings of an expression, or why they cannot be known, or not a string. */
  record Value(List<String> strings, String dynamic, boolean notString) {
    static Value of(String s) {
      return new Value(List.of(s), null, false);
    }

    static Value of(List<String> s) {
      return new Value(List.copyOf(s), null, false);
    }

    static Value dynamic(String why) {
      return new Value(List.of(), why, false);
    }

    static final Value NOT_STRING = new Value(List.of(), null, true);

    boolean known() {
      return dynamic == null && !notString;
    }
  }

  private final CompilationUnit unit;

  JavaValues(CompilationUnit unit) {
    this.unit = unit;
  }

  Value eval(Expression e) {
    return eval(e, 0);
  }

  private Value eval(Expression e, int depth) {
    if (depth > MAX_DEPTH) {
      return Value.dynamic("`" + e + "` is too deeply derived to follow");
    }
    if (e instanceof StringLiteralExpr s) {
      return Value.of(s.asString());
    }
    if (e instanceof TextBlockLiteralExpr t) {
      return Value.of(t.asString());
    }
    if (e instanceof CharLiteralExpr c) {
      return Value.of(String.valueOf(c.asChar()));
    }
    if (e instanceof IntegerLiteralExpr i) {
      return Value.of(i.getValue().replace("_", ""));
    }
    if (e instanceof LongLiteralExpr l) {
      return Value.of(l.getValue().replace("_", "").replaceAll("[lL]$", ""));
    }
    if (e instanceof DoubleLiteralExpr d) {
      return Value.of(d.getValue());
    }
    if (e instanceof BooleanLiteralExpr b) {
      return Value.of(String.valueOf(b.getValue()));
    }
    if (e instanceof NullLiteralExpr) {
      return Value.of("null");
    }
    if (e instanceof EnclosedExpr en) {
      return eval(en.getInner(), depth + 1);
    }
    if (e instanceof CastExpr c) {
      return eval(c.getExpression(), depth + 1);
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      return product(eval(b.getLeft(), depth + 1), eval(b.getRight(), depth + 1));
    }
    if (e instanceof ConditionalExpr c) {
      return union(List.of(eval(c.getThenExpr(), depth + 1), eval(c.getElseExpr(), depth + 1)));
    }
    if (e instanceof NameExpr n) {
      return name(n, depth + 1);
    }
    if (e instanceof FieldAccessExpr f) {
      if (f.getScope() instanceof ThisExpr || isTypeInUnit(f.getScope().toString())) {
        return field(f.getNameAsString(), f, depth + 1).orElse(Value.dynamic("field `" + f + "`"));
      }
      return Value.dynamic("`" + f + "`, defined outside this file");
    }
    if (e instanceof MethodCallExpr m) {
      return call(m, depth + 1);
    }
    if (e instanceof ObjectCreationExpr o) {
      String type = o.getType().getNameAsString();
      if (type.equals("String") && o.getArguments().size() == 1) {
        return eval(o.getArguments().get(0), depth + 1);
      }
      return Value.NOT_STRING;
    }
    if (e instanceof LambdaExpr
        || e instanceof MethodReferenceExpr
        || e instanceof ArrayCreationExpr
        || e instanceof ArrayInitializerExpr
        || e instanceof ThisExpr) {
      return Value.NOT_STRING;
    }
    return Value.dynamic("`" + abbreviate(e) + "`");
  }

  /** The possible elements of an array or collection expression (for-each, forEach). */
  Value elements(Expression e, int depth) {
    if (depth > MAX_DEPTH) {
      return Value.dynamic("`" + e + "` is too deeply derived to follow");
    }
    if (e instanceof ArrayInitializerExpr a) {
      return union(a.getValues().stream().map(v -> eval(v, depth + 1)).toList());
    }
    if (e instanceof ArrayCreationExpr a && a.getInitializer().isPresent()) {
      return elements(a.getInitializer().get(), depth + 1);
    }
    if (e instanceof MethodCallExpr m) {
      String n = m.getNameAsString();
      if (Set.of("of", "asList", "singletonList", "singleton", "copyOf", "newArrayList").contains(n)) {
        if (m.getArguments().size() == 1 && !(m.getArguments().get(0) instanceof StringLiteralExpr)) {
          return elements(m.getArguments().get(0), depth + 1);
        }
        return union(m.getArguments().stream().map(v -> eval(v, depth + 1)).toList());
      }
      if (n.equals("stream") && m.getScope().isPresent()) {
        return elements(m.getScope().get(), depth + 1);
      }
      return Value.dynamic("the elements of `" + abbreviate(m) + "`");
    }
    if (e instanceof NameExpr n) {
      Optional<Node> decl = declaration(n.getNameAsString(), n);
      if (decl.isPresent() && decl.get() instanceof VariableDeclarator v && v.getInitializer().isPresent()) {
        if (assignedElsewhere(v)) {
          return Value.dynamic("`" + n + "` is reassigned");
        }
        return elements(v.getInitializer().get(), depth + 1);
      }
      return Value.dynamic("the elements of `" + n + "`");
    }
    if (e instanceof FieldAccessExpr f && (f.getScope() instanceof ThisExpr || isTypeInUnit(f.getScope().toString()))) {
      Optional<VariableDeclarator> v = fieldDeclarator(f.getNameAsString(), f);
      if (v.isPresent() && v.get().getInitializer().isPresent() && !assignedElsewhere(v.get())) {
        return elements(v.get().getInitializer().get(), depth + 1);
      }
    }
    if (e instanceof EnclosedExpr en) {
      return elements(en.getInner(), depth + 1);
    }
    return Value.dynamic("the elements of `" + abbreviate(e) + "`");
  }

  private Value name(NameExpr n, int depth) {
    String name = n.getNameAsString();
    Optional<Node> decl = declaration(name, n);
    if (decl.isEmpty()) {
      return Value.dynamic("`" + name + "`, defined outside this file");
    }
    Node d = decl.get();
    if (d instanceof Parameter p) {
      return parameter(p, depth);
    }
    VariableDeclarator v = (VariableDeclarator) d;
    if (!stringType(v.getTypeAsString()) && !scalarType(v.getTypeAsString())) {
      return Value.NOT_STRING;
    }
    Node holder = v.getParentNode().orElse(null);
    if (holder instanceof FieldDeclaration) {
      return field(name, n, depth).orElse(Value.dynamic("field `" + name + "`"));
    }
    Node owner = holder == null ? null : holder.getParentNode().orElse(null);
    if (owner instanceof ForEachStmt fe) {
      Value els = elements(fe.getIterable(), depth + 1);
      return els.known() ? els : Value.dynamic("loop variable `" + name + "` over " + els.dynamic());
    }
    if (owner instanceof ForStmt) {
      return Value.dynamic("loop variable `" + name + "`");
    }
    return local(v, n, depth);
  }

  /** A local variable: the last assignment before the use, if it surely happens. */
  private Value local(VariableDeclarator v, NameExpr use, int depth) {
    String name = v.getNameAsString();
    Node scope = v.findAncestor(CallableDeclaration.class).map(c -> (Node) c).orElse(unit);
    int useAt = begin(use);
    AssignExpr last = null;
    for (AssignExpr a : scope.findAll(AssignExpr.class)) {
      if (a.getTarget() instanceof NameExpr t
          && t.getNameAsString().equals(name)
          && end(a) < useAt
          && begin(a) > begin(v)
          && (last == null || begin(a) > begin(last))) {
        last = a;
      }
    }
    if (last == null) {
      return v.getInitializer().map(i -> eval(i, depth + 1)).orElse(Value.dynamic("`" + name + "` has no value here"));
    }
    Optional<Statement> stmt = last.findAncestor(Statement.class);
    boolean sure =
        stmt.isPresent()
            && stmt.get() instanceof ExpressionStmt
            && stmt.get().getParentNode().filter(b -> b instanceof BlockStmt && isAncestor(b, use)).isPresent();
    if (!sure) {
      return Value.dynamic("`" + name + "` is assigned in a branch or loop");
    }
    Value rhs = eval(last.getValue(), depth + 1);
    return switch (last.getOperator()) {
      case ASSIGN -> rhs;
      case PLUS -> product(name((NameExpr) last.getTarget(), depth + 1), rhs);
      default -> Value.dynamic("`" + name + "` is computed");
    };
  }

  private Value parameter(Parameter p, int depth) {
    if (!stringType(p.getTypeAsString())) {
      return Value.NOT_STRING;
    }
    Node owner = p.getParentNode().orElse(null);
    if (owner instanceof LambdaExpr lambda) {
      Node call = lambda.getParentNode().orElse(null);
      if (call instanceof MethodCallExpr m && m.getNameAsString().equals("forEach") && m.getScope().isPresent()) {
        Value els = elements(m.getScope().get(), depth + 1);
        return els.known() ? els : Value.dynamic("lambda parameter `" + p.getNameAsString() + "` over " + els.dynamic());
      }
      return Value.dynamic("lambda parameter `" + p.getNameAsString() + "`");
    }
    if (owner instanceof CatchClause) {
      return Value.NOT_STRING;
    }
    if (owner instanceof MethodDeclaration m) {
      int index = m.getParameters().indexOf(p);
      List<Value> args = new ArrayList<>();
      for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
        if (call.getNameAsString().equals(m.getNameAsString())
            && call.getArguments().size() == m.getParameters().size()
            && (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr)) {
          args.add(eval(call.getArguments().get(index), depth + 1));
        }
      }
      if (args.isEmpty() || m.getParameters().get(m.getParameters().size() - 1).isVarArgs()) {
        return Value.dynamic("parameter `" + p.getNameAsString() + "` of `" + m.getNameAsString() + "()`");
      }
      Value all = union(args);
      return all.known() ? all : Value.dynamic("parameter `" + p.getNameAsString() + "` of `" + m.getNameAsString() + "()`, given " + all.dynamic());
    }
    return Value.dynamic("parameter `" + p.getNameAsString() + "`");
  }

  private Optional<Value> field(String name, Node from, int depth) {
    Optional<VariableDeclarator> v = fieldDeclarator(name, from);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!stringType(v.get().getTypeAsString()) && !scalarType(v.get().getTypeAsString())) {
      return Optional.of(Value.NOT_STRING);
    }
    if (v.get().getInitializer().isEmpty()) {
      return Optional.of(Value.dynamic("field `" + name + "` is set at run time"));
    }
    if (assignedElsewhere(v.get())) {
      return Optional.of(Value.dynamic("field `" + name + "` is reassigned"));
    }
    return Optional.of(eval(v.get().getInitializer().get(), depth + 1));
  }

  private Value call(MethodCallExpr m, int depth) {
    String n = m.getNameAsString();
    List<Expression> args = m.getArguments();
    Optional<Expression> scope = m.getScope();
    boolean onString = scope.map(s -> s instanceof NameExpr ne && ne.getNameAsString().equals("String")).orElse(false);
    if (onString && n.equals("format") && !args.isEmpty()) {
      return format(args.get(0), args.subList(1, args.size()), depth);
    }
    if (onString && n.equals("valueOf") && args.size() == 1) {
      return eval(args.get(0), depth + 1);
    }
    if (onString && n.equals("join") && !args.isEmpty()) {
      Value delim = eval(args.get(0), depth + 1);
      List<Value> parts = new ArrayList<>();
      if (args.size() == 2 && !(args.get(1) instanceof StringLiteralExpr) && !eval(args.get(1), depth + 1).known()) {
        Value els = elements(args.get(1), depth + 1);
        if (!els.known() || !delim.known() || delim.strings().size() != 1) {
          return Value.dynamic("`" + abbreviate(m) + "`");
        }
        return Value.of(String.join(delim.strings().get(0), els.strings()));
      }
      for (int i = 1; i < args.size(); i++) {
        if (i > 1) {
          parts.add(delim);
        }
        parts.add(eval(args.get(i), depth + 1));
      }
      Value out = Value.of("");
      for (Value p : parts) {
        out = product(out, p);
      }
      return out;
    }
    if (scope.isPresent() && !onString) {
      Expression s = scope.get();
      switch (n) {
        case "formatted":
          return format(s, args, depth);
        case "concat":
          if (args.size() == 1) {
            return product(eval(s, depth + 1), eval(args.get(0), depth + 1));
          }
          break;
        case "toUpperCase", "toLowerCase", "trim", "strip", "stripIndent", "intern", "toString", "translateEscapes":
          if (args.isEmpty() || (args.size() == 1 && n.startsWith("to") && !n.equals("toString"))) {
            return builderOrString(s, n, depth);
          }
          break;
        case "append":
          return builder(m, depth);
        default:
          break;
      }
    }
    if (scope.isEmpty() || scope.get() instanceof ThisExpr) {
      List<MethodDeclaration> decls =
          unit.findAll(MethodDeclaration.class).stream()
              .filter(d -> d.getNameAsString().equals(n) && d.getParameters().size() == args.size())
              .toList();
      if (!decls.isEmpty()) {
        if (decls.stream().noneMatch(d -> stringType(d.getTypeAsString()))) {
          return Value.NOT_STRING;
        }
        List<Value> returns = new ArrayList<>();
        for (MethodDeclaration d : decls) {
          d.getBody().ifPresent(b -> b.findAll(ReturnStmt.class).forEach(r -> r.getExpression().ifPresent(x -> returns.add(eval(x, depth + 1)))));
        }
        if (!returns.isEmpty()) {
          Value all = union(returns);
          return all.known() ? all : Value.dynamic("the result of `" + n + "()`: " + all.dynamic());
        }
      }
    }
    return Value.dynamic("the result of `" + abbreviate(m) + "`");
  }

  private Value builderOrString(Expression scope, String op, int depth) {
    Value v = scope instanceof MethodCallExpr mc && mc.getNameAsString().equals("append") ? builder(mc, depth) : eval(scope, depth + 1);
    if (v.notString() && scope instanceof NameExpr n) {
      v = namedBuilder(n, depth);
    }
    if (!v.known()) {
      return v;
    }
    List<String> out = new ArrayList<>();
    for (String s : v.strings()) {
      out.add(
          switch (op) {
            case "toUpperCase" -> s.toUpperCase(Locale.ROOT);
            case "toLowerCase" -> s.toLowerCase(Locale.ROOT);
            case "trim" -> s.trim();
            case "strip" -> s.strip();
            case "stripIndent" -> s.stripIndent();
            default -> s;
          });
    }
    return Value.of(out);
  }

  /** A StringBuilder variable: its initialiser, unless the builder is changed after it. */
  private Value namedBuilder(NameExpr n, int depth) {
    Optional<Node> d = declaration(n.getNameAsString(), n);
    if (d.isEmpty() || !(d.get() instanceof VariableDeclarator v) || !v.getTypeAsString().matches("StringBuilder|StringBuffer|var")) {
      return Value.NOT_STRING;
    }
    Node scope = v.findAncestor(CallableDeclaration.class).map(c -> (Node) c).orElse(unit);
    for (MethodCallExpr call : scope.findAll(MethodCallExpr.class)) {
      if (call.getScope().filter(s -> s instanceof NameExpr sn && sn.getNameAsString().equals(n.getNameAsString())).isPresent()
          && !call.getNameAsString().equals("toString")
          && !call.getNameAsString().equals("length")) {
        return Value.dynamic("SQL built step by step in `" + n.getNameAsString() + "`");
      }
    }
    if (v.getInitializer().isEmpty()) {
      return Value.dynamic("`" + n.getNameAsString() + "` has no value here");
    }
    Expression init = v.getInitializer().get();
    if (init instanceof MethodCallExpr mc && mc.getNameAsString().equals("append")) {
      return builder(mc, depth + 1);
    }
    if (init instanceof ObjectCreationExpr o && o.getType().getNameAsString().matches("StringBuilder|StringBuffer")) {
      return o.getArguments().size() == 1 && !(o.getArguments().get(0) instanceof IntegerLiteralExpr) ? eval(o.getArguments().get(0), depth + 1) : Value.of("");
    }
    return Value.dynamic("`" + n.getNameAsString() + "`");
  }

  /** {@code new StringBuilder("a").append(b).append(c)}: evaluated when every part is known. */
  private Value builder(MethodCallExpr m, int depth) {
    List<Expression> parts = new ArrayList<>();
    Expression cur = m;
    while (cur instanceof MethodCallExpr c && c.getNameAsString().equals("append") && c.getArguments().size() == 1 && c.getScope().isPresent()) {
      parts.add(0, c.getArguments().get(0));
      cur = c.getScope().get();
    }
    if (!(cur instanceof ObjectCreationExpr o) || !o.getType().getNameAsString().matches("StringBuilder|StringBuffer")) {
      return Value.dynamic("built with `" + abbreviate(cur) + "`");
    }
    Value out = Value.of("");
    if (o.getArguments().size() == 1) {
      Value init = eval(o.getArguments().get(0), depth + 1);
      if (!(o.getArguments().get(0) instanceof IntegerLiteralExpr)) {
        out = init;
      }
    }
    for (Expression p : parts) {
      out = product(out, eval(p, depth + 1));
    }
    return out;
  }

  private Value format(Expression formatExpr, List<Expression> args, int depth) {
    Value f = eval(formatExpr, depth + 1);
    List<Value> vals = new ArrayList<>();
    for (Expression a : args) {
      vals.add(eval(a, depth + 1));
    }
    Value firstBad = vals.stream().filter(v -> !v.known()).findFirst().orElse(null);
    if (!f.known()) {
      return f;
    }
    if (firstBad != null) {
      return Value.dynamic("String.format with " + (firstBad.notString() ? "a computed argument" : firstBad.dynamic()));
    }
    List<List<String>> combos = new ArrayList<>();
    combos.add(new ArrayList<>());
    for (Value v : vals) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> c : combos) {
        for (String s : v.strings()) {
          List<String> n = new ArrayList<>(c);
          n.add(s);
          next.add(n);
        }
      }
      combos = next;
      if (combos.size() > MAX_VALUES) {
        return Value.dynamic("String.format with too many possible values");
      }
    }
    List<String> out = new ArrayList<>();
    for (String fmt : f.strings()) {
      for (List<String> c : combos) {
        Object[] params = c.stream().map(JavaValues::numberOrString).toArray();
        try {
          out.add(String.format(Locale.ROOT, fmt, params));
        } catch (IllegalFormatException e) {
          return Value.dynamic("String.format whose pattern does not fit its arguments");
        }
      }
    }
    return Value.of(out);
  }

  private static Object numberOrString(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return s;
    }
  }

  private static Value product(Value a, Value b) {
    if (a.notString() && b.notString()) {
      return Value.dynamic("a computed number");
    }
    if (a.dynamic() != null) {
      return a;
    }
    if (b.dynamic() != null) {
      return b;
    }
    if (a.notString() || b.notString()) {
      return Value.dynamic("a computed value");
    }
    if (a.strings().size() * b.strings().size() > MAX_VALUES) {
      return Value.dynamic("too many possible values");
    }
    List<String> out = new ArrayList<>();
    for (String x : a.strings()) {
      for (String y : b.strings()) {
        out.add(x + y);
      }
    }
    return Value.of(out);
  }

  private static Value union(List<Value> values) {
    Set<String> out = new LinkedHashSet<>();
    for (Value v : values) {
      if (v.dynamic() != null) {
        return v;
      }
      if (v.notString()) {
        return Value.dynamic("a computed value");
      }
      out.addAll(v.strings());
    }
    if (out.size() > MAX_VALUES) {
      return Value.dynamic("too many possible values");
    }
    return Value.of(new ArrayList<>(out));
  }

  // ---- declarations ----

  /** The node that declares {@code name} as seen from {@code from}: a VariableDeclarator or a Parameter. */
  Optional<Node> declaration(String name, Node from) {
    Node child = from;
    Node p = from.getParentNode().orElse(null);
    while (p != null) {
      if (p instanceof BlockStmt b) {
        int upTo = b.getStatements().indexOf(child);
        for (int i = (upTo < 0 ? b.getStatements().size() : upTo) - 1; i >= 0; i--) {
          if (b.getStatement(i) instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr vd) {
            for (VariableDeclarator v : vd.getVariables()) {
              if (v.getNameAsString().equals(name)) {
                return Optional.of(v);
              }
            }
          }
        }
      } else if (p instanceof ForEachStmt fe && child != fe.getIterable()) {
        for (VariableDeclarator v : fe.getVariable().getVariables()) {
          if (v.getNameAsString().equals(name)) {
            return Optional.of(v);
          }
        }
      } else if (p instanceof ForStmt fs) {
        for (Expression init : fs.getInitialization()) {
          if (init instanceof VariableDeclarationExpr vd) {
            for (VariableDeclarator v : vd.getVariables()) {
              if (v.getNameAsString().equals(name)) {
                return Optional.of(v);
              }
            }
          }
        }
      } else if (p instanceof TryStmt ts) {
        for (Expression r : ts.getResources()) {
          if (r instanceof VariableDeclarationExpr vd) {
            for (VariableDeclarator v : vd.getVariables()) {
              if (v.getNameAsString().equals(name)) {
                return Optional.of(v);
              }
            }
          }
        }
      } else if (p instanceof LambdaExpr l) {
        for (Parameter param : l.getParameters()) {
          if (param.getNameAsString().equals(name)) {
            return Optional.of(param);
          }
        }
      } else if (p instanceof CatchClause c && c.getParameter().getNameAsString().equals(name)) {
        return Optional.of(c.getParameter());
      } else if (p instanceof CallableDeclaration<?> cd) {
        for (Parameter param : cd.getParameters()) {
          if (param.getNameAsString().equals(name)) {
            return Optional.of(param);
          }
        }
      } else if (p instanceof TypeDeclaration<?> td) {
        Optional<VariableDeclarator> f = td.getFieldByName(name).flatMap(fd -> fd.getVariables().stream().filter(v -> v.getNameAsString().equals(name)).findFirst());
        if (f.isPresent()) {
          return Optional.of(f.get());
        }
      }
      child = p;
      p = p.getParentNode().orElse(null);
    }
    return Optional.empty();
  }

  private Optional<VariableDeclarator> fieldDeclarator(String name, Node from) {
    Optional<Node> d = declaration(name, from);
    if (d.isPresent() && d.get() instanceof VariableDeclarator v && v.getParentNode().orElse(null) instanceof FieldDeclaration) {
      return Optional.of(v);
    }
    for (TypeDeclaration<?> t : unit.findAll(TypeDeclaration.class)) {
      Optional<FieldDeclaration> f = t.getFieldByName(name);
      if (f.isPresent()) {
        return f.get().getVariables().stream().filter(v -> v.getNameAsString().equals(name)).findFirst();
      }
    }
    return Optional.empty();
  }

  /** A field or local assigned after its declaration anywhere in the file (finals never are). */
  private boolean assignedElsewhere(VariableDeclarator v) {
    if (v.getParentNode().orElse(null) instanceof FieldDeclaration fd && fd.isFinal()) {
      return false;
    }
    String name = v.getNameAsString();
    for (AssignExpr a : unit.findAll(AssignExpr.class)) {
      Expression t = a.getTarget();
      if ((t instanceof NameExpr n && n.getNameAsString().equals(name))
          || (t instanceof FieldAccessExpr f && f.getNameAsString().equals(name))) {
        return true;
      }
    }
    return false;
  }

  private boolean isTypeInUnit(String name) {
    return unit.findAll(TypeDeclaration.class).stream().anyMatch(t -> t.getNameAsString().equals(name));
  }

  static boolean stringType(String type) {
    return type.equals("String") || type.equals("java.lang.String") || type.equals("CharSequence") || type.equals("var") || type.equals("Object") || type.isEmpty();
  }

  /** Numbers, characters and booleans: concatenated into SQL as their text. */
  static boolean scalarType(String type) {
    return type.matches("int|long|short|byte|char|boolean|double|float|Integer|Long|Short|Byte|Character|Boolean|Double|Float");
  }

  private static boolean isAncestor(Node ancestor, Node n) {
    Node p = n;
    while (p != null) {
      if (p == ancestor) {
        return true;
      }
      p = p.getParentNode().orElse(null);
    }
    return false;
  }

  private static int begin(Node n) {
    return n.getRange().map(r -> r.begin.line * 100_000 + r.begin.column).orElse(0);
  }

  private static int end(Node n) {
    return n.getRange().map(r -> r.end.line * 100_000 + r.end.column).orElse(0);
  }

  static String abbreviate(Node n) {
    String s = n.toString().replaceAll("\\s+", " ");
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
