package dev.airlock.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.check.Checker;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.policy.Config;
import dev.airlock.core.source.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  /** The code of each non-empty statement, from its first real token through its delimiter. */
  private static List<String> statements(String sql, Dialect dialect) {
    List<SqlStatement> all = StatementSplitter.split(sql, dialect);
    StringBuilder joined = new StringBuilder();
    all.forEach(s -> joined.append(sql, s.chunkStart(), s.chunkEnd()));
    assertThat(joined.toString()).as("chunks concatenate to the input").isEqualTo(sql);
    return all.stream().filter(s -> !s.isEmpty()).map(s -> sql.substring(s.start(), s.end())).toList();
  }

  private static List<String> statements(String sql) {
    return statements(sql, Dialect.POSTGRESQL);
  }

  @Test
  void splitsOnSemicolons() {
    assertThat(statements("SELECT 1; SELECT 2;SELECT 3")).containsExactly("SELECT 1;", "SELECT 2;", "SELECT 3");
    assertThat(statements("")).isEmpty();
    assertThat(statements(";;  ;")).containsExactly(";", ";", ";");
    assertThat(statements("  \n-- only a comment\n")).isEmpty();
  }

  @Test
  void dollarQuotesWithTagsDoNotSplit() {
    assertThat(statements("SELECT $a$ ; $b$ ; $$ ; $a$; SELECT 2;"))
        .containsExactly("SELECT $a$ ; $b$ ; $$ ; $a$;", "SELECT 2;");
    assertThat(statements("CREATE FUNCTION f() RETURNS void AS $fn$ BEGIN DROP TABLE t; END $fn$ LANGUAGE plpgsql; SELECT 2;"))
        .containsExactly("CREATE FUNCTION f() RETURNS void AS $fn$ BEGIN DROP TABLE t; END $fn$ LANGUAGE plpgsql;", "SELECT 2;");
    assertThat(statements("SELECT $1; SELECT $2;")).containsExactly("SELECT $1;", "SELECT $2;");
    assertThat(statements("SELECT a$b; SELECT 2;")).containsExactly("SELECT a$b;", "SELECT 2;");
    // MySQL has no dollar quotes
    assertThat(statements("SELECT $a$; SELECT $a$;", Dialect.MYSQL)).containsExactly("SELECT $a$;", "SELECT $a$;");
  }

  @Test
  void commentsDoNotSplit() {
    assertThat(statements("SELECT 1 /* a; /* nested; */ still; */; SELECT 2;"))
        .containsExactly("SELECT 1 /* a; /* nested; */ still; */;", "SELECT 2;");
    assertThat(statements("SELECT 1 -- not here;\n; SELECT 2;")).containsExactly("SELECT 1 -- not here;\n;", "SELECT 2;");
    assertThat(statements("SELECT 1 # not here;\n; SELECT 2;", Dialect.MYSQL))
        .containsExactly("SELECT 1 # not here;\n;", "SELECT 2;");
    // MySQL block comments do not nest; in PostgreSQL # is an operator
    assertThat(statements("SELECT 1 /* a /* b */; SELECT 2;", Dialect.MYSQL)).containsExactly("SELECT 1 /* a /* b */;", "SELECT 2;");
    assertThat(statements("SELECT 1 # 2; SELECT 3;")).containsExactly("SELECT 1 # 2;", "SELECT 3;");
    assertThat(statements("SELECT 1--;\n; SELECT 2;")).containsExactly("SELECT 1--;\n;", "SELECT 2;");
  }

  @Test
  void stringsAndQuotedIdentifiersDoNotSplit() {
    assertThat(statements("SELECT E'it\\'s; here'; SELECT 2;")).containsExactly("SELECT E'it\\'s; here';", "SELECT 2;");
    assertThat(statements("SELECT 'it''s; here'; SELECT 2;")).containsExactly("SELECT 'it''s; here';", "SELECT 2;");
    // a backslash is no escape in a standard PostgreSQL string
    assertThat(statements("SELECT 'a\\'; SELECT 2;")).containsExactly("SELECT 'a\\';", "SELECT 2;");
    assertThat(statements("SELECT 'it\\'s; here'; SELECT 2;", Dialect.MYSQL)).containsExactly("SELECT 'it\\'s; here';", "SELECT 2;");
    assertThat(statements("CREATE TABLE \"a;b\" (\"c;\" int); SELECT 2;")).containsExactly("CREATE TABLE \"a;b\" (\"c;\" int);", "SELECT 2;");
    assertThat(statements("CREATE TABLE `a;b` (x int); SELECT 2;", Dialect.MYSQL)).containsExactly("CREATE TABLE `a;b` (x int);", "SELECT 2;");
    assertThat(statements("CREATE TABLE [a;b] (x int); SELECT 2;", Dialect.SQLITE)).containsExactly("CREATE TABLE [a;b] (x int);", "SELECT 2;");
    assertThat(statements("SELECT U&'d;\\0061'; SELECT 2;")).containsExactly("SELECT U&'d;\\0061';", "SELECT 2;");
  }

  @Test
  void unterminatedConstructsRunToTheEnd() {
    assertThat(statements("SELECT 'abc; DROP TABLE t;")).containsExactly("SELECT 'abc; DROP TABLE t;");
    assertThat(statements("SELECT 1; /* open; DROP TABLE t;")).containsExactly("SELECT 1;", "/* open; DROP TABLE t;");
    List<SqlStatement> parts = StatementSplitter.split("SELECT $x$ open; DROP TABLE t;", Dialect.POSTGRESQL);
    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).terminated()).isFalse();
    assertThat(parts.get(0).code().get(1).kind()).isEqualTo(TokenKind.UNTERMINATED);
  }

  @Test
  void mysqlDelimiterCommandChangesTheDelimiter() {
    String sql =
        """
        DELIMITER $$
        CREATE PROCEDURE p()
        BEGIN
          DELETE FROM a;
          DELETE FROM b;
        END$$
        DELIMITER //
        CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END//
        DELIMITER ;
        SELECT 1; SELECT 2;
        """;
    assertThat(statements(sql, Dialect.MYSQL))
        .containsExactly(
            "DELIMITER $$",
            "CREATE PROCEDURE p()\nBEGIN\n  DELETE FROM a;\n  DELETE FROM b;\nEND$$",
            "DELIMITER //",
            "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END//",
            "DELIMITER ;",
            "SELECT 1;",
            "SELECT 2;");
    List<SqlStatement> parts = StatementSplitter.split(sql, Dialect.MYSQL);
    assertThat(parts.stream().filter(SqlStatement::directive).count()).isEqualTo(3);
    // a delimiter glued to a word is still the delimiter, and what follows it is kept
    assertThat(statements("DELIMITER $$\nSELECT 1$$SELECT 2 $$ DELIMITER ;", Dialect.MYSQL))
        .containsExactly("DELIMITER $$", "SELECT 1$$", "SELECT 2 $$", "DELIMITER ;");
    assertThat(statements("DELIMITER //\nCREATE PROCEDURE p() BEGIN DROP TABLE t; END//\nDELIMITER ;", Dialect.MYSQL))
        .containsExactly("DELIMITER //", "CREATE PROCEDURE p() BEGIN DROP TABLE t; END//", "DELIMITER ;");
  }

  @Test
  void compoundBodiesDoNotSplit() {
    assertThat(
            statements(
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 1 END; END; DROP TABLE x;"))
        .containsExactly(
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 1 END; END;",
            "DROP TABLE x;");
    assertThat(
            statements(
                "CREATE TRIGGER tr AFTER DELETE ON a\nBEGIN\n  DELETE FROM b WHERE a_id = old.id;\n  UPDATE c SET n = CASE WHEN n > 0 THEN n - 1 ELSE 0 END;\nEND;\nDROP TABLE x;",
                Dialect.SQLITE))
        .containsExactly(
            "CREATE TRIGGER tr AFTER DELETE ON a\nBEGIN\n  DELETE FROM b WHERE a_id = old.id;\n  UPDATE c SET n = CASE WHEN n > 0 THEN n - 1 ELSE 0 END;\nEND;",
            "DROP TABLE x;");
    assertThat(statements("BEGIN TRANSACTION; DROP TABLE x; COMMIT;", Dialect.SQLITE))
        .containsExactly("BEGIN TRANSACTION;", "DROP TABLE x;", "COMMIT;");
    assertThat(statements("BEGIN; DROP TABLE x; END;", Dialect.MYSQL)).containsExactly("BEGIN;", "DROP TABLE x;", "END;");
    assertThat(statements("BEGIN; DROP TABLE x; COMMIT;")).containsExactly("BEGIN;", "DROP TABLE x;", "COMMIT;");
    assertThat(
            statements(
                "CREATE PROCEDURE p() BEGIN IF x THEN DELETE FROM a; END IF; LOOP LEAVE; END LOOP; END; SELECT 1;", Dialect.MYSQL))
        .containsExactly("CREATE PROCEDURE p() BEGIN IF x THEN DELETE FROM a; END IF; LOOP LEAVE; END LOOP; END;", "SELECT 1;");
  }

  @Test
  void ruleActionListsDoNotSplit() {
    assertThat(statements("CREATE RULE r AS ON INSERT TO t DO ALSO (DELETE FROM a; INSERT INTO b VALUES (1)); DROP TABLE c;"))
        .containsExactly("CREATE RULE r AS ON INSERT TO t DO ALSO (DELETE FROM a; INSERT INTO b VALUES (1));", "DROP TABLE c;");
    assertThat(statements("CREATE OR REPLACE RULE r AS ON UPDATE TO t DO INSTEAD (UPDATE a SET x = 1; NOTIFY t); SELECT 1;"))
        .containsExactly("CREATE OR REPLACE RULE r AS ON UPDATE TO t DO INSTEAD (UPDATE a SET x = 1; NOTIFY t);", "SELECT 1;");
    assertThat(statements("SELECT (1); SELECT 2;")).containsExactly("SELECT (1);", "SELECT 2;");
  }

  @Test
  void psqlMetaCommandsEndAtTheEndOfTheirLine() {
    assertThat(statements("\\set x 1\nSELECT 1;\n  \\i other.sql\nSELECT 2;"))
        .containsExactly("\\set x 1", "SELECT 1;", "\\i other.sql", "SELECT 2;");
    assertThat(statements("SELECT 1 \\gset\n;")).hasSize(1);
  }

  @Test
  void aSameLineCommentBelongsToTheStatementItFollows() {
    String sql = "DROP TABLE a; -- about a\nDROP TABLE b;\n-- about c\nDROP TABLE c; /* not a line comment */ SELECT 1;";
    List<SqlStatement> parts = StatementSplitter.split(sql, Dialect.POSTGRESQL);
    assertThat(parts).hasSize(4);
    assertThat(parts.get(0).comments()).extracting(Token::text).containsExactly("-- about a");
    assertThat(parts.get(1).comments()).isEmpty();
    assertThat(parts.get(2).leadingComments()).extracting(Token::text).containsExactly("-- about c");
    assertThat(parts.get(3).leadingComments()).extracting(Token::text).containsExactly("/* not a line comment */");
  }

  @Test
  void lineEndingsDoNotMoveLocations() {
    for (String eol : List.of("\n", "\r\n", "\r")) {
      String sql = String.join(eol, "SELECT 1;", "  DROP TABLE a;", "", "/* c */ DROP", "  TABLE b;", "DROP TABLE c;");
      List<Finding> drops = check(sql, Dialect.POSTGRESQL);
      assertThat(drops)
          .as("line endings %s", eol.replace("\r", "CR").replace("\n", "LF"))
          .extracting(f -> f.span().startLine() + ":" + f.span().startColumn() + "-" + f.span().endLine() + ":" + f.span().endColumn())
          .containsExactly("2:3-2:16", "4:9-5:11", "6:1-6:14");
      assertThat(statements(sql)).hasSize(4);
    }
  }

  @Test
  void theFiveHundredthStatementIsLocatedExactly() {
    StringBuilder sql = new StringBuilder();
    int line = 1;
    int expectedLine = -1;
    int expectedColumn = -1;
    for (int i = 1; i <= 600; i++) {
      String eol = i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r";
      String pad = " ".repeat(i % 5);
      if (i == 500) {
        expectedLine = line;
        expectedColumn = pad.length() + 1;
        sql.append(pad).append("DROP TABLE t500;").append(eol);
        line++;
      } else if (i % 7 == 0) {
        sql.append(pad).append("SELECT $$a;").append(eol).append("b;$$, 'c;").append(eol).append("d';").append(eol);
        line += 3;
      } else {
        sql.append(pad).append("SELECT ").append(i).append("; -- no. ").append(i).append(eol);
        line++;
      }
    }
    String text = sql.toString();
    assertThat(statements(text)).hasSize(600).element(499).isEqualTo("DROP TABLE t500;");
    List<Finding> drops = check(text, Dialect.POSTGRESQL);
    assertThat(drops).hasSize(1);
    assertThat(drops.get(0).span().startLine()).isEqualTo(expectedLine);
    assertThat(drops.get(0).span().startColumn()).isEqualTo(expectedColumn);
    assertThat(new SourceText("t.sql", text).line(expectedLine).strip()).isEqualTo("DROP TABLE t500;");
  }

  private static List<Finding> check(String sql, Dialect dialect) {
    return new Checker(Config.defaults())
        .check(new SourceText("t.sql", sql), new SqlFrontend(dialect))
        .findings()
        .stream()
        .filter(f -> f.rule().id().equals("drop-table"))
        .toList();
  }
}
