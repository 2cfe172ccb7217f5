package dev.airlock.gateway;

import dev.airlock.core.policy.GatewayPolicy;
import dev.airlock.db.Connections;
import dev.airlock.gateway.store.Store;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link DatabaseGateway} needs. The gateway does not close the store: whoever opened
 * it does.
 *
 * @param dbUrl {@code postgres://user:password@host:5432/db} or {@code jdbc:postgresql://...};
 *     never shown to the agent, and shown to people without the password
 * @param identity the agent identity whose rules apply (airlock.yaml gateway.identities)
 * @param policy the gateway section of airlock.yaml, or {@link GatewayPolicy#defaults()}
 * @param store the approval queue and audit log
 * @param environment the environment whose rules apply; empty means the database's own label
 *     ({@code airlock env label}), else {@code default}
 * @param statementTimeout how long one statement may run
 * @param rowCap the most rows {@code query} returns
 */
public record GatewaySettings(
    String dbUrl,
    String identity,
    GatewayPolicy policy,
    Store store,
    Optional<String> environment,
    Duration statementTimeout,
    int rowCap) {
  public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_ROW_CAP = 500;

  public GatewaySettings {
    Objects.requireNonNull(dbUrl, "dbUrl");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    if (identity == null || identity.isBlank()) {
      throw new IllegalArgumentException("the gateway needs an identity (--identity)");
    }
    if (statementTimeout.isNegative() || statementTimeout.isZero()) {
      throw new IllegalArgumentException("the statement timeout must be positive");
    }
    if (rowCap < 1 || rowCap > 100_000) {
      throw new IllegalArgumentException("the row cap must be from 1 to 100000");
    }
  }

  /** The defaults: the database's environment label, a 5 s statement timeout, 500 rows. */
  public static GatewaySettings of(
      String dbUrl, String identity, GatewayPolicy policy, Store store) {
    return new GatewaySettings(
        dbUrl,
        identity,
        policy,
        store,
        Optional.empty(),
        DEFAULT_STATEMENT_TIMEOUT,
        DEFAULT_ROW_CAP);
  }

  public GatewaySettings withEnvironment(String name) {
    return new GatewaySettings(
        dbUrl, identity, policy, store, Optional.of(name), statementTimeout, rowCap);
  }

  public GatewaySettings withStatementTimeout(Duration timeout) {
    return new GatewaySettings(dbUrl, identity, policy, store, environment, timeout, rowCap);
  }

  public GatewaySettings withRowCap(int cap) {
    return new GatewaySettings(dbUrl, identity, policy, store, environment, statementTimeout, cap);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "GatewaySettings[db="
        + Connections.redact(dbUrl)
        + ", identity="
        + identity
        + ", environment="
        + environment.orElse("(the database's label)")
        + ", statementTimeout="
        + statementTimeout
        + ", rowCap="
        + rowCap
        + "]";
  }
}
