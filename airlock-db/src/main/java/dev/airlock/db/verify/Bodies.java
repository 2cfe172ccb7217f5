package dev.airlock.db.verify;

import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlLexer;
import dev.airlock.core.sql.Token;
import dev.airlock.core.sql.TokenKind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Function and procedure bodies, which pg_depend does not track: each body (pg_proc.prosrc of
 * SQL and PL/pgSQL routines) is lexed with Airlock's own SQL lexer and reduced to the
 * identifiers it names, so {@code legacy_order_id} matches the identifier and never a substring
 * of {@code legacy_order_id_v2} or a comment. String literals are lexed too: dynamic SQL in
 * EXECUTE names tables and columns in strings.
 */
final class Bodies {
  /** A routine and the identifiers its body names (unquoted words folded to lower case). */
  record Routine(long oid, String kind, String name, Set<String> identifiers, Set<String> inStrings) {}

  private final Map<String, Routine> cache = new HashMap<>();

  List<Routine> load(Db db) throws SQLException {
    List<Routine> out = new ArrayList<>();
    for (String[] r :
        db.rows(
            "SELECT p.oid, CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,"
                + " quote_ident(n.nspname)||'.'||quote_ident(p.proname)||'('||pg_get_function_identity_arguments(p.oid)||')',"
                + " p.prosrc, md5(p.prosrc) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " JOIN pg_language l ON l.oid = p.prolang"
                + " WHERE l.lanname IN ('sql','plpgsql') AND n.nspname NOT IN ('pg_catalog','information_schema')"
                + " AND p.prosrc IS NOT NULL")) {
      String key = r[0] + ":" + r[4];
      Routine cached = cache.get(key);
      if (cached == null || !cached.name().equals(r[2])) {
        Set<String> ids = new HashSet<>();
        Set<String> strings = new HashSet<>();
        collect(r[3], ids, strings, 0);
        cached = new Routine(Long.parseLong(r[0]), r[1], r[2], ids, strings);
        cache.put(key, cached);
      }
      out.add(cached);
    }
    return out;
  }

  private static void collect(String text, Set<String> ids, Set<String> strings, int depth) {
    for (Token t : SqlLexer.lex(text, Dialect.POSTGRESQL)) {
      if (t.kind() == TokenKind.WORD) {
        ids.add(t.text().toLowerCase(Locale.ROOT));
      } else if (t.kind() == TokenKind.QUOTED_IDENTIFIER) {
        ids.add(t.value());
      } else if ((t.kind() == TokenKind.STRING || t.kind() == TokenKind.DOLLAR_STRING) && depth < 3 && looksLikeSql(t.value())) {
        Set<String> inner = new HashSet<>();
        collect(t.value(), inner, strings, depth + 1);
        strings.addAll(inner);
      }
    }
  }

  private static final Set<String> SQL_HEADS =
      Set.of("select", "insert", "update", "delete", "with", "alter", "create", "drop", "truncate", "merge", "copy", "call", "perform");

  /** Dynamic SQL starts with a statement keyword; prose in a string does not. */
  private static boolean looksLikeSql(String s) {
    for (Token t : SqlLexer.lex(s, Dialect.POSTGRESQL)) {
      if (!t.kind().isComment()) {
        return t.kind() == TokenKind.WORD && SQL_HEADS.contains(t.text().toLowerCase(Locale.ROOT));
      }
    }
    return false;
  }

  /** Whether the routine names the identifier, and where: "" (no), "body", "dynamic SQL". */
  static String uses(Routine r, String... identifiers) {
    boolean all = true;
    for (String id : identifiers) {
      all &= r.identifiers().contains(id);
    }
    if (all) {
      return "body";
    }
    boolean inStrings = true;
    for (String id : identifiers) {
      inStrings &= r.identifiers().contains(id) || r.inStrings().contains(id);
    }
    return inStrings ? "dynamic SQL" : "";
  }
}
