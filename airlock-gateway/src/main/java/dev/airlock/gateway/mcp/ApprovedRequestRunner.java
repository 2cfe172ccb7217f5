package dev.airlock.gateway.mcp;

import dev.airlock.gateway.ToolAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the engine's sweep of approved requests on a background thread, once per period, so an
 * approval given in the console or with {@code airlock approvals approve} is executed even when
 * the agent never asks for its status. What each run did goes to the diagnostics (stderr); a
 * failing sweep is reported once per distinct message and
 * retried on the next tick; it never stops the server.
 */
public final class ApprovedRequestRunner implements AutoCloseable {
  private final ScheduledExecutorService timer;

  private ApprovedRequestRunner(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  public static ApprovedRequestRunner every(Duration period, Supplier<List<ToolAnswer>> sweep, Consumer<String> diagnostics) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "airlock-approved-requests");
              t.setDaemon(true);
              return t;
            });
    String[] last = {null};
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            for (ToolAnswer ran : sweep.get()) {
              diagnostics.accept("approved request: " + ran.summary());
            }
            last[0] = null;
          } catch (RuntimeException e) {
            String m = "running approved requests failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
            if (!Objects.equals(m, last[0])) {
              diagnostics.accept(m);
              last[0] = m;
            }
          }
        },
        period.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
    return new ApprovedRequestRunner(timer);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
