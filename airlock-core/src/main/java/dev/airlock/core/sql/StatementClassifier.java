package dev.airlock.core.sql;

import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.AlterSystem;
import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.CopyProgram;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.Grant;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Predicate;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.operation.RoleAttributes;
import dev.airlock.core.operation.RoleGrant;
import dev.airlock.core.operation.Truncate;
import dev.airlock.core.operation.Unparsed;
import dev.airlock.core.operation.UpdateRows;
import dev.airlock.core.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one split statement into operations. The head keywords decide the statement's form;
 * structure is read only as deep as the rules need (names, flags, the WHERE condition). Any
 * path that cannot tell what a statement does emits {@link Unparsed}; a statement that yields no
 * operation at all is recorded as {@link Benign}, so no statement is ever dropped on the floor.
 */
final class StatementClassifier {
  private static final Set<String> BENIGN_HEADS =
      Set.of(
          "SELECT", "INSERT", "REPLACE", "UPSERT", "VALUES", "TABLE", "SHOW", "DESCRIBE", "DESC",
          "RESET", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "ABORT",
          "COMMENT", "ANALYZE", "ANALYSE", "VACUUM", "REINDEX", "CLUSTER", "LOCK", "UNLOCK",
          "LISTEN", "NOTIFY", "UNLISTEN", "DECLARE", "FETCH", "MOVE", "CLOSE", "REFRESH",
          "CHECKPOINT", "DISCARD", "SECURITY", "IMPORT", "USE", "PRAGMA", "ATTACH", "DETACH",
          "CALL", "LOAD", "DEALLOCATE", "OPTIMIZE", "REVOKE", "REASSIGN", "FLUSH", "HANDLER",
          "INSTALL", "UNINSTALL", "CHECKSUM", "REPAIR", "HELP", "SIGNAL", "RESIGNAL", "XA",
          "SOURCE", "WAITFOR", "PRINT", "GO");

  /** Heads that start a SQL statement inside a procedural body. */
  private static final Set<String> BODY_SQL_HEADS =
      Set.of(
          "DROP", "TRUNCATE", "DELETE", "UPDATE", "MERGE", "ALTER", "GRANT", "CREATE", "COPY",
          "INSERT", "WITH", "RENAME", "REPLACE", "SELECT", "PREPARE", "SET");

  private final Region region;
  private final SqlStatement st;
  private final List<Token> code;
  private final int codeEnd;
  private Span span;
  private String statement;
  private List<Allowance> allowances;
  private int emitted;

  StatementClassifier(Region region, SqlStatement st) {
    this.region = region;
    this.st = st;
    this.code = st.code();
    this.codeEnd = st.terminated() && !st.directive() ? code.size() - 1 : code.size();
    this.span = region.span(st.start(), st.end());
    this.statement = region.text().substring(st.start(), st.end());
    this.allowances = allowancesBefore(st.start());
  }

  /**
   * The allow comments that stand before {@code offset} (the statement's first real token, or in
   * a procedural body the statement after its {@code BEGIN} or {@code IF ... THEN}), and those on
   * the same line after its delimiter.
   */
  private List<Allowance> allowancesBefore(int offset) {
    List<Token> notes = new ArrayList<>();
    for (Token comment : st.comments()) {
      if (comment.start() < offset || (!st.isEmpty() && comment.start() >= st.end())) {
        notes.add(comment);
      }
    }
    return Allowances.parse(notes, region);
  }

  void run() {
    try {
      classify();
    } catch (RuntimeException e) {
      // A classifier bug must not hide the statement: report it as not understood.
      emit(new Unparsed("Airlock could not read this statement (" + e.getClass().getSimpleName() + ")"));
    }
    if (emitted == 0) {
      emit(new Benign(head()));
    }
  }

  private String head() {
    return codeEnd > 0 ? code.get(0).text().toUpperCase(Locale.ROOT) : "";
  }

  private void classify() {
    for (int i = 0; i < codeEnd; i++) {
      Token t = code.get(i);
      if (t.kind() == TokenKind.UNTERMINATED) {
        emit(new Unparsed(describeUnterminated(t)));
        return;
      }
    }
    if (codeEnd == 0) {
      return;
    }
    if (st.directive()) {
      directive();
      return;
    }
    Cursor c = new Cursor(code, 0, codeEnd);
    if (region.procedural()) {
      procedural(c);
    } else {
      dispatch(c);
    }
  }

  private String describeUnterminated(Token t) {
    int line = region.exact() ? region.source().lineOf(region.base() + t.start()) : span.startLine();
    String what =
        switch (t.text().charAt(0)) {
          case '\'', 'E', 'e', 'B', 'b', 'X', 'x', 'N', 'n', 'U', 'u' -> "string";
          case '$' -> "dollar-quoted string " + t.text().substring(0, t.text().indexOf('$', 1) + 1);
          case '/' -> "block comment";
          default -> "quoted identifier";
        };
    return "unterminated " + what + " starting on line " + line + " runs to the end of the file";
  }

  // ---- emission

  private void emit(Operation op) {
    emit(op, span);
  }

  private void emit(Operation op, Span at) {
    emitted++;
    region.out().add(new Occurrence(op, at, statement.strip(), region.within(), allowances));
  }

  private void unparsed(String reason) {
    emit(new Unparsed(reason));
  }

