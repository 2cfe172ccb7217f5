package dev.airlock.gateway.sql;

import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Unparsed;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlFrontend;
import dev.airlock.core.sql.Token;
import dev.airlock.core.sql.TokenKind;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether one statement is a pure read that {@code query} may run: SELECT, WITH whose every
 * part is a read, VALUES, TABLE, EXPLAIN (ANALYZE only of a read) and SHOW of a harmless setting;
 * every function on the allow-list; no SELECT INTO, no row locks. It works on the core's tokens and
 * asks the core's classifier for a second opinion; a shape it does not know is refused, never
 * guessed. The transaction the gateway runs reads in is READ ONLY as well: this guard is the first
 * wall, not the only one.
 */
public final class ReadGuard {
  /** Settings SHOW may print: none of them is a path, a secret or a way to learn the host. */
  private static final Set<String> SETTINGS =
      Set.of(
          "server_version",
          "server_version_num",
          "server_encoding",
          "client_encoding",
          "timezone",
          "datestyle",
          "intervalstyle",
          "search_path",
          "statement_timeout",
          "lock_timeout",
          "idle_in_transaction_session_timeout",
          "transaction_isolation",
          "transaction_read_only",
          "default_transaction_isolation",
          "default_transaction_read_only",
          "standard_conforming_strings",
          "max_connections",
          "work_mem",
          "extra_float_digits",
          "integer_datetimes",
          "bytea_output",
          "lc_collate",
          "lc_ctype",
          "lc_messages",
          "lc_monetary",
          "lc_numeric",
          "lc_time",
          "max_identifier_length",
          "block_size",
          "application_name",
          "is_superuser",
          "session_authorization");

  private static final Set<String> EXPLAIN_OPTIONS =
      Set.of(
          "ANALYZE",
          "ANALYSE",
          "VERBOSE",
          "COSTS",
          "SETTINGS",
          "GENERIC_PLAN",
          "BUFFERS",
          "SERIALIZE",
          "WAL",
          "TIMING",
          "SUMMARY",
          "MEMORY",
          "FORMAT");

  private final OneStatement statement;
  private final List<Token> t;
  private final AllowedFunctions functions;
  private final Set<Integer> notCalls = new HashSet<>();

  private ReadGuard(OneStatement statement, AllowedFunctions functions) {
    this.statement = statement;
    this.t = statement.code();
    this.functions = functions;
  }

  /** Empty when {@code sql} is one pure read; otherwise why not. */
  public static Optional<Refused> check(String sql) {
    return check(sql, AllowedFunctions.builtIn());
  }

  public static Optional<Refused> check(String sql, AllowedFunctions functions) {
    try {
      require(OneStatement.parse(sql), functions);
      return Optional.empty();
    } catch (Refused r) {
      return Optional.of(r);
    }
  }

  /** Passes when the statement is one pure read; refuses with a reason otherwise. */
  public static void require(OneStatement statement, AllowedFunctions functions) throws Refused {
    new ReadGuard(statement, functions).run();
  }

  /**
   * The part of a read whose tables a plan names: the whole statement, the statement EXPLAIN
   * explains, or nothing for SHOW. Call only on a statement that passed {@link #require}.
   */
  public static Optional<OneStatement.Segment> planned(OneStatement statement) throws Refused {
    List<Token> t = statement.code();
    if (t.get(0).is("SHOW")) {
      return Optional.empty();
    }
    if (!t.get(0).is("EXPLAIN")) {
      return Optional.of(statement.segment(0, t.size()));
    }
    int i = 1;
    if (t.get(i).kind() == TokenKind.LEFT_PAREN) {
      i = Tokens.matching(t, i, t.size()) + 1;
    }
    while (i < t.size() && t.get(i).isAny("ANALYZE", "ANALYSE", "VERBOSE")) {
      i++;
    }
    return Optional.of(statement.segment(i, t.size()));
  }

  /** True when the statement names the schema the gateway keeps to itself. */
  public static boolean mentions(OneStatement statement, String name) {
    for (Token k : statement.code()) {
      if ((k.kind() == TokenKind.WORD || k.kind() == TokenKind.QUOTED_IDENTIFIER)
          && Expressions.identifier(k).equals(name)) {
        return true;
      }
    }
    return false;
  }

