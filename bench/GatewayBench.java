import dev.airlock.core.policy.Config;
import dev.airlock.core.policy.GatewayPolicy;
import dev.airlock.gateway.DatabaseGateway;
import dev.airlock.gateway.GatewaySettings;
import dev.airlock.gateway.ToolAnswer;
import dev.airlock.gateway.demo.AgentSession;
import dev.airlock.gateway.demo.DemoWorld;
import io.modelcontextprotocol.client.transport.ServerParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;

/**
 * What the gateway adds to a primary-key SELECT, and what it holds up under 8 agents. On an
 * embedded PostgreSQL with the demo's shop plus 100,000 customers:
 *
 * <ol>
 *   <li>plain JDBC: one connection, a prepared {@code SELECT ... WHERE id = ?}, autocommit;
 *   <li>the gateway in process: {@code DatabaseGateway.query} (parse and classify, BEGIN READ
 *       ONLY, statement_timeout, the query, rollback, an audit entry in the SQLite store);
 *   <li>over MCP stdio: the SDK's client calling {@code query} on a {@code bin/airlock mcp} child
 *       process, started as an agent starts it (JSON-RPC both ways, the guard, the SDK, the same
 *       gateway; the launcher's JVM flags: C1 only, serial GC);
 *   <li>8 agents at once, for a fixed time: 8 gateway sessions in this JVM on 8 threads (one
 *       database connection each, one shared store), then 8 {@code airlock mcp} processes with
 *       one SDK client each (each warmed with warmup/2 calls first); calls per second in total,
 *       and each gateway process's peak RSS (VmHWM).
 * </ol>
 *
 * Median and p99 of each single-agent variant over {@code -Dcalls} calls after {@code -Dwarmup}.
 * Not a test.
 *
 * Run from the repository's root (it starts {@code bin/airlock}); {@code -Dserver.java.options=}
 * passes JVM options to the gateway processes (as JAVA_TOOL_OPTIONS), e.g. {@code
 * -XX:MaxRAM=64g} to see the heap a 64 GB machine would give them.
 *
 * <pre>
 *   java -cp airlock-cli/target/airlock.jar bench/GatewayBench.java
 *   java -Dcalls=5000 -Dagents=8 -Dseconds=20 -cp airlock-cli/target/airlock.jar bench/GatewayBench.java
 * </pre>
 */
public final class GatewayBench {
  static final int CALLS = Integer.getInteger("calls", 2000);
  static final int WARMUP = Integer.getInteger("warmup", 1000);
  static final int AGENTS = Integer.getInteger("agents", 8);
  static final int SECONDS = Integer.getInteger("seconds", 15);
  static final int CUSTOMERS = 100_000;
  static final String SQL = "SELECT id, name, email FROM customers WHERE id = $1";

  public static void main(String[] args) throws Exception {
    Path home = Files.createTempDirectory("airlock-gateway-bench-");
    try (DemoWorld world = DemoWorld.start(home)) {
      try (Connection c = DriverManager.getConnection(jdbc(world));
          Statement st = c.createStatement()) {
        st.execute(
            "INSERT INTO customers (id, name, email, created_at) SELECT g, 'Customer ' || g, 'c' || g || '@example.com', now() "
                + "FROM generate_series(1000, " + (1000 + CUSTOMERS - 1) + ") g");
        st.execute("ANALYZE customers");
      }
      System.out.printf(Locale.ROOT, "gateway bench: PK SELECT on %,d customers, %,d calls after %,d warm-up; load average %s%n",
          CUSTOMERS + 8, CALLS, WARMUP, Files.readString(Path.of("/proc/loadavg")).trim());

      long[] jdbc = plainJdbc(world);
      report("plain JDBC (prepared, autocommit)", jdbc, null);

      GatewayPolicy policy = Config.parse(Files.readString(world.policy()), "demo-airlock.yaml").gateway();
      try (DatabaseGateway gateway = DatabaseGateway.open(GatewaySettings.of(world.databaseUrl(), DemoWorld.IDENTITY, policy, world.store()))) {
        long[] inProcess = timed(id -> check(gateway.query(SQL, List.of(id))));
        report("gateway in process (DatabaseGateway.query)", inProcess, jdbc);
      }

      try (AgentSession agent = AgentSession.start(server(world), "bench", line -> {})) {
        long[] mcp = timed(id -> check(agent.call("query", Map.of("sql", SQL, "params", List.of(id)))));
        report("gateway over MCP stdio (SDK client -> bin/airlock mcp)", mcp, jdbc);
      }

      concurrentInProcess(world, policy);
      concurrent(world);
    }
  }

