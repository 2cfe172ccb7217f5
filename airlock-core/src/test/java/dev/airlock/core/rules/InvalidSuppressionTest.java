package dev.airlock.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.check.Checker;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.policy.Config;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlFrontend;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidSuppressionTest {
  private final RuleTester tester = RuleTester.forRule("invalid-suppression");

  @Test
  void suppressionsWithoutReasonOrRuleAreFound() {
    // The finding points at the comment itself; block comments let a marker name that line.
    tester.expect(
        """
        -- FINDING: drop-table gives no reason, so it suppresses nothing; say why this is safe
        /* airlock:allow drop-table */
        DROP TABLE t;
        -- FINDING: names unknown rule `no-such-rule`; it suppresses nothing
        /* airlock:allow no-such-rule because reasons */
        DROP TABLE t;
        -- FINDING: names no rule; write
        /* airlock:allow */
        DROP TABLE t;
        -- FINDING: names unknown rule `Drop-Table`
        /* airlock:allow Drop-Table rule ids are lower case */
        DROP TABLE t;
        -- FINDING: names unknown rule `docs`
        /* see airlock:allow docs */
        SELECT 1;
        -- FINDING: truncate gives no reason
        /* airlock:allow drop-table the drop is reviewed */ /* airlock:allow truncate */
        DROP TABLE t;
        """);
  }

  @Test
  void lineCommentSuppressionsAreChecked() {
    List<Finding> findings =
        check(
            """
            -- airlock:allow drop-table
            DROP TABLE a;
            -- airlock:allow drop-table */
            DROP TABLE b;
            -- airlock:allow no-such-rule because
            DROP TABLE c;
            -- airlock:allowed drop-table ok
            DROP TABLE d;
            """);
    assertThat(findings)
        .filteredOn(f -> f.rule().id().equals("invalid-suppression"))
        .extracting(f -> f.span().startLine() + " " + f.message())
        .containsExactly(
            "1 airlock:allow drop-table gives no reason, so it suppresses nothing; say why this is safe",
            "3 airlock:allow drop-table gives no reason, so it suppresses nothing; say why this is safe",
            "5 airlock:allow names unknown rule `no-such-rule`; it suppresses nothing",
            "7 airlock:allow names no rule; write `airlock:allow <rule-id> <reason>`");
    assertThat(findings).filteredOn(f -> f.rule().id().equals("drop-table")).noneMatch(Finding::suppressed);
  }

  @Test
  void aTrailingSuppressionBelongsToItsOwnLine() {
    tester.expect(
        """
        -- FINDING: drop-table gives no reason
        DROP TABLE t; -- airlock:allow drop-table
        DROP TABLE u;
        """);
  }

  @Test
  void validSuppressionsAreNotFindings() {
    tester.expect(
        """
        -- airlock:allow drop-table replaced by events_v2 in release 41; verified empty on 2024-03-02
        DROP TABLE events_v1;
        /* airlock:allow drop-table reviewed by ops */
        DROP TABLE t;
        -- airlock:allow drop-table,truncate both reviewed
        TRUNCATE u;
        -- airlock:allow drop-table: reason after a colon
        DROP TABLE t;
        DROP TABLE t; -- airlock:allow drop-table archived to s3
        SELECT 'airlock:allow drop-table';
        """);
  }

  @Test
  void invalidSuppressionsInsideBodiesAreFound() {
    tester.expect(
        """
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          -- airlock:allow drop-table inner reason
          DROP TABLE t;
          -- FINDING: truncate gives no reason, so it suppresses nothing; say why this is safe (inside function `f`)
          /* airlock:allow truncate */
          TRUNCATE u;
        END $$;
        """);
  }

  @Test
  void mysqlHashComments() {
    tester
        .dialect(Dialect.MYSQL)
        .expect(
            """
            # FINDING: drop-table gives no reason
            /* airlock:allow drop-table */
            DROP TABLE t;
            # airlock:allow drop-table the table moved to the archive cluster
            DROP TABLE u;
            """);
  }

  @Test
  void aValidSuppressionMarksTheFindingAcknowledged() {
    List<Finding> findings =
        check(
            """
            -- airlock:allow drop-table old table, archived on 2024-01-01
            DROP TABLE t;
            -- airlock:allow drop-table,truncate both reviewed
            DROP TABLE u; TRUNCATE v;
            DROP TABLE w; -- airlock:allow drop-table copied to the archive first
            DROP TABLE x;
            -- airlock:allow drop-table
            DROP TABLE y;
            -- airlock:allow truncate this allows a different rule
            DROP TABLE z;
            """);
    assertThat(findings)
        .extracting(f -> f.rule().id() + " " + f.span().startLine() + " " + f.suppressed())
        .containsExactly(
            "drop-table 2 true",
            "drop-table 4 true",
            "truncate 4 false",
            "drop-table 5 true",
            "drop-table 6 false",
            "invalid-suppression 7 false",
            "drop-table 8 false",
            "drop-table 10 false");
    assertThat(findings.get(0).suppression().orElseThrow().reason()).isEqualTo("old table, archived on 2024-01-01");
    assertThat(findings.get(3).suppression().orElseThrow().reason()).isEqualTo("copied to the archive first");
  }

  @Test
  void aSuppressionInsideABodyAcknowledgesOnlyThatStatement() {
    List<Finding> findings =
        check(
            """
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              -- airlock:allow drop-table inner reason
              DROP TABLE t;
              DROP TABLE u;
            END $$;
            """);
    assertThat(findings)
        .extracting(f -> f.rule().id() + " " + f.span().startLine() + " " + f.suppressed())
        .containsExactly("drop-table 4 true", "drop-table 5 false");
  }

  private static List<Finding> check(String sql) {
    return new Checker(Config.defaults())
        .check(new SourceText("test.sql", sql), new SqlFrontend(Dialect.POSTGRESQL))
        .findings();
  }
}
