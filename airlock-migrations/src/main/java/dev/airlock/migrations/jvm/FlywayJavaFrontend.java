package dev.airlock.migrations.jvm;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.DataMigration;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.source.Span;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.EmbeddedSql;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Flyway Java migration ({@code V7__BackfillAndCleanup.java}, a class extending {@code
 * BaseJavaMigration} or implementing {@code JavaMigration}), read with JavaParser. The SQL handed
 * to JDBC ({@code Statement.execute/executeUpdate/addBatch}, {@code Connection.prepareStatement},
 * Spring's {@code JdbcTemplate} and {@code NamedParameterJdbcTemplate}, {@code JdbcClient.sql},
 * jOOQ's {@code DSLContext.execute}, JPA's {@code createNativeQuery}) is evaluated as a constant
 * where it can be ({@link JavaValues}) and analysed with the full SQL frontend; SQL built at run
 * time becomes {@link DynamicSql}.
 *
 * <p>Scope: the code reachable from {@code migrate(Context)} (and the migration class's
 * constructors and initialisers), following calls by name to any method declared in the file.
 * A migration whose reachable code hands no SQL to JDBC that can be seen is a {@link
 * DataMigration}: its effect cannot be read, so it is never silently clean.
 */
final class FlywayJavaFrontend implements Frontend {
  static final String FORMAT = "flyway-java";

  /** Calls whose first argument is the SQL text. */
  private static final Set<String> SQL_CALLS =
      Set.of(
          "execute", "executeUpdate", "executeLargeUpdate", "executeQuery", "addBatch", "prepareStatement",
          "prepareCall", "update", "batchUpdate", "query", "queryForList", "queryForObject", "queryForMap",
          "queryForRowSet", "queryForStream", "queryForLong", "queryForInt", "createNativeQuery", "sql",
          "fetch", "fetchOne", "resultQuery", "nativeSQL");

  /** Receiver types that take SQL. */
  private static final Set<String> JDBC_TYPES =
      Set.of(
          "Statement", "PreparedStatement", "CallableStatement", "Connection", "JdbcTemplate",
          "NamedParameterJdbcTemplate", "JdbcOperations", "NamedParameterJdbcOperations", "JdbcClient",
          "DSLContext", "EntityManager", "Session", "StatementSpec", "SimpleJdbcTemplate");

  /** Calls that return something that takes SQL. */
  private static final Set<String> JDBC_FACTORIES =
      Set.of(
          "createStatement", "getConnection", "getJdbcTemplate", "getNamedParameterJdbcTemplate", "jdbcTemplate",
          "jdbc", "using", "dsl", "getDslContext", "connection", "getEntityManager", "getCurrentSession",
          "unwrap");

  private static final Pattern JDBC_NAME =
      Pattern.compile("(?i).*(stmt|statement|jdbc|template|conn|dsl|sql|database|session|entitymanager|context|ctx).*|ps|st|s|cs|em|db|t|tpl|c");

  private final Dialect dialect;

