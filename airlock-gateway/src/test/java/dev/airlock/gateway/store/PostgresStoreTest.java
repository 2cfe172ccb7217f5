package dev.airlock.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

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

  @Test
  void twoGatewaysShareOneChainAndOneQueue() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try (Store second = Stores.open(Optional.of(url), Path.of("unused"))) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        Store s = t % 2 == 0 ? store : second;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            s.append(Fixtures.event("agent", "query", "allow"));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      assertThat(second.verifyAudit()).isEqualTo(new AuditVerification(150, Optional.empty(), Optional.empty()));
      String id = store.create(request("agent", List.of(), 1)).id();
      assertThat(second.find(id)).isPresent();
    } finally {
      pool.shutdown();
    }
  }
}
