package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.db.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify, env and drift from the command line: exit codes (0 clean, 1 findings, 2 a failing
 * statement or a usage/connection error), one-line errors, and the environment guard.
 */
class VerifyCommandTest {
  static EmbeddedDatabase pg;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedDatabase.start();
    base = "postgres://postgres@localhost:" + pg.port() + "/";
    try (Connection c = pg.connect()) {
      for (String db : new String[] {"stage", "prod", "empty"}) {
        c.createStatement().execute("CREATE DATABASE " + db);
      }
    }
  }

  @AfterAll
  static void stop() {
    pg.close();
  }

  @Test
  void theIncidentExampleOnTheEmbeddedDatabase() {
    Cli cli = Cli.run("verify", "../examples/incidents/orders");
    assertThat(cli.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(cli.err()).startsWith("airlock: started embedded PostgreSQL 17.");
    assertThat(cli.out().lines().limit(4))
        .containsExactly(
            "airlock verify: ../examples/incidents/orders/V3__drop_legacy_order_id.sql on embedded PostgreSQL 17.6",
            "(ran in one transaction, then ROLLBACK: nothing was committed)",
            "",
            "CRITICAL  function checkout.find_order_by_legacy_id(p_legacy_id bigint) body uses public.orders.legacy_order_id: it fails when called — statement 1 drops column public.orders.legacy_order_id");
    assertThat(cli.out()).contains("HIGH      statement 1 drops column public.orders.legacy_order_id: 1,000 rows, 800 non-null values");
  }

  @Test
  void aSyntaxErrorIsReportedAndExitsTwo(@TempDir Path dir) throws Exception {
    Path m = Files.writeString(dir.resolve("V1__bad.sql"), "CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN;\nDROP TABLE t;\n");
    Cli cli = Cli.run("verify", "--db", base + "empty", "--format", "json", m.toString());
    assertThat(cli.exitCode()).isEqualTo(Main.ERROR);
    assertThat(cli.err().lines().toList())
        .containsExactly(
            "airlock: connected to postgres://postgres@localhost:" + pg.port() + "/empty (environment: unlabelled)",
            "airlock: statement 2 (" + m + ":2:1) fails: ERROR: syntax error at end of input [SQLSTATE 42601]");
    assertThat(cli.out()).contains("\"status\": \"error\"").contains("\"committed\": false");
    assertThat(cli.out()).contains("\"status\": \"ok\",\n      \"sql\": \"DROP TABLE t\"");
  }

  @Test
  void htmlIsOneSelfContainedPageWithTheTestedRollbackPlan() {
    Cli cli = Cli.run("verify", "--db", base + "empty", "--format", "html", "../examples/incidents/orders");
    assertThat(cli.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(cli.out())
        .startsWith("<!DOCTYPE html>")
        .endsWith("</html>\n")
        .contains("<tr class=\"col dropped\" id=\"col-public.orders.legacy_order_id\">")
        .contains("CREATE TABLE airlock_backup.orders_legacy_order_id AS SELECT id, legacy_order_id FROM public.orders;")
        .doesNotContain("<script")
        .doesNotContain(" src=")
        .doesNotContain("href=\"http");
    Cli bad = Cli.run("verify", "--format", "pdf", "../examples/incidents/orders");
    assertThat(bad.exitCode()).isEqualTo(Main.ERROR);
    assertThat(bad.err()).contains("--format: `pdf` is not one of text, json, markdown, html");
  }

  @Test
  void badUrlsAreOneLineAndExitTwo() {
    Cli bad = Cli.run("verify", "--db", "mysql://root:hunter2@x/y", "../examples/incidents/orders");
    assertThat(bad.exitCode()).isEqualTo(Main.ERROR);
    assertThat(bad.err()).isEqualTo("airlock: not a PostgreSQL URL: 'mysql://root:***@x/y' (expected postgres://user:password@host:5432/database)\n");
    Cli refused = Cli.run("verify", "--db", "postgres://u:pw@127.0.0.1:1/x", "../examples/incidents/orders");
    assertThat(refused.exitCode()).isEqualTo(Main.ERROR);
    assertThat(refused.err()).isEqualTo("airlock: cannot connect to postgres://u@127.0.0.1:1/x: connection refused (is the server running and the port right?)\n");
  }

  @Test
  void labelsGuardTheEnvironment(@TempDir Path dir) throws Exception {
    Path m = Files.writeString(dir.resolve("m.sql"), "CREATE TABLE t (id int);\n");
    assertThat(Cli.run("env", "label", "--db", base + "prod", "production").out()).contains("is now labelled production");
    Cli refused = Cli.run("verify", "--db", base + "prod", m.toString());
    assertThat(refused.exitCode()).isEqualTo(Main.ERROR);
    assertThat(refused.err()).contains("(environment: production)").contains("is labelled production: verify takes locks there");
    Cli mismatch = Cli.run("verify", "--db", base + "prod", "--expect-env", "staging", m.toString());
    assertThat(mismatch.exitCode()).isEqualTo(Main.ERROR);
    assertThat(mismatch.err()).contains("/prod is labelled production, not staging (--expect-env)");
    Cli allowed = Cli.run("verify", "--db", base + "prod", "--allow-production", "--format", "markdown", m.toString());
    assertThat(allowed.exitCode()).isEqualTo(Main.OK);
    assertThat(allowed.out()).startsWith("## airlock verify: `" + m + "`").contains("(environment **production**)");
    assertThat(Cli.run("env", "show", "--db", base + "prod").out()).isEqualTo("production\n");
  }

  @Test
  void driftExitsOneWhenDatabasesDiffer() throws Exception {
    try (Connection c = dev.airlock.db.Connections.open(dev.airlock.db.Connections.parse(base + "stage"))) {
      c.createStatement().execute("CREATE TABLE orders (id int)");
    }
    Cli drift = Cli.run("drift", "--from", base + "stage", "--to", base + "empty");
    assertThat(drift.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(drift.out()).contains("removed table public.orders");
    Cli same = Cli.run("drift", "--from", base + "empty", "--to", base + "empty", "--format", "json");
    assertThat(same.exitCode()).isEqualTo(Main.OK);
    assertThat(same.out()).contains("\"drift\": false");
  }
}