  // ---- dispatch

  private void dispatch(Cursor c) {
    Token t = c.peek();
    if (t == null) {
      return;
    }
    if (t.kind() == TokenKind.LEFT_PAREN) {
      return; // a parenthesised query
    }
    if (t.kind() != TokenKind.WORD) {
      unparsed("a statement cannot start with `" + t.text() + "`");
      return;
    }
    String head = t.text().toUpperCase(Locale.ROOT);
    switch (head) {
      case "DROP" -> drop(c);
      case "TRUNCATE" -> truncate(c);
      case "DELETE" -> delete(c);
      case "UPDATE" -> update(c);
      case "MERGE" -> merge(c);
      case "ALTER" -> alter(c);
      case "RENAME" -> renameTables(c);
      case "GRANT" -> grant(c);
      case "CREATE" -> create(c);
      case "COPY" -> copy(c);
      case "DO" -> doBlock(c);
      case "WITH" -> with(c);
      case "EXPLAIN" -> explain(c);
      case "PREPARE" -> prepare(c);
      case "EXECUTE", "EXEC" -> execute(c);
      case "SET" -> set(c);
      default -> {
        if (head.equals("DELIMITER")) {
          unparsed("DELIMITER is a MySQL client command; check this file with --dialect mysql so its statements are split right");
        } else if (!BENIGN_HEADS.contains(head)) {
          unparsed("`" + t.text() + "` does not start any statement Airlock knows");
        }
      }
    }
  }

  private void directive() {
    Token first = code.get(0);
    if (first.is("DELIMITER")) {
      return;
    }
    String command = code.size() > 1 && first.text().equals("\\") ? code.get(1).text() : first.text().substring(1);
    String line = new Cursor(code, 0, code.size()).text(0, code.size());
    switch (command.toLowerCase(Locale.ROOT)) {
      case "i", "ir", "include", "include_relative" ->
          unparsed("psql `" + line + "` runs another file that this check cannot see; check that file too");
      case "!" -> unparsed("psql `" + line + "` runs a shell command that this check cannot see");
      case "copy" -> {
        Cursor c = new Cursor(code, 1, code.size());
        int program = c.findTopLevel("PROGRAM");
        if (program < code.size()) {
          emit(new CopyProgram(program + 1 < code.size() ? code.get(program + 1).value() : "?", true));
        }
      }
      default -> {}
    }
  }

  // ---- DROP, TRUNCATE

  private void drop(Cursor c) {
    c.next();
    ObjectKinds.Found kind = ObjectKinds.read(c);
    if (kind == null) {
      Token what = c.next();
      if (what == null) {
        unparsed("DROP without an object kind or name");
        return;
      }
      kind = new ObjectKinds.Found(ObjectKind.OTHER, what.text().toLowerCase(Locale.ROOT));
    }
    c.accept("CONCURRENTLY");
    boolean ifExists = c.accept("IF", "EXISTS");
    List<String> names = new ArrayList<>();
    while (!c.atEnd()) {
      int start = c.pos;
      String name = c.name();
      if (name == null && c.isKind(TokenKind.LEFT_PAREN)) {
        c.skipParens();
        name = c.text(start, c.pos);
      } else if (name == null) {
        break;
      } else if (c.isKind(TokenKind.LEFT_PAREN)) {
        int args = c.pos;
        c.skipParens();
        name = name + c.text(args, c.pos);
      }
      if (c.accept("ON")) {
        String on = c.name();
        name = name + " on " + (on == null ? "?" : on);
      }
      if (c.is("FROM") && kind.kind() == ObjectKind.ROLE) {
        break;
      }
      names.add(name);
      if (!c.acceptKind(TokenKind.COMMA)) {
        break;
      }
    }
    boolean cascade = c.findTopLevel("CASCADE") < c.end;
    if (names.isEmpty()) {
      names.add("?");
    }
    emit(new Drop(kind.kind(), kind.words(), names, ifExists, cascade));
  }

  private void truncate(Cursor c) {
    c.next();
    c.accept("TABLE");
    List<String> tables = new ArrayList<>();
    while (!c.atEnd()) {
      c.accept("ONLY");
      String name = c.name();
      if (name == null) {
        break;
      }
      tables.add(name);
      if (c.peek() != null && c.peek().isOperator("*")) {
        c.next();
      }
      if (!c.acceptKind(TokenKind.COMMA)) {
        break;
      }
    }
    if (tables.isEmpty()) {
      unparsed("TRUNCATE without a table name");
      return;
    }
    emit(new Truncate(tables, c.findTopLevel("CASCADE") < c.end));
  }

  // ---- DELETE, UPDATE, MERGE

  private void delete(Cursor c) {
    c.next();
    while (c.isAny("LOW_PRIORITY", "QUICK", "IGNORE")) {
      c.next();
    }
    String table;
    if (c.accept("FROM")) {
      c.accept("ONLY");
      table = c.name();
    } else {
      table = c.name(); // MySQL: DELETE t1, t2 FROM t1 JOIN t2 ...
      c.pos = c.findTopLevel("FROM") + 1;
    }
    if (table == null) {
      unparsed("DELETE without a table name");
      return;
    }
    // the ON of a join restricts the target only when the target is in that join (MySQL
    // `DELETE t FROM t JOIN u ON ...`); PostgreSQL's `USING a JOIN b ON ...` does not
    int on = c.findTopLevel("ON");
    boolean joined = on < c.end && mentions(c.pos, on, lastPart(table));
    emit(new DeleteRows(table, where(c, joined ? c.end : c.pos, "RETURNING", "ORDER", "LIMIT")));
  }

