package dev.airlock.gateway.engine;

import dev.airlock.core.policy.Config;
import dev.airlock.core.policy.GatewayPolicy;
import dev.airlock.gateway.DatabaseGateway;
import dev.airlock.gateway.GatewaySettings;
import dev.airlock.gateway.TestDatabase;
import dev.airlock.gateway.store.Store;
import dev.airlock.gateway.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seed's world on a real PostgreSQL: a fresh {@link TestDatabase} with the demo's shop per
 * test, and a fresh SQLite store.
 */
final class TestWorld implements AutoCloseable {
  /** The password in the gateway's URL: it must never reach an answer. */
  static final String PASSWORD = "s3cret-Pa55word";

  /** The world's database, for the test's own SQL as its owner. */
  final TestDatabase db;
  final String database;
  final String url;
  final Store store;
  private final List<DatabaseGateway> opened = new ArrayList<>();

  private TestWorld(TestDatabase db, Store store) {
    this.db = db;
    this.database = db.name;
    this.url = db.url(PASSWORD);
    this.store = store;
  }

  /** A new database with the demo's shop, and an empty store under {@code home}. */
  static TestWorld create(Path home) {
    return new TestWorld(TestDatabase.shop("world"), Stores.open(Optional.empty(), home));
  }

  DatabaseGateway gateway(String identity) {
    return gateway(settings(identity));
  }

  /** The settings of {@link #gateway(String)}: the default policy, this world's store. */
  GatewaySettings settings(String identity) {
    return GatewaySettings.of(url, identity, GatewayPolicy.defaults(), store);
  }

  DatabaseGateway gateway(String identity, String policyYaml, String environment) {
    GatewayPolicy policy = Config.parse(policyYaml, "airlock.yaml").gateway();
    return gateway(GatewaySettings.of(url, identity, policy, store).withEnvironment(environment));
  }

  DatabaseGateway gateway(GatewaySettings settings) {
    DatabaseGateway g = DatabaseGateway.open(settings);
    opened.add(g);
    return g;
  }

  static Path home(Path dir) throws IOException {
    return Files.createDirectories(dir.resolve("airlock-home"));
  }

  @Override
  public void close() {
    opened.forEach(DatabaseGateway::close);
    store.close();
  }
}