  private void run() throws Refused {
    int size = t.size();
    Token head = t.get(0);
    if (head.is("EXPLAIN")) {
      explain(1, size);
    } else if (head.is("SHOW")) {
      show(1, size);
      return;
    } else {
      query(0, size);
      readsOnly(0, size);
      Expressions.check(t, 0, size, functions, notCalls);
    }
    secondOpinion();
  }

  /** A query expression: SELECT, VALUES, TABLE, a parenthesised query, or WITH of reads. */
  private void query(int from, int to) throws Refused {
    Token head = t.get(from);
    if (head.kind() == TokenKind.LEFT_PAREN || head.isAny("SELECT", "VALUES", "TABLE")) {
      return;
    }
    if (head.is("WITH")) {
      WithClause with = WithClause.read(t, from, to);
      for (WithClause.Cte cte : with.ctes()) {
        if (cte.columns()) {
          notCalls.add(cte.nameAt());
        }
        if (cte.bodyFrom() >= cte.bodyTo()) {
          throw new Refused(
              "unparsed", "common table expression `" + t.get(cte.nameAt()).text() + "` is empty");
        }
        Token body = t.get(cte.bodyFrom());
        if (!body.isAny("SELECT", "VALUES", "TABLE", "WITH")
            && body.kind() != TokenKind.LEFT_PAREN) {
          throw new Refused(
              "writable-cte",
              "common table expression `"
                  + t.get(cte.nameAt()).text()
                  + "` runs `"
                  + upper(body)
                  + "`, which writes even when the query only reads its result");
        }
        query(cte.bodyFrom(), cte.bodyTo());
      }
      query(with.main(), to);
      return;
    }
    throw notARead(head);
  }

  /** No SELECT INTO, no row locks, no write hidden in parentheses. */
  private void readsOnly(int from, int to) throws Refused {
    for (int i = from; i < to; i++) {
      Token k = t.get(i);
      if (k.is("INTO")) {
        throw new Refused("select-into", "SELECT INTO creates a table; query runs reads only");
      }
      if (k.is("FOR") && i + 1 < to && t.get(i + 1).isAny("UPDATE", "SHARE", "NO", "KEY")) {
        throw new Refused(
            "row-locks", "`FOR " + upper(t.get(i + 1)) + "` locks rows; query runs reads only");
      }
      if (k.kind() == TokenKind.LEFT_PAREN && i + 1 < to && t.get(i + 1).kind() == TokenKind.WORD) {
        String inner = upper(t.get(i + 1));
        if (Keywords.NON_QUERY_HEADS.contains(inner)) {
          boolean cte = i > 0 && t.get(i - 1).isAny("AS", "MATERIALIZED");
          throw new Refused(
              cte ? "writable-cte" : "not-a-read",
              "`" + inner + "` inside the " + (cte ? "WITH clause" : "query") + " is not a read");
        }
      }
    }
  }

  /** EXPLAIN runs nothing unless ANALYZE is on; then what it explains must be a read too. */
  private void explain(int from, int to) throws Refused {
    int i = from;
    boolean analyze = false;
    if (i < to && t.get(i).kind() == TokenKind.LEFT_PAREN) {
      int close = Tokens.matching(t, i, to);
      analyze = options(i + 1, close);
      i = close + 1;
    } else {
      while (i < to && t.get(i).isAny("ANALYZE", "ANALYSE", "VERBOSE")) {
        analyze |= t.get(i).isAny("ANALYZE", "ANALYSE");
        i++;
      }
    }
    if (i >= to) {
      throw new Refused("unparsed", "EXPLAIN without a statement");
    }
    Token head = t.get(i);
    boolean dml = head.kind() == TokenKind.WORD && Keywords.DML_HEADS.contains(upper(head));
    if (dml && !analyze) {
      Expressions.check(t, i, to, functions, notCalls); // planning folds constant calls
      return;
    }
    if (dml) {
      throw new Refused(
          "explain-analyze-write",
          "EXPLAIN ANALYZE runs the statement it explains, and `" + upper(head) + "` writes");
    }
    query(i, to);
    readsOnly(i, to);
    Expressions.check(t, i, to, functions, notCalls);
  }