  private boolean mentions(int from, int to, String name) {
    for (int i = from; i < to; i++) {
      Token t = code.get(i);
      if (Cursor.isNamePart(t) && Cursor.identifier(t).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The WHERE condition from the cursor on, or, when there is no WHERE, the ON condition of a
   * join that includes the target and stands before {@code joinLimit} (a MySQL multi-table
   * DELETE or UPDATE restricts rows by its join). USING or FROM alone does not restrict: {@code
   * DELETE FROM t USING u} deletes every row of {@code t}.
   */
  private Optional<Predicate> where(Cursor c, int joinLimit, String... stops) {
    int where = c.findTopLevel("WHERE");
    if (where < c.end) {
      int from = where + 1;
      Cursor rest = new Cursor(code, from, c.end);
      int to = rest.findTopLevel(stops);
      if (from < to && code.get(from).is("CURRENT") && from + 1 < to && code.get(from + 1).is("OF")) {
        return Optional.of(Predicate.opaque(rest.text(from, to)));
      }
      return Optional.of(PredicateAnalyzer.analyze(code, from, to));
    }
    int on = c.findTopLevel("ON");
    if (on < Math.min(c.end, joinLimit)) {
      Cursor rest = new Cursor(code, on + 1, c.end);
      int to = rest.findTopLevel(stops);
      to = Math.min(to, rest.findTopLevel("SET"));
      return Optional.of(Predicate.opaque(rest.text(on + 1, to)));
    }
    return Optional.empty();
  }

  private void update(Cursor c) {
    c.next();
    if (c.accept("OR")) {
      c.next();
    }
    while (c.isAny("LOW_PRIORITY", "IGNORE")) {
      c.next();
    }
    c.accept("ONLY");
    String table = c.name();
    if (table == null) {
      unparsed("UPDATE without a table name");
      return;
    }
    int set = c.findTopLevel("SET");
    if (set >= c.end) {
      unparsed("UPDATE of `" + table + "` without SET");
      return;
    }
    Cursor assignments = new Cursor(code, set + 1, c.end);
    int setEnd = assignments.findTopLevel("FROM", "WHERE", "RETURNING", "ORDER", "LIMIT");
    List<String> columns = new ArrayList<>();
    for (int[] part : assignments.splitTopLevel(set + 1, setEnd)) {
      Cursor a = new Cursor(code, part[0], part[1]);
      if (a.isKind(TokenKind.LEFT_PAREN)) {
        int open = a.pos;
        a.skipParens();
        for (int[] col : a.splitTopLevel(open + 1, a.pos - 1)) {
          columns.add(a.text(col[0], col[1]));
        }
        a.pos = part[1];
      } else {
        String name = a.name();
        if (name != null) {
          columns.add(name);
        }
      }
    }
    // MySQL `UPDATE t JOIN u ON ... SET`: a join before SET restricts; PostgreSQL's FROM after SET does not
    emit(new UpdateRows(table, columns, where(c, set, "RETURNING", "ORDER", "LIMIT")));
  }

  private void merge(Cursor c) {
    c.next();
    c.accept("INTO");
    c.accept("ONLY");
    String table = c.name();
    if (table == null) {
      unparsed("MERGE without a target table");
      return;
    }
    int on = c.findTopLevel("ON");
    int when = c.findTopLevel("WHEN");
    String condition = on < when ? c.text(on + 1, when) : "?";
    // each WHEN clause has its own condition kind; only NOT MATCHED BY SOURCE reaches rows
    // that have no match at all
    boolean deletes = false;
    boolean deletesUnmatched = false;
    boolean updates = false;
    boolean updatesUnmatched = false;
    boolean bySource = false;
    for (int i = when; i + 1 < c.end; i++) {
      Token t = code.get(i);
      if (t.is("WHEN")) {
        bySource = false;
      } else if (t.is("SOURCE")) {
        bySource = true;
      } else if (t.is("THEN")) {
        boolean delete = code.get(i + 1).is("DELETE");
        boolean update = code.get(i + 1).is("UPDATE");
        deletes |= delete && !bySource;
        deletesUnmatched |= delete && bySource;
        updates |= update && !bySource;
        updatesUnmatched |= update && bySource;
      }
    }
    Predicate matched = Predicate.opaque("rows matched on " + condition);
    Predicate unmatched = Predicate.opaque("rows with no match in the source on " + condition);
    if (deletes || deletesUnmatched) {
      emit(new DeleteRows(table, Optional.of(deletesUnmatched ? unmatched : matched)));
    }
    if (updates || updatesUnmatched) {
      emit(new UpdateRows(table, List.of(), Optional.of(updatesUnmatched ? unmatched : matched)));
    }
  }

  // ---- ALTER, RENAME

  private void alter(Cursor c) {
    c.next();
    if (c.accept("SYSTEM")) {
      c.accept("SET");
      c.accept("RESET");
      String setting = c.name();
      emit(new AlterSystem(setting == null ? "?" : setting));
      return;
    }
    if (c.isAny("ROLE", "USER", "GROUP")) {
      c.next();
      roleAttributes(c);
      return;
    }
    if (c.accept("DEFAULT", "PRIVILEGES")) {
      int grant = c.findTopLevel("GRANT");
      if (grant < c.end) {
        c.pos = grant;
        grant(c);
      }
      return;
    }
    ObjectKinds.Found kind = ObjectKinds.read(c);
    if (kind == null) {
      Token t = c.peek();
      if (t != null && t.isAny("LARGE", "STATISTICS", "OPERATOR", "COLLATION", "LANGUAGE", "INSTANCE", "LOGFILE", "RESOURCE", "UNDO")) {
        return;
      }
      unparsed("ALTER " + (t == null ? "" : t.text()) + " is not a statement Airlock knows");
      return;
    }
    if (kind.kind() == ObjectKind.TABLE || kind.kind() == ObjectKind.FOREIGN_TABLE) {
      alterTable(c, kind.kind());
      return;
    }
    c.accept("IF", "EXISTS");
    String name = c.name();
    if (name == null) {
      return;
    }
    if (c.isKind(TokenKind.LEFT_PAREN)) {
      int args = c.pos;
      c.skipParens();
      name = name + c.text(args, c.pos);
    }
    if (kind.kind() == ObjectKind.TRIGGER || kind.kind() == ObjectKind.POLICY) {
      if (c.accept("ON")) {
        name = name + " on " + c.name();
      }
    }
    if (c.accept("RENAME")) {
      if (c.accept("TO")) {
        emit(new Rename(kind.kind(), name, String.valueOf(c.name())));
      } else if (c.accept("COLUMN") || c.accept("ATTRIBUTE")) {
        String from = c.name();
        c.accept("TO");
        emit(new RenameColumn(name, String.valueOf(from), String.valueOf(c.name())));
      }
      return;
    }
    if (c.accept("SET", "SCHEMA")) {
      emit(new Rename(kind.kind(), name, c.name() + "." + lastPart(name)));
      return;
    }
    for (int[] part : c.splitTopLevel(c.pos, c.end)) {
      Cursor a = new Cursor(code, part[0], part[1]);
      if (a.accept("DROP", "ATTRIBUTE")) {
        boolean ifExists = a.accept("IF", "EXISTS");
        emit(new DropColumn(name, String.valueOf(a.name()), ifExists, a.findTopLevel("CASCADE") < a.end));
      } else if (a.accept("DROP", "CONSTRAINT")) {
        a.accept("IF", "EXISTS");
        emit(new DropConstraint(name, String.valueOf(a.name()), a.findTopLevel("CASCADE") < a.end));
      } else if (a.accept("ALTER", "ATTRIBUTE")) {
        String attr = a.name();
        if (a.accept("TYPE") || a.accept("SET", "DATA", "TYPE")) {
          emit(new AlterColumnType(name, String.valueOf(attr), typeText(a)));
        }
      }
    }
  }

  private static String lastPart(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? qualified : qualified.substring(dot + 1);
  }

  private void alterTable(Cursor c, ObjectKind kind) {
    c.accept("IF", "EXISTS");
    c.accept("ONLY");
    if (c.accept("ALL", "IN", "TABLESPACE")) {
      return;
    }
    String table = c.name();
    if (table == null) {
      unparsed("ALTER TABLE without a table name");
      return;
    }
    if (c.peek() != null && c.peek().isOperator("*")) {
      c.next();
    }
    if (c.accept("SET", "SCHEMA")) {
      emit(new Rename(kind, table, c.name() + "." + lastPart(table)));
      return;
    }
    if (c.isAny("DROP", "TRUNCATE") && c.peek(1) != null && c.peek(1).is("PARTITION")) {
      tableAction(new Cursor(code, c.pos, c.end), table, kind); // MySQL: a list of partitions
      return;
    }
    for (int[] part : c.splitTopLevel(c.pos, c.end)) {
      tableAction(new Cursor(code, part[0], part[1]), table, kind);
    }
  }

  private void tableAction(Cursor a, String table, ObjectKind kind) {
    if (a.accept("DROP")) {
      dropAction(a, table);
    } else if (a.accept("ALTER")) {
      a.accept("COLUMN");
      String column = a.name();
      if (a.accept("TYPE") || a.accept("SET", "DATA", "TYPE")) {
        emit(new AlterColumnType(table, String.valueOf(column), typeText(a)));
      }
    } else if (a.accept("MODIFY")) {
      a.accept("COLUMN");
      String column = a.name();
      emit(new AlterColumnType(table, String.valueOf(column), typeText(a)));
    } else if (a.accept("CHANGE")) {
      a.accept("COLUMN");
      String from = a.name();
      String to = a.name();
      if (from != null && to != null && !from.equalsIgnoreCase(to)) {
        emit(new RenameColumn(table, from, to));
      } else {
        emit(new AlterColumnType(table, String.valueOf(from), typeText(a)));
      }
    } else if (a.accept("RENAME")) {
      if (a.accept("TO") || a.accept("AS")) {
        emit(new Rename(kind, table, String.valueOf(a.name())));
      } else if (a.isAny("CONSTRAINT", "INDEX", "KEY")) {
        return;
      } else if (!a.is("COLUMN") && Cursor.isNamePart(a.peek()) && isOnlyName(a)) {
        emit(new Rename(kind, table, a.name())); // MySQL: RENAME new_name
      } else {
        a.accept("COLUMN");
        String from = a.name();
        a.accept("TO");
        emit(new RenameColumn(table, String.valueOf(from), String.valueOf(a.name())));
      }
    } else if (a.accept("TRUNCATE", "PARTITION")) {
      emit(new Truncate(partitions(a, "partition ", table), false));
    } else if (a.accept("DISCARD", "TABLESPACE")) {
      emit(new Truncate(List.of(table + " (tablespace discarded)"), false));
    }
  }

  private static List<String> partitions(Cursor a, String prefix, String table) {
    List<String> names = new ArrayList<>();
    for (int[] p : a.splitTopLevel(a.pos, a.end)) {
      names.add(prefix + a.text(p[0], p[1]) + " of " + table);
    }
    return names;
  }

  /** True when the cursor holds exactly one (qualified) name and nothing after it. */
  private static boolean isOnlyName(Cursor a) {
    int at = a.pos;
    a.name();
    boolean only = a.atEnd();
    a.pos = at;
    return only;
  }

  private void dropAction(Cursor a, String table) {
    if (a.accept("CONSTRAINT")) {
      a.accept("IF", "EXISTS");
      emit(new DropConstraint(table, String.valueOf(a.name()), a.findTopLevel("CASCADE") < a.end));
    } else if (a.accept("PRIMARY", "KEY")) {
      emit(new DropConstraint(table, "primary key", false));
    } else if (a.accept("FOREIGN", "KEY")) {
      emit(new DropConstraint(table, "foreign key " + a.name(), false));
    } else if (a.accept("CHECK")) {
      emit(new DropConstraint(table, "check " + a.name(), false));
    } else if (a.isAny("INDEX", "KEY")) {
      a.next();
      emit(Drop.of(ObjectKind.INDEX, a.name() + " on " + table));
    } else if (a.accept("PARTITION")) {
      emit(new Drop(ObjectKind.PARTITION, "partition", partitions(a, "", table), false, false));
    } else if (a.isAny("DEFAULT", "IDENTITY", "EXPRESSION", "NOT")) {
      return;
    } else {
      a.accept("COLUMN");
      boolean ifExists = a.accept("IF", "EXISTS");
      String column = a.name();
      if (column == null) {
        unparsed("ALTER TABLE " + table + " DROP without a column name");
        return;
      }
      emit(new DropColumn(table, column, ifExists, a.findTopLevel("CASCADE") < a.end));
    }
  }

  private String typeText(Cursor a) {
    int to = a.findTopLevel("USING", "COLLATE", "NOT", "NULL", "DEFAULT", "COMMENT", "AFTER", "FIRST", "AUTO_INCREMENT", "CHARACTER", "CHARSET", "PRIMARY", "UNIQUE", "REFERENCES", "GENERATED", "ON");
    return a.text(a.pos, to);
  }

  /** MySQL {@code RENAME TABLE a TO b, c TO d}. */
  private void renameTables(Cursor c) {
    c.next();
    if (!c.accept("TABLE") && !c.accept("TABLES")) {
      unparsed("RENAME " + (c.peek() == null ? "" : c.peek().text()) + " is not a statement Airlock knows");
      return;
    }
    for (int[] part : c.splitTopLevel(c.pos, c.end)) {
      Cursor p = new Cursor(code, part[0], part[1]);
      String from = p.name();
      p.accept("TO");
      emit(new Rename(ObjectKind.TABLE, String.valueOf(from), String.valueOf(p.name())));
    }
  }

  // ---- privileges

  private void grant(Cursor c) {
    c.next();
    int on = c.findTopLevel("ON");
    int to = c.findTopLevel("TO");
    if (to >= c.end) {
      unparsed("GRANT without TO");
      return;
    }
    Cursor rest = new Cursor(code, to + 1, c.end);
    int granteesEnd = rest.findTopLevel("WITH", "GRANTED", "IDENTIFIED", "REQUIRE");
    List<String> grantees = new ArrayList<>();
    for (int[] g : rest.splitTopLevel(to + 1, granteesEnd)) {
      grantees.add(rest.text(g[0], g[1]).replace("GROUP ", "").strip());
    }
    String options = rest.text(granteesEnd, c.end).toUpperCase(Locale.ROOT);
    if (on < to) {
      List<String> privileges = new ArrayList<>();
      boolean all = false;
      for (int[] p : c.splitTopLevel(c.pos, on)) {
        String priv = new Cursor(code, p[0], p[1]).text(p[0], p[1]).toUpperCase(Locale.ROOT);
        int paren = priv.indexOf('(');
        priv = (paren < 0 ? priv : priv.substring(0, paren)).strip();
        if (priv.equals("ALL") || priv.equals("ALL PRIVILEGES")) {
          all = true;
        } else {
          privileges.add(priv);
        }
      }
      emit(new Grant(privileges, all, c.text(on + 1, to), grantees, options.contains("GRANT OPTION")));
    } else {
      List<String> roles = new ArrayList<>();
      for (int[] r : c.splitTopLevel(c.pos, to)) {
        roles.add(c.text(r[0], r[1]));
      }
      emit(new RoleGrant(roles, grantees, options.contains("ADMIN")));
    }
  }

  private static final Set<String> ROLE_ATTRIBUTES =
      Set.of("SUPERUSER", "CREATEROLE", "BYPASSRLS", "REPLICATION", "CREATEDB");

  /**
   * The options of CREATE or ALTER ROLE. {@code ALTER ROLE r SET ...}, {@code RENAME TO} and
   * {@code IN DATABASE d SET ...} change settings or names, not powers; {@code IN ROLE r} makes
   * the new role a member of {@code r}.
   */
  private void roleAttributes(Cursor c) {
    c.accept("IF", "NOT", "EXISTS");
    c.accept("IF", "EXISTS");
    String role = c.name();
    Set<String> attributes = new LinkedHashSet<>();
    while (!c.atEnd()) {
      if (c.isAny("SET", "RESET", "RENAME") || (c.is("IN") && c.peek(1) != null && c.peek(1).is("DATABASE"))) {
        break;
      }
      Token t = c.next();
      if (t.is("IN") && c.isAny("ROLE", "GROUP")) {
        c.next();
        List<String> roles = new ArrayList<>();
        while (Cursor.isNamePart(c.peek()) && !c.peek().isAny(ROLE_ATTRIBUTES.toArray(String[]::new))) {
          roles.add(c.name());
          if (!c.acceptKind(TokenKind.COMMA)) {
            break;
          }
        }
        if (!roles.isEmpty()) {
          emit(new RoleGrant(roles, List.of(String.valueOf(role)), false));
        }
      } else if (t.kind() == TokenKind.WORD && ROLE_ATTRIBUTES.contains(t.text().toUpperCase(Locale.ROOT))) {
        attributes.add(t.text().toUpperCase(Locale.ROOT));
      }
    }
    if (!attributes.isEmpty()) {
      emit(new RoleAttributes(String.valueOf(role), attributes));
    }
  }

  // ---- CREATE and the bodies it holds

  private void create(Cursor c) {
    c.next();
    c.accept("OR", "REPLACE");
    c.accept("OR", "ALTER");
    if (c.accept("DEFINER")) {
      while (!c.atEnd() && !c.isAny("FUNCTION", "PROCEDURE", "TRIGGER", "EVENT", "VIEW")) {
        c.next();
      }
    }
    while (c.isAny("TEMP", "TEMPORARY", "CONSTRAINT", "AGGREGATE", "SQL", "SECURITY", "ALGORITHM")) {
      c.next();
    }
    if (c.isAny("FUNCTION", "PROCEDURE")) {
      routine(c);
    } else if (c.accept("TRIGGER")) {
      trigger(c);
    } else if (c.isAny("ROLE", "USER", "GROUP")) {
      c.next();
      roleAttributes(c);
    } else if (c.accept("RULE")) {
      rule(c);
    } else if (c.accept("EVENT")) {
      int body = c.findTopLevel("DO");
      if (body < c.end) {
        nestedTokens(body + 1, c.end, "event `" + code.get(c.pos).text() + "`", true);
      }
    }
  }

  private void routine(Cursor c) {
    String kind = c.next().text().toLowerCase(Locale.ROOT);
    c.accept("IF", "NOT", "EXISTS");
    String name = String.valueOf(c.name());
    String within = kind + " `" + name + "`";
    int lang = c.findTopLevel("LANGUAGE");
    String language =
        lang + 1 < c.end ? code.get(lang + 1).value().toLowerCase(Locale.ROOT) : (region.dialect() == Dialect.POSTGRESQL ? "sql" : "sql");
    if (!language.equals("plpgsql") && !language.equals("sql")) {
      boolean compiled = language.equals("c") || language.equals("internal");
      if (!compiled && c.findTopLevel("AS") < c.end) {
        emit(new DynamicSql(within + " in language " + language + ": Airlock cannot see what it does"));
      }
      return;
    }
    int atomic = -1;
    for (int i = c.pos; i + 1 < c.end; i++) {
      if (code.get(i).is("BEGIN") && code.get(i + 1).is("ATOMIC")) {
        atomic = i;
        break;
      }
    }
    if (atomic >= 0) {
      nestedTokens(atomic + 2, lastEnd(atomic + 2), within, false);
      return;
    }
    for (int i = c.pos; i + 1 < c.end; i++) {
      Token t = code.get(i);
      Token body = code.get(i + 1);
      if (t.is("AS") && (body.kind() == TokenKind.DOLLAR_STRING || body.kind() == TokenKind.STRING)) {
        nestedString(body, within, language.equals("plpgsql"));
        return;
      }
    }
    if (region.dialect().inlineCompoundBodies()) {
      int begin = c.findTopLevel("BEGIN");
      if (begin < c.end) {
        nestedTokens(begin + 1, lastEnd(begin + 1), within, true);
      } else {
        int ret = c.findTopLevel("RETURN");
        if (ret >= c.end) {
          // a routine whose body is one statement after its characteristics
          int characteristics = c.findTopLevel("DETERMINISTIC", "CONTAINS", "READS", "MODIFIES", "COMMENT", "LANGUAGE", "SQL");
          if (characteristics < c.end) {
            nestedTokens(characteristics + 1, c.end, within, true);
          }
        }
      }
    }
  }

  private int lastEnd(int from) {
    for (int i = codeEnd - 1; i >= from; i--) {
      if (code.get(i).is("END")) {
        return i;
      }
    }
    return codeEnd;
  }

  private void trigger(Cursor c) {
    c.accept("IF", "NOT", "EXISTS");
    String name = String.valueOf(c.name());
    int execute = c.findTopLevel("EXECUTE");
    if (execute < c.end) {
      return; // PostgreSQL: the body is a function, checked where it is defined
    }
    String within = "trigger `" + name + "`";
    int begin = c.findTopLevel("BEGIN");
    if (begin < c.end) {
      nestedTokens(begin + 1, lastEnd(begin + 1), within, true);
      return;
    }
    int row = c.findTopLevel("ROW", "STATEMENT");
    if (row < c.end) {
      nestedTokens(row + 1, c.end, within, true);
    }
  }

  private void rule(Cursor c) {
    String name = String.valueOf(c.name());
    int doAt = c.findTopLevel("DO");
    if (doAt >= c.end) {
      return;
    }
    Cursor action = new Cursor(code, doAt + 1, c.end);
    action.accept("ALSO");
    action.accept("INSTEAD");
    if (action.is("NOTHING")) {
      return;
    }
    if (action.isKind(TokenKind.LEFT_PAREN)) {
      int open = action.pos;
      action.skipParens();
      nestedTokens(open + 1, action.pos - 1, "rule `" + name + "`", false);
    } else {
      nestedTokens(action.pos, c.end, "rule `" + name + "`", false);
    }
  }

  private void doBlock(Cursor c) {
    c.next();
    String language = "plpgsql";
    Token body = null;
    while (!c.atEnd()) {
      Token t = c.next();
      if (t.is("LANGUAGE") && !c.atEnd()) {
        language = c.next().value().toLowerCase(Locale.ROOT);
      } else if (t.kind() == TokenKind.DOLLAR_STRING || t.kind() == TokenKind.STRING) {
        body = t;
      }
    }
    if (body == null) {
      unparsed("DO without a body");
    } else if (!language.equals("plpgsql")) {
      emit(new DynamicSql("DO block in language " + language + ": Airlock cannot see what it does"));
    } else {
      nestedString(body, "DO block", true);
    }
  }

  private void nestedString(Token body, String within, boolean procedural) {
    if (region.depth() >= Region.MAX_DEPTH) {
      emit(new DynamicSql("SQL nested more than " + Region.MAX_DEPTH + " levels deep"));
      return;
    }
    boolean exact = body.kind() == TokenKind.DOLLAR_STRING || !body.text().contains("''") && body.text().startsWith("'");
    Span bodySpan = region.span(body.start(), body.end());
    region.nested(body.value(), body.contentStart(), exact, bodySpan, within, procedural).analyze();
    emitted++;
  }

  private void nestedTokens(int from, int to, String within, boolean procedural) {
    if (from >= to || to > code.size()) {
      return;
    }
    if (region.depth() >= Region.MAX_DEPTH) {
      emit(new DynamicSql("SQL nested more than " + Region.MAX_DEPTH + " levels deep"));
      return;
    }
    int start = code.get(from).start();
    int end = code.get(to - 1).end();
    Span bodySpan = region.span(start, end);
    region.nested(region.text().substring(start, end), start, true, bodySpan, within, procedural).analyze();
    emitted++;
  }

  // ---- COPY, WITH, EXPLAIN, PREPARE, EXECUTE, SET

  private void copy(Cursor c) {
    int program = c.findTopLevel("PROGRAM");
    if (program < c.end) {
      Token cmd = program + 1 < c.end ? code.get(program + 1) : null;
      emit(new CopyProgram(cmd == null ? "?" : cmd.value(), false));
    }
  }

  private void with(Cursor c) {
    c.next();
    c.accept("RECURSIVE");
    while (!c.atEnd()) {
      if (c.name() == null) {
        break;
      }
      c.skipParens();
      if (!c.accept("AS")) {
        break;
      }
      c.accept("NOT");
      c.accept("MATERIALIZED");
      if (!c.isKind(TokenKind.LEFT_PAREN)) {
        break;
      }
      int open = c.pos;
      c.skipParens();
      Cursor body = new Cursor(code, open + 1, c.pos - 1);
      if (body.isAny("DELETE", "UPDATE", "MERGE", "INSERT")) {
        dispatch(body);
      }
      while (c.isAny("SEARCH", "CYCLE")) {
        c.pos = new Cursor(code, c.pos, c.end).findTopLevel("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE");
      }
      if (!c.acceptKind(TokenKind.COMMA)) {
        break;
      }
    }
    dispatch(c);
  }

  private void explain(Cursor c) {
    c.next();
    boolean analyze = false;
    if (c.isKind(TokenKind.LEFT_PAREN)) {
      int open = c.pos;
      c.skipParens();
      String options = c.text(open, c.pos).toUpperCase(Locale.ROOT);
      analyze = options.matches(".*\\bANALY[SZ]E\\b(?!\\s*(FALSE|OFF|0)\\b).*");
    }
    while (c.isAny("ANALYZE", "ANALYSE", "VERBOSE", "QUERY", "PLAN", "FORMAT", "EXTENDED")) {
      analyze |= c.next().isAny("ANALYZE", "ANALYSE");
    }
    if (analyze) {
      dispatch(c);
    }
  }

  private void prepare(Cursor c) {
    c.next();
    c.name();
    if (c.accept("FROM")) {
      Token source = c.next();
      if (source != null && source.kind() == TokenKind.STRING && c.atEnd()) {
        nestedString(source, "prepared statement", false);
      } else {
        emit(new DynamicSql("PREPARE from a computed string: `" + c.text(c.pos - 1, c.end) + "`"));
      }
      return;
    }
    c.skipParens();
    if (c.accept("AS")) {
      dispatch(c);
    }
  }

  private void execute(Cursor c) {
    c.next();
    if (c.accept("IMMEDIATE")) {
      Token source = c.next();
      if (source != null && source.kind() == TokenKind.STRING && c.atEnd()) {
        nestedString(source, "EXECUTE IMMEDIATE", false);
      } else {
        emit(new DynamicSql("EXECUTE IMMEDIATE of a computed string"));
      }
    }
    // otherwise: EXECUTE of a prepared statement, analysed where it was prepared
  }

  private void set(Cursor c) {
    c.next();
    Token t = c.peek();
    if (t == null) {
      return;
    }
    boolean global = t.isAny("GLOBAL", "PERSIST", "PERSIST_ONLY") || t.text().toUpperCase(Locale.ROOT).startsWith("@@GLOBAL") || (t.isOperator("@@") && c.peek(1) != null && c.peek(1).isAny("GLOBAL", "PERSIST"));
    if (global && region.dialect() != Dialect.POSTGRESQL) {
      emit(new AlterSystem(c.text(c.pos, c.end)));
    }
  }

  // ---- procedural bodies (PL/pgSQL, MySQL compound statements)

  private void procedural(Cursor c) {
    int head = skipControlFlow(c);
    if (head < codeEnd) {
      allowances = allowancesBefore(code.get(head).start());
    }
    scanExecute(head);
    if (head >= codeEnd) {
      return;
    }
    Token t = code.get(head);
    if (t.is("RETURN") && head + 1 < codeEnd && code.get(head + 1).is("QUERY")) {
      head += 2;
      t = head < codeEnd ? code.get(head) : null;
    }
    if (t != null && t.kind() == TokenKind.WORD && BODY_SQL_HEADS.contains(t.text().toUpperCase(Locale.ROOT))) {
      // findings point at the statement, not at the IF ... THEN in front of it
      span = region.span(t.start(), st.end());
      statement = region.text().substring(t.start(), st.end());
      dispatch(new Cursor(code, head, codeEnd));
    }
  }

  /** Skips labels and control-flow headers (IF ... THEN, LOOP, BEGIN, ...) before a statement. */
  private int skipControlFlow(Cursor c) {
    while (!c.atEnd()) {
      Token t = c.peek();
      if (t.isOperator("<<")) {
        c.pos = Math.min(c.end, c.pos + 3);
      } else if (t.isAny("BEGIN", "ELSE", "LOOP", "REPEAT", "THEN", "DO")) {
        c.next();
      } else if (t.kind() == TokenKind.WORD && c.peek(1) != null && c.peek(1).text().equals(":") && region.dialect() != Dialect.POSTGRESQL) {
        c.pos += 2; // MySQL label:
      } else if (t.isAny("IF", "ELSIF", "ELSEIF", "WHEN", "WHILE", "EXCEPTION", "FOR", "FOREACH", "CASE")) {
        int body = c.findTopLevel("THEN", "LOOP", "DO");
        if (t.is("EXCEPTION") && body >= c.end) {
          c.next();
          continue;
        }
        c.pos = Math.min(c.end, body + 1);
        if (body >= c.end) {
          return c.end;
        }
      } else if (t.is("DECLARE") || t.is("END")) {
        return c.end;
      } else {
        return c.pos;
      }
    }
    return c.end;
  }

  /** EXECUTE in PL/pgSQL: a literal is analysed as SQL, anything computed is dynamic. */
  private void scanExecute(int upTo) {
    if (region.dialect() == Dialect.MYSQL) {
      return;
    }
    for (int i = 0; i < codeEnd; i++) {
      Token t = code.get(i);
      if (!t.is("EXECUTE") || (i + 1 < codeEnd && code.get(i + 1).isAny("FUNCTION", "PROCEDURE"))) {
        continue;
      }
      if (i >= upTo && code.get(upTo).isAny(BODY_SQL_HEADS.toArray(String[]::new))) {
        continue;
      }
      Token arg = i + 1 < codeEnd ? code.get(i + 1) : null;
      Token after = i + 2 < codeEnd ? code.get(i + 2) : null;
      boolean literal =
          arg != null
              && (arg.kind() == TokenKind.STRING || arg.kind() == TokenKind.DOLLAR_STRING)
              && (after == null || after.isAny("USING", "INTO", "LOOP"));
      if (literal) {
        nestedString(arg, "EXECUTE", false);
      } else {
        Cursor all = new Cursor(code, i + 1, codeEnd);
        int stop = all.findTopLevel("USING", "INTO", "LOOP");
        emit(new DynamicSql("EXECUTE of a computed string: `" + all.text(i + 1, stop) + "`"), region.span(t.start(), st.end()));
      }
    }
  }
}
