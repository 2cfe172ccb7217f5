package dev.airlock.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stores on one SQLite file (two airlock processes on one machine), appending from several
 * threads each: every append gets its own sequence number and the chain still verifies.
 */
class SqliteConcurrencyTest {
  @TempDir Path home;

  @Test
  void verifyingWhileOthersAppendAlwaysSeesAnIntactChain() throws Exception {
    try (Store writer = Stores.open(Optional.empty(), home);
        Store reader = Stores.open(Optional.empty(), home)) {
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          writers.add(pool.submit(() -> {
            for (int i = 0; i < 100; i++) {
              writer.append(Fixtures.event("agent", "query", "allow"));
            }
            return null;
          }));
        }
        Future<List<AuditVerification>> checks = pool.submit(() -> {
          List<AuditVerification> seen = new ArrayList<>();
          while (writers.stream().anyMatch(f -> !f.isDone())) {
            seen.add(reader.verifyAudit());
          }
          return seen;
        });
        for (Future<?> f : writers) {
          f.get();
        }
        assertThat(checks.get()).isNotEmpty().allSatisfy(v -> assertThat(v.intact()).as(v.toString()).isTrue());
      } finally {
        pool.shutdown();
      }
      assertThat(reader.verifyAudit().entries()).isEqualTo(200);
    }
  }

  @Test
  void twoStoresAppendingFromManyThreadsNeverForkTheChain() throws Exception {
    int threads = 8;
    int perThread = 40;
    try (Store a = Stores.open(Optional.empty(), home);
        Store b = Stores.open(Optional.empty(), home)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          Store s = t % 2 == 0 ? a : b;
          String who = "agent-" + t;
          results.add(
              pool.submit(
                  () -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                      seqs.add(s.append(Fixtures.event(who, "query", "allow")).sequence());
                      if (i % 10 == 0) {
                        s.create(StoreContract.request(who, List.of(), 1));
                      }
                    }
                    return seqs;
                  }));
        }
        HashSet<Long> all = new HashSet<>();
        for (Future<List<Long>> f : results) {
          all.addAll(f.get());
        }
        assertThat(all).hasSize(threads * perThread);
      } finally {
        pool.shutdown();
      }
      assertThat(a.verifyAudit()).isEqualTo(new AuditVerification(threads * perThread, Optional.empty(), Optional.empty()));
      assertThat(b.list(Optional.empty())).hasSize(threads * 4);
    }
  }
}