  FlywayJavaFrontend(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public Parsed parse(SourceText source) {
    return FailClosed.parse(FORMAT, source, this::read);
  }

  private Parsed read(SourceText source) {
    ParserConfiguration config =
        new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21).setTabSize(1);
    ParseResult<CompilationUnit> result;
    try {
      result = new JavaParser(config).parse(source.text());
    } catch (RuntimeException e) {
      return unparsed(source, 0, "JavaParser failed: " + e.getMessage());
    }
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      Problem p = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
      int at = 0;
      if (p != null && p.getLocation().isPresent() && p.getLocation().get().getBegin().getRange().isPresent()) {
        var b = p.getLocation().get().getBegin().getRange().get().begin;
        at = new Offsets(source.text()).offset(b.line, b.column);
      }
      return unparsed(source, at, "not valid Java: " + (p == null ? "unknown error" : p.getMessage().lines().findFirst().orElse("")));
    }
    return new Reader(source, result.getResult().get()).read();
  }

  private static Parsed unparsed(SourceText source, int at, String reason) {
    int end = new Offsets(source.text()).lineEnd(source.lineOf(at));
    Span span = source.span(at, Math.max(at, end));
    return new Parsed(
        List.of(new Occurrence(new UnparsedMigration(FORMAT, reason), span, source.text().substring(span.startOffset(), span.endOffset()), Optional.empty(), Optional.empty(), List.of())),
        1);
  }

  /** The state of reading one file. */
  private final class Reader {
    private final SourceText source;
    private final CompilationUnit unit;
    private final Offsets offsets;
    private final JavaValues values;
    private final List<Occurrence> out = new ArrayList<>();
    private int statements;

    Reader(SourceText source, CompilationUnit unit) {
      this.source = source;
      this.unit = unit;
      this.offsets = new Offsets(source.text());
      this.values = new JavaValues(unit);
    }

    Parsed read() {
      List<ClassOrInterfaceDeclaration> migrations =
          unit.findAll(ClassOrInterfaceDeclaration.class).stream().filter(FlywayJavaFrontend::isMigration).toList();
      Set<Node> reachable = Collections.newSetFromMap(new IdentityHashMap<>());
      Deque<Node> work = new ArrayDeque<>();
      List<MethodDeclaration> roots = new ArrayList<>();
      for (ClassOrInterfaceDeclaration c : migrations) {
        for (MethodDeclaration m : c.getMethodsByName("migrate")) {
          roots.add(m);
          work.add(m);
        }
        c.getMembers().stream()
            .filter(m -> m instanceof ConstructorDeclaration || m instanceof InitializerDeclaration || m instanceof FieldDeclaration)
            .forEach(work::add);
      }
      if (roots.isEmpty()) {
        // No migrate(Context) in this file (a helper, or a base class elsewhere): every method counts.
        unit.findAll(CallableDeclaration.class).forEach(work::add);
        unit.findAll(FieldDeclaration.class).forEach(work::add);
      }
      List<MethodDeclaration> methods = unit.findAll(MethodDeclaration.class);
      while (!work.isEmpty()) {
        Node n = work.poll();
        if (!reachable.add(n)) {
          continue;
        }
        for (MethodCallExpr call : n.findAll(MethodCallExpr.class)) {
          for (MethodDeclaration m : methods) {
            if (m.getNameAsString().equals(call.getNameAsString()) && m.getParameters().size() == call.getArguments().size()) {
              work.add(m);
            }
          }
        }
        for (MethodReferenceExpr ref : n.findAll(MethodReferenceExpr.class)) {
          for (MethodDeclaration m : methods) {
            if (m.getNameAsString().equals(ref.getIdentifier())) {
              work.add(m);
            }
          }
        }
      }
      Set<MethodCallExpr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      List<MethodCallExpr> calls = new ArrayList<>();
      for (Node n : reachable) {
        for (MethodCallExpr call : n.findAll(MethodCallExpr.class)) {
          if (seen.add(call)) {
            calls.add(call);
          }
        }
      }
      calls.sort((a, b) -> Integer.compare(start(a), start(b)));
      for (MethodCallExpr call : calls) {
        sink(call);
      }
      if (statements == 0) {
        for (MethodDeclaration m : roots) {
          String name = m.findAncestor(ClassOrInterfaceDeclaration.class).map(c -> c.getNameAsString()).orElse("");
          Span span = spanOf(m.getName());
          out.add(
              new Occurrence(
                  new DataMigration("`migrate()` of Java migration `" + name + "` hands no SQL to JDBC that can be read", false),
                  span,
                  text(span),
                  Optional.of("-- Java code runs against the database; its SQL is not visible in the source"),
                  Optional.of("Java migration `" + name + "`"),
                  allowancesBefore(m)));
          statements++;
        }
      }
      out.sort((a, b) -> Integer.compare(a.span().startOffset(), b.span().startOffset()));
      return new Parsed(out, statements);
    }

    private void sink(MethodCallExpr call) {
      String name = call.getNameAsString();
      if (!SQL_CALLS.contains(name) || call.getArguments().isEmpty()) {
        return;
      }
      if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) {
        // A method of this file with that name is a helper, analysed where it hands SQL on.
        boolean local = unit.findAll(MethodDeclaration.class).stream().anyMatch(m -> m.getNameAsString().equals(name));
        if (local) {
          return;
        }
      }
      Receiver receiver = receiver(call.getScope().orElse(null));
      if (receiver == Receiver.NOT_JDBC) {
        return;
      }
      List<Expression> sqlArgs = new ArrayList<>();
      sqlArgs.add(call.getArguments().get(0));
      if (name.equals("batchUpdate")) {
        for (int i = 1; i < call.getArguments().size(); i++) {
          if (values.eval(call.getArguments().get(i)).known()) {
            sqlArgs.add(call.getArguments().get(i));
          }
        }
      }
      Span span = spanOf(call);
      String statement = text(span);
      List<Allowance> allowances = allowancesBefore(call);
      String within = within(call);
      boolean counted = false;
      for (Expression arg : sqlArgs) {
        JavaValues.Value v = values.eval(arg);
        if (v.notString()) {
          continue;
        }
        if (v.dynamic() != null) {
          if (receiver == Receiver.UNKNOWN && !plausibleByName(call)) {
            continue;
          }
          out.add(
              new Occurrence(
                  new DynamicSql("SQL passed to `" + callName(call) + "` is built at run time from " + v.dynamic()),
                  span,
                  statement,
                  Optional.empty(),
                  Optional.of(within),
                  allowances));
          counted = true;
          continue;
        }
        for (String sql : v.strings()) {
          String w = v.strings().size() > 1 ? within + ", one of " + v.strings().size() + " values" : within;
          out.addAll(EmbeddedSql.analyze(source, sql, dialect, span, statement, w, allowances));
        }
        counted = true;
      }
      if (counted) {
        statements++;
      }
    }

    private String callName(MethodCallExpr call) {
      return call.getScope().map(s -> JavaValues.abbreviate(s) + ".").orElse("") + call.getNameAsString();
    }

    /** Unknown receivers count when named like one (stmt, jdbcTemplate, connection, ...). */
    private boolean plausibleByName(MethodCallExpr call) {
      if (call.getScope().isEmpty()) {
        return true;
      }
      Expression s = call.getScope().get();
      String n = s instanceof NameExpr ne ? ne.getNameAsString() : s instanceof FieldAccessExpr f ? f.getNameAsString() : s instanceof MethodCallExpr m ? m.getNameAsString() : "";
      return JDBC_NAME.matcher(n).matches();
    }

    private enum Receiver {
      JDBC,
      NOT_JDBC,
      UNKNOWN
    }

    private Receiver receiver(Expression scope) {
      if (scope == null || scope instanceof ThisExpr) {
        return Receiver.UNKNOWN;
      }
      if (scope instanceof MethodCallExpr m) {
        String n = m.getNameAsString();
        if (JDBC_FACTORIES.contains(n) || SQL_CALLS.contains(n) || n.startsWith("param") || n.equals("createStatement")) {
          return Receiver.JDBC;
        }
        return Receiver.UNKNOWN;
      }
      if (scope instanceof ObjectCreationExpr o) {
        return JDBC_TYPES.contains(o.getType().getNameAsString()) ? Receiver.JDBC : Receiver.NOT_JDBC;
      }
      String name =
          scope instanceof NameExpr ne ? ne.getNameAsString() : scope instanceof FieldAccessExpr f ? f.getNameAsString() : null;
      if (name == null) {
        return Receiver.UNKNOWN;
      }
      Optional<Node> decl = values.declaration(name, scope);
      if (decl.isEmpty() && scope instanceof NameExpr && Character.isUpperCase(name.charAt(0))) {
        return name.equals("DSL") ? Receiver.JDBC : Receiver.NOT_JDBC; // a static call: String.format, Objects.requireNonNull
      }
      if (decl.isEmpty()) {
        return Receiver.UNKNOWN;
      }
      String type;
      Optional<Expression> init = Optional.empty();
      if (decl.get() instanceof VariableDeclarator v) {
        type = v.getTypeAsString();
        init = v.getInitializer();
      } else {
        type = ((Parameter) decl.get()).getTypeAsString();
      }
      String simple = type.replaceAll("<.*", "").replaceAll(".*\\.", "");
      if (JDBC_TYPES.contains(simple)) {
        return Receiver.JDBC;
      }
      if (simple.equals("var") || simple.isEmpty()) {
        if (init.isPresent()) {
          return receiver(init.get());
        }
        return Receiver.UNKNOWN;
      }
      return Receiver.NOT_JDBC;
    }

    private String within(Node n) {
      String method =
          n.findAncestor(CallableDeclaration.class).map(c -> "`" + c.getNameAsString() + "()`").orElse("an initialiser");
      String cls = n.findAncestor(ClassOrInterfaceDeclaration.class).map(c -> c.getNameAsString()).orElse("");
      return "Java migration `" + cls + "`, " + method;
    }

    private List<Allowance> allowancesBefore(Node n) {
      Node stmt = n;
      for (Node p = n; p != null; p = p.getParentNode().orElse(null)) {
        if (p instanceof Statement && p.getParentNode().orElse(null) instanceof BlockStmt) {
          stmt = p;
          break;
        }
        if (p instanceof CallableDeclaration<?>) {
          stmt = p;
          break;
        }
      }
      int line = stmt.getRange().map(r -> r.begin.line).orElse(1);
      List<Allowance> out = new ArrayList<>(AllowComments.before(source, offsets, line, AllowComments.Syntax.C, t -> t.startsWith("@")));
      Span at = spanOf(n);
      for (Comment c : unit.getAllComments()) {
        if (c.getRange().isEmpty()) {
          continue;
        }
        Span cs = spanOf(c);
        if (cs.startOffset() >= at.startOffset() && cs.endOffset() <= at.endOffset() && c.getContent().contains("airlock:allow")) {
          String content = c.getContent();
          out.addAll(Allowance.parse(content.substring(content.indexOf("airlock:allow")), cs));
        }
      }
      return out;
    }

    private int start(Node n) {
      return spanOf(n).startOffset();
    }

    private Span spanOf(Node n) {
      var r = n.getRange().orElseThrow();
      int start = offsets.offset(r.begin.line, r.begin.column);
      int end = offsets.offset(r.end.line, r.end.column) + 1;
      return source.span(start, Math.min(Math.max(start, end), source.text().length()));
    }

    private String text(Span span) {
      return source.text().substring(span.startOffset(), span.endOffset());
    }
  }

  static boolean isMigration(ClassOrInterfaceDeclaration c) {
    for (ClassOrInterfaceType t : c.getExtendedTypes()) {
      String n = t.getNameAsString();
      if (n.endsWith("JavaMigration") || n.endsWith("Migration")) {
        return true;
      }
    }
    for (ClassOrInterfaceType t : c.getImplementedTypes()) {
      if (t.getNameAsString().endsWith("JavaMigration")) {
        return true;
      }
    }
    return c.getMethodsByName("migrate").stream()
        .anyMatch(m -> m.getParameters().size() == 1 && m.getParameter(0).getTypeAsString().toLowerCase(Locale.ROOT).endsWith("context"));
  }
}
