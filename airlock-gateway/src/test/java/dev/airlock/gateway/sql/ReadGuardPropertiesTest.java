package dev.airlock.gateway.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlLexer;
import dev.airlock.core.sql.Token;
import dev.airlock.core.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random token soup never makes the guard throw, and whatever it accepts passes an independent,
 * blunter oracle over the raw lexer tokens: one statement, a read head, no dangerous function
 * called, no INTO, no row lock, no write inside parentheses, no EXPLAIN ANALYZE of a write.
 */
class ReadGuardPropertiesTest {
  private static final List<String> FRAGMENTS =
      List.of(
          "SELECT",
          "select",
          "WITH",
          "AS",
          "(",
          ")",
          "(",
          ")",
          "VALUES",
          "TABLE",
          "EXPLAIN",
          "ANALYZE",
          "SHOW",
          "DELETE",
          "UPDATE",
          "INSERT",
          "INTO",
          "MERGE",
          "FROM",
          "WHERE",
          "SET",
          "COMMIT",
          "BEGIN",
          "ROLLBACK",
          "FOR",
          "SHARE",
          "KEY",
          "NO",
          "t",
          "x",
          "1",
          ",",
          ";",
          ";",
          "*",
          "=",
          "::",
          "int",
          "'s;'",
          "'",
          "\"",
          "\"pg_sleep\"",
          "pg_sleep",
          "PG_SLEEP",
          "set_config",
          "pg_catalog",
          ".",
          "dblink_exec",
          "nextval",
          "lo_export",
          "pg_terminate_backend",
          "query_to_xml",
          "count",
          "lower",
          "now",
          "$$",
          "$$;$$",
          "$1",
          "?",
          "--",
          "-- c\n",
          "/*",
          "*/",
          "/* c */",
          "\n",
          "\r",
          "\r\n",
          "JOIN",
          "LIKE",
          "NOT",
          "RETURNING",
          "MATERIALIZED",
          "RECURSIVE",
          "UNION",
          "ALL",
          "COPY",
          "PROGRAM",
          "DO",
          "CALL",
          "LOCK",
          "ATOMIC",
          "END",
          "CAST",
          "[",
          "]",
          "E'\\''",
          "\\",
          "OPERATOR",
          "g",
          "ON",
          "AND",
          "OVER",
          "FILTER",
          "TABLESAMPLE",
          "REPEATABLE",
          "BY",
          "ORDER",
          "GROUP",
          "\"set_config\"",
          "$t$",
          "U&",
          "TIME",
          "ZONE",
          "SETS",
          "GROUPING");

  private static final Set<String> DANGEROUS =
      Set.of(
          "pg_sleep",
          "set_config",
          "dblink_exec",
          "nextval",
          "lo_export",
          "pg_terminate_backend",
          "query_to_xml",
          "g");

  private static final Set<String> READ_HEADS =
      Set.of("SELECT", "VALUES", "TABLE", "WITH", "EXPLAIN", "SHOW", "(");

  private static final Set<String> WRITES =
      Set.of("DELETE", "UPDATE", "INSERT", "MERGE", "COPY", "DO", "CALL", "LOCK");

  @Provide
  Arbitrary<String> soup() {
    Arbitrary<String> separator = Arbitraries.of(" ", " ", "", "\n", "\r", "/**/");
    return Arbitraries.of(FRAGMENTS)
        .list()
        .ofMinSize(1)
        .ofMaxSize(30)
        .flatMap(parts -> separator.list().ofSize(parts.size()).map(seps -> join(parts, seps)));
  }

  @Provide
  Arbitrary<String> readsWithTails() {
    Arbitrary<String> read =
        Arbitraries.of(
            "SELECT 1",
            "SELECT count(*) FROM t",
            "WITH x AS (SELECT 1) SELECT * FROM x",
            "TABLE t",
            "EXPLAIN SELECT 1");
    return soup().flatMap(tail -> read.map(r -> r + " " + tail));
  }