  /** Reads EXPLAIN's option list; true when ANALYZE is on. */
  private boolean options(int from, int to) throws Refused {
    boolean analyze = false;
    int i = from;
    while (i < to) {
      Token name = t.get(i);
      String option = upper(name);
      if (name.kind() != TokenKind.WORD || !EXPLAIN_OPTIONS.contains(option)) {
        throw new Refused(
            "unparsed", "EXPLAIN option `" + name.text() + "` is not one the gateway knows");
      }
      i++;
      String value = "";
      if (i < to && t.get(i).kind() != TokenKind.COMMA) {
        value = t.get(i).text().toUpperCase(Locale.ROOT);
        i++;
      }
      if (i < to && t.get(i).kind() != TokenKind.COMMA) {
        throw new Refused("unparsed", "cannot read EXPLAIN option `" + name.text() + "`");
      }
      i++;
      if (option.startsWith("ANALY")) {
        analyze = !Set.of("FALSE", "OFF", "0").contains(value);
      }
    }
    return analyze;
  }

  private void show(int from, int to) throws Refused {
    StringBuilder name = new StringBuilder();
    for (int i = from; i < to; i++) {
      Token k = t.get(i);
      if (k.kind() != TokenKind.WORD && k.kind() != TokenKind.QUOTED_IDENTIFIER) {
        throw new Refused("setting-not-allowed", "cannot read SHOW `" + k.text() + "`");
      }
      name.append(name.length() == 0 ? "" : " ").append(Expressions.identifier(k));
    }
    String setting =
        switch (name.toString()) {
          case "time zone" -> "timezone";
          case "transaction isolation level" -> "transaction_isolation";
          case "session authorization" -> "session_authorization";
          default -> name.toString();
        };
    if (setting.equals("all")) {
      throw new Refused(
          "setting-not-allowed",
          "SHOW ALL prints every setting, file paths included; ask for one setting");
    }
    if (!SETTINGS.contains(setting)) {
      throw new Refused(
          "setting-not-allowed",
          "SHOW `" + setting + "` is not on the gateway's list of harmless settings");
    }
  }

  /** The core's classifier must see nothing but a benign read either. */
  private void secondOpinion() throws Refused {
    var parsed =
        new SqlFrontend(Dialect.POSTGRESQL).parse(new SourceText("query", statement.text()));
    if (parsed.statements() != 1) {
      throw new Refused(
          "statement-stacking",
          "the SQL frontend reads " + parsed.statements() + " statements here");
    }
    for (Occurrence o : parsed.occurrences()) {
      if (o.operation() instanceof Unparsed u) {
        throw new Refused("unparsed", u.reason());
      }
      if (!(o.operation() instanceof Benign)) {
        throw new Refused("not-a-read", "the SQL frontend reads a write here: " + o.operation());
      }
    }
  }

  private static Refused notARead(Token head) {
    if (head.kind() != TokenKind.WORD) {
      return new Refused("unparsed", "a statement cannot start with `" + head.text() + "`");
    }
    String h = upper(head);
    return switch (h) {
      case "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE" ->
          new Refused(
              "not-a-read",
              "`" + h + "` writes; query runs reads only (use preview, then execute)");
      case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" ->
          new Refused(
              "transaction-control",
              "`"
                  + h
                  + "` is transaction control; the gateway runs every call in its own transaction");
      case "SET", "RESET", "DISCARD" ->
          new Refused(
              "session-state",
              "`" + h + "` changes the session (roles, read-only mode, settings); never accepted");
      case "COPY" ->
          new Refused("copy", "COPY reads and writes server files and programs; never accepted");
      case "DO" -> new Refused("do-block", "DO runs a procedural block the gateway cannot check");
      case "CALL" -> new Refused("call", "CALL runs a procedure the gateway cannot check");
      case "PREPARE", "EXECUTE", "DEALLOCATE" ->
          new Refused(
              "prepared-statement",
              "`" + h + "` hides the statement that runs; send the statement itself");
      case "LISTEN", "NOTIFY", "UNLISTEN" ->
          new Refused("notify", "`" + h + "` talks to other sessions; query runs reads only");
      case "LOCK" -> new Refused("lock", "LOCK takes table locks; query runs reads only");
      default ->
          new Refused(
              "not-a-read",
              "`"
                  + h
                  + "` is not a read; query runs SELECT, WITH, VALUES, TABLE, EXPLAIN and SHOW");
    };
  }

  private static String upper(Token k) {
    return k.text().toUpperCase(Locale.ROOT);
  }
}
