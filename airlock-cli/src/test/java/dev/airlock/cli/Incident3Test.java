package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Incident 3: an autonomous agent asked to "clean up test data before the demo" deleted
 * customers whose email matched {@code '%test%'} — including a real customer, with 14 months of
 * orders. Both the direct pattern DELETE and the one that reaches customers' orders through a
 * subquery must be high findings.
 */
class Incident3Test {
  @Test
  void patternDeletesAreHighFindings() {
    Cli cli = Cli.run("check", "--color", "never", "../examples/incidents/agent_test_data_cleanup.sql");
    assertThat(cli.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(cli.out())
        .contains("pattern-delete: deletes the rows of `customers` that match `email LIKE '%test%'`")
        .contains("pattern-delete: deletes the rows of `orders` that match `email LIKE '%test%'`");
  }

  @Test
  void theGrantsThatMadeItPossibleAreFound() {
    Cli cli = Cli.run("check", "--color", "never", "../examples/incidents/hackathon_grants.sql");
    assertThat(cli.out())
        .contains("grant-all: grants every privilege on `ALL TABLES IN SCHEMA public` to `demo_agent`")
        .contains("role-escalation: makes `demo_agent` a member of `pg_write_all_data`");
  }
}