  private static String join(List<String> parts, List<String> separators) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      sb.append(parts.get(i)).append(separators.get(i));
    }
    return sb.toString();
  }

  @Property(tries = 3000)
  void soupIsNeverAReadUnlessItReallyIsOne(@ForAll("soup") String sql) {
    Optional<Refused> verdict = ReadGuard.check(sql);
    if (verdict.isEmpty()) {
      assertReallyARead(sql);
    } else {
      assertThat(verdict.get().reason()).isNotBlank();
      assertThat(verdict.get().rule()).isNotBlank();
    }
  }

  @Property(tries = 2000)
  void aReadFollowedBySoupIsStillChecked(@ForAll("readsWithTails") String sql) {
    if (ReadGuard.check(sql).isEmpty()) {
      assertReallyARead(sql);
    }
  }

  @Property(tries = 1000)
  void arbitraryTextNeverThrows(@ForAll String text) {
    ReadGuard.check(text);
  }

  /** The tokens between EXPLAIN and the statement it explains. */
  private static List<Token> explainOptions(List<Token> code) {
    int end = 1;
    if (code.size() > 1 && code.get(1).kind() == TokenKind.LEFT_PAREN) {
      while (end < code.size() && code.get(end).kind() != TokenKind.RIGHT_PAREN) {
        end++;
      }
    } else {
      while (end < code.size() && code.get(end).isAny("ANALYZE", "ANALYSE", "VERBOSE")) {
        end++;
      }
    }
    return code.subList(1, Math.min(end, code.size()));
  }

  /** The oracle: blunt rules over the raw lexer tokens, independent of the guard's structure. */
  private static void assertReallyARead(String sql) {
    List<Token> code = new ArrayList<>();
    for (Token t : SqlLexer.lex(sql, Dialect.POSTGRESQL)) {
      if (!t.kind().isComment()) {
        code.add(t);
      }
    }
    while (!code.isEmpty() && code.get(code.size() - 1).kind() == TokenKind.SEMICOLON) {
      code.remove(code.size() - 1);
    }
    assertThat(code).as("accepted %s", sql).isNotEmpty();
    assertThat(code).as("one statement in %s", sql).noneMatch(t -> t.kind() == TokenKind.SEMICOLON);
    assertThat(code)
        .as("closed tokens in %s", sql)
        .noneMatch(t -> t.kind() == TokenKind.UNTERMINATED);
    assertThat(READ_HEADS)
        .as("head of %s", sql)
        .contains(code.get(0).text().toUpperCase(Locale.ROOT));
    boolean analyze =
        code.get(0).is("EXPLAIN")
            && explainOptions(code).stream().anyMatch(t -> t.isAny("ANALYZE", "ANALYSE"));
    boolean explainOnly = code.get(0).is("EXPLAIN") && !analyze;
    for (int i = 0; i < code.size(); i++) {
      Token t = code.get(i);
      Token next = i + 1 < code.size() ? code.get(i + 1) : null;
      // `AS g(n)` names columns and `::numeric(10, 2)` is a type with modifiers: neither calls
      // anything
      boolean aliased = i > 0 && (code.get(i - 1).is("AS") || code.get(i - 1).isOperator("::"));
      boolean called = next != null && next.kind() == TokenKind.LEFT_PAREN && !aliased;
      String name =
          t.kind() == TokenKind.QUOTED_IDENTIFIER ? t.value() : t.text().toLowerCase(Locale.ROOT);
      assertThat(called && DANGEROUS.contains(name)).as("calls %s in %s", name, sql).isFalse();
      if (!explainOnly) {
        assertThat(t.is("INTO")).as("INTO in %s", sql).isFalse();
        assertThat(t.is("FOR") && next != null && next.isAny("UPDATE", "SHARE", "NO", "KEY"))
            .as("row lock in %s", sql)
            .isFalse();
        assertThat(
                t.kind() == TokenKind.LEFT_PAREN
                    && next != null
                    && next.isAny(WRITES.toArray(String[]::new)))
            .as("write in parentheses in %s", sql)
            .isFalse();
      }
      assertThat(analyze && t.isAny("DELETE", "UPDATE", "INSERT", "MERGE"))
          .as("EXPLAIN ANALYZE of a write: %s", sql)
          .isFalse();
    }
  }
}
