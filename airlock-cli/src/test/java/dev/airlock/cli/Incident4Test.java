package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Incident 4: a "restructure the orders table" migration whose SQL contained {@code ALTER TABLE
 * orders DROP COLUMN legacy_order_id} — a column a stored procedure still used; checkout broke
 * for four hours. The drop inside a multi-action ALTER TABLE must be found, with the type change
 * beside it.
 */
class Incident4Test {
  @Test
  void theDroppedColumnIsFound() {
    Cli cli = Cli.run("check", "--color", "never", "../examples/incidents/orders_restructure.sql");
    assertThat(cli.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(cli.out())
        .contains("drop-column: drops column `legacy_order_id` of `orders`")
        .contains("alter-column-type: changes the type of `orders.total_cents` to `integer`")
        .contains("rename-column: renames column `orders.placed_on` to `placed_at`");
  }
}