  /** 8 gateway sessions in this JVM (one database connection each, one shared store), 8 threads. */
  static void concurrentInProcess(DemoWorld world, GatewayPolicy policy) throws Exception {
    List<DatabaseGateway> gateways = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      gateways.add(DatabaseGateway.open(GatewaySettings.of(world.databaseUrl(), DemoWorld.IDENTITY, policy, world.store())));
    }
    try {
      Load load = load(n -> id -> gateways.get(n).query(SQL, List.of(id)).error());
      System.out.printf(Locale.ROOT, "  %d gateway sessions in one JVM, %d threads        %,8.0f calls/s in total   median %6.2f ms   p99 %6.2f ms   errors %d%n",
          AGENTS, AGENTS, load.perSecond(), ms(percentile(load.sorted(), 50)), ms(percentile(load.sorted(), 99)), load.errors());
    } finally {
      gateways.forEach(DatabaseGateway::close);
    }
  }

  /** What a fixed-time run of AGENTS threads did. */
  record Load(double perSecond, long[] sorted, long errors) {}

  /** Runs, on AGENTS threads for SECONDS, the call {@code agent.apply(n)} (true when it was an error). */
  static Load load(java.util.function.IntFunction<java.util.function.LongPredicate> agent) throws InterruptedException {
    AtomicLong calls = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long[][] latencies = new long[AGENTS][];
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    long[] deadline = {0};
    for (int i = 0; i < AGENTS; i++) {
      int n = i;
      java.util.function.LongPredicate call = agent.apply(n);
      Thread t =
          new Thread(
              () -> {
                SplittableRandom random = new SplittableRandom(n);
                long[] mine = new long[1 << 20];
                int count = 0;
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                while (System.nanoTime() < deadline[0] && count < mine.length) {
                  long t0 = System.nanoTime();
                  boolean error = call.test(1000 + random.nextInt(CUSTOMERS));
                  mine[count++] = System.nanoTime() - t0;
                  (error ? errors : calls).incrementAndGet();
                }
                latencies[n] = Arrays.copyOf(mine, count);
              });
      threads.add(t);
      t.start();
    }
    long t0 = System.nanoTime();
    deadline[0] = t0 + SECONDS * 1_000_000_000L;
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    return new Load(calls.get() / seconds, all, errors.get());
  }

  static long[] plainJdbc(DemoWorld world) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc(world));
        PreparedStatement ps = c.prepareStatement(SQL.replace("$1", "?"))) {
      return timed(
          id -> {
            try {
              ps.setLong(1, id);
              try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                  throw new IllegalStateException("no customer " + id);
                }
              }
              return 0;
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
    }
  }

  /** 8 agents, each its own airlock mcp process and SDK client, calling query for SECONDS. */
  static void concurrent(DemoWorld world) throws Exception {
    Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
    List<AgentSession> agents = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      agents.add(AgentSession.start(server(world), "bench-" + i, line -> {}));
    }
    List<ProcessHandle> servers = ProcessHandle.current().children().filter(p -> !before.contains(p)).toList();
    for (AgentSession a : agents) {
      for (int i = 0; i < WARMUP / 2; i++) {
        a.call("query", Map.of("sql", SQL, "params", List.of(1000 + i)));
      }
    }
    Load load = load(n -> id -> agents.get(n).call("query", Map.of("sql", SQL, "params", List.of(id))).error());
    List<Long> rss = servers.stream().map(GatewayBench::peakRssKb).toList();
    for (AgentSession a : agents) {
      a.close();
    }
    System.out.printf(Locale.ROOT, "  %d agents over MCP (%d airlock mcp processes)  %,8.0f calls/s in total   median %6.2f ms   p99 %6.2f ms   errors %d%n",
        AGENTS, servers.size(), load.perSecond(), ms(percentile(load.sorted(), 50)), ms(percentile(load.sorted(), 99)), load.errors());
    System.out.printf(Locale.ROOT, "  peak RSS per airlock mcp process (VmHWM): max %.0f MB, min %.0f MB; bench JVM (8 SDK clients) %.0f MB%n",
        rss.stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0,
        rss.stream().mapToLong(Long::longValue).min().orElse(0) / 1024.0,
        peakRssKb(ProcessHandle.current()) / 1024.0);
  }

  /** {@code bin/airlock mcp ...}: the server exactly as docs/mcp.md tells an agent to start it. */
  static ServerParameters server(DemoWorld world) {
    return ServerParameters.builder(Path.of("bin", "airlock").toAbsolutePath().toString())
        .args("mcp", "--db", world.databaseUrl(), "--policy", world.policy().toString(), "--identity", DemoWorld.IDENTITY)
        .addEnvVar("AIRLOCK_HOME", world.home().toString())
        .addEnvVar("JAVA_TOOL_OPTIONS", System.getProperty("server.java.options", ""))
        .build();
  }

  /** Runs WARMUP then CALLS calls on random customers; nanoseconds per call. */
  static long[] timed(LongUnaryOperator call) {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < WARMUP; i++) {
      call.applyAsLong(1000 + random.nextInt(CUSTOMERS));
    }
    long[] ns = new long[CALLS];
    for (int i = 0; i < CALLS; i++) {
      long id = 1000 + random.nextInt(CUSTOMERS);
      long t0 = System.nanoTime();
      call.applyAsLong(id);
      ns[i] = System.nanoTime() - t0;
    }
    Arrays.sort(ns);
    return ns;
  }

  static long check(ToolAnswer a) {
    if (a.error()) {
      throw new IllegalStateException(a.summary());
    }
    return 0;
  }

  static long check(AgentSession.ToolCall a) {
    if (a.error()) {
      throw new IllegalStateException(a.summary());
    }
    return 0;
  }

  static void report(String name, long[] sorted, long[] baseline) {
    String added =
        baseline == null
            ? ""
            : String.format(Locale.ROOT, "   added: median %+6.2f ms   p99 %+6.2f ms",
                ms(percentile(sorted, 50) - percentile(baseline, 50)), ms(percentile(sorted, 99) - percentile(baseline, 99)));
    System.out.printf(Locale.ROOT, "  %-58s median %6.2f ms   p99 %6.2f ms%s%n", name, ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), added);
  }

  static long percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  static double ms(long ns) {
    return ns / 1e6;
  }

  static long peakRssKb(ProcessHandle p) {
    try {
      return Files.readAllLines(Path.of("/proc/" + p.pid() + "/status")).stream()
          .filter(l -> l.startsWith("VmHWM:"))
          .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
          .findFirst()
          .orElse(0);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  static String jdbc(DemoWorld world) {
    return world.databaseUrl().replace("postgres://postgres@", "jdbc:postgresql://") + "?user=postgres";
  }
}
