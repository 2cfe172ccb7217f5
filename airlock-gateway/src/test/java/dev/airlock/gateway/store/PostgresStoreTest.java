package dev.airlock.gateway.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The store contract on a real PostgreSQL (embedded), where several gateways share one queue
 * and one audit log in the schema {@code airlock}.
 */
class PostgresStoreTest extends StoreContract {
  private String url;

  @Override
  Store newStore() {
    url = TestPostgres.newDatabase();
    return Stores.open(Optional.of(url), Path.of("unused"));
  }

  @Override
  void rawSql(String sql) {
    TestPostgres.exec(url, sql);
  }

  @Override
  String table(String name) {
    return "airlock." + name;
  }
}
