package dev.airlock.gateway.engine;

import dev.airlock.gateway.GatewaySettings;
import dev.airlock.gateway.db.DatabaseSession;
import dev.airlock.gateway.policy.Judge;
import dev.airlock.gateway.sql.AllowedFunctions;

/**
 * What every tool of one gateway shares: its settings, its database session, the identity's rules
 * in the resolved environment, and the functions those rules trust.
 */
public record Context(
    GatewaySettings settings,
    DatabaseSession db,
    Judge judge,
    AllowedFunctions functions,
    String environment) {
  /** Rows shown in a preview's sample and in a RETURNING clause. */
  public static final int SAMPLE_ROWS = 20;

  public String identity() {
    return settings.identity();
  }
}
