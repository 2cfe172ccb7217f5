package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Incident 1: an AI-written cleanup script, clean and well commented, with {@code DROP TABLE IF
 * EXISTS user_sessions;} buried between innocuous DELETE ... WHERE statements. It ran on
 * production; 40,000 users were logged out, and IF EXISTS made sure there was no error. The drop
 * must be the first line a reviewer reads, and the check must fail.
 */
class Incident1Test {
  private static final String SCRIPT = "../examples/incidents/cleanup_sessions.sql";

  @Test
  void theBuriedDropLeadsTheReport() {
    Cli cli = Cli.run("check", "--color", "never", SCRIPT);
    assertThat(cli.exitCode()).isEqualTo(Main.FINDINGS);
    String[] lines = cli.out().split("\n");
    assertThat(lines[0]).matches("\\d+ irreversible operations in 1 file \\(checked 1 file, 3\\d statements\\)");
    assertThat(lines[1])
        .contains("CRITICAL")
        .contains("cleanup_sessions.sql:")
        .contains("drop-table: drops table `user_sessions` and every row in it; IF EXISTS hides a wrong name");
  }

  @Test
  void theHarmlessStatementsAroundItDoNotFailTheCheck() {
    Cli cli = Cli.run("check", "--format", "json", SCRIPT);
    long high =
        cli.out().lines().filter(l -> l.contains("\"severity\": \"critical\"") || l.contains("\"severity\": \"high\"")).count();
    assertThat(high).as("only the drop is high or critical").isEqualTo(1);
  }
}
