package dev.airlock.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import dev.airlock.gateway.ToolAnswer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApprovedRequestRunnerTest {
  @Test
  void aFailingSweepIsReportedOnceAndTheNextTicksStillRun() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch fiveTicks = new CountDownLatch(5);
    List<String> notes = new CopyOnWriteArrayList<>();
    try (ApprovedRequestRunner runner =
        ApprovedRequestRunner.every(
            Duration.ofMillis(10),
            () -> {
              fiveTicks.countDown();
              int call = calls.incrementAndGet();
              if (call <= 3) {
                throw new IllegalStateException("store is locked\nsecond line");
              }
              return call == 4 ? List.of(ToolAnswer.ok("executed request r1: 4 rows", Map.of())) : List.of();
            },
            notes::add)) {
      assertThat(fiveTicks.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(notes).containsExactly("running approved requests failed: store is locked", "approved request: executed request r1: 4 rows");
    int after = calls.get();
    Thread.sleep(50);
    assertThat(calls.get()).as("closed: no more sweeps").isEqualTo(after);
  }
}
