package dev.airlock.cli;

import dev.airlock.gateway.console.Console;
import dev.airlock.gateway.console.ConsoleSettings;
import dev.airlock.gateway.demo.AgentSession;
import dev.airlock.gateway.demo.DemoScript;
import dev.airlock.gateway.demo.DemoWorld;
import io.modelcontextprotocol.client.transport.ServerParameters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code airlock demo}: incident 3 of the seed post-mortems replayed. An embedded PostgreSQL holds
 * the shop, {@code airlock mcp} guards it, and a scripted agent (the MCP SDK's own client) does
 * what the agent in the incident did; the demo prints what the gateway did with each move and
 * serves the console to approve or deny what is pending.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Replay incident 3 of the seed post-mortems against the gateway: an embedded",
      "PostgreSQL with a shop (test accounts and one real customer whose email",
      "contains \"test\"), 'airlock mcp' in front of it, and a scripted agent",
      "talking MCP to it: the pattern DELETE, a DROP TABLE IF EXISTS, two ways",
      "around read-only, an ordinary INSERT. Then the console, to approve or deny",
      "what is pending, until Ctrl-C.",
      "",
      "Exit codes: 0 done, 2 the embedded PostgreSQL or the gateway could not start."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--no-wait", description = "Exit after the agent's moves instead of serving the console until Ctrl-C.")
  boolean noWait;

  @Option(names = "--home", paramLabel = "DIR", description = "The demo's $AIRLOCK_HOME (store, policy); default: a new temporary directory.")
  Path home;

  @Option(names = "--port", paramLabel = "N", description = "The console's port (default 0: any free one).")
  int port;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = home != null ? home.toAbsolutePath() : Files.createTempDirectory("airlock-demo-");
    out.println("airlock demo: incident 3 of the seed post-mortems, replayed by an agent through MCP");
    out.println();
    out.flush();
    List<String> serverLog = new CopyOnWriteArrayList<>();
    Running running = new Running(DemoWorld.start(dir));
    DemoWorld world = running.world;
    try {
      out.printf(Locale.ROOT, "  database  embedded PostgreSQL, started in %.1f s; database `shop`: %d customers, %d orders, %d sessions%n",
          world.startTime().toMillis() / 1000.0,
          world.count("SELECT count(*) FROM customers"),
          world.count("SELECT count(*) FROM orders"),
          world.count("SELECT count(*) FROM user_sessions"));
      out.println("            one real customer matches '%test%': Jane Testaverde, jane.testaverde@gmail.com, 14 months of orders");
      out.println("  gateway   airlock mcp --identity " + DemoWorld.IDENTITY + " --policy " + world.policy() + "  (the agent's only way in; it never sees the URL)");
      out.println("  store     " + dir.resolve("airlock.db") + "  (approvals and the hash-chained audit log)");
      out.flush();
      Console console = running.console = Console.start(world.store(), new ConsoleSettings(StoreOption.approver(null), "127.0.0.1", port, false));
      AgentSession agent = running.agent = AgentSession.start(gateway(world), "scripted-demo-agent", serverLog::add);
      out.println();
      List<String> pending = new ArrayList<>();
      int[] n = {0};
      for (DemoScript.Played p : DemoScript.play(agent, p -> print(out, ++n[0], p))) {
        if (p.move().tool().equals("execute")) {
          DemoScript.pendingId(p.answer().summary()).ifPresent(pending::add);
        }
      }
      out.println();
      out.printf(Locale.ROOT, "Jane Testaverde is still there: %d customer row, %d orders.%n",
          world.count("SELECT count(*) FROM customers WHERE id = 4"), world.count("SELECT count(*) FROM orders WHERE customer_id = 4"));
      out.println(pending.size() + " request" + (pending.size() == 1 ? "" : "s") + " waiting for a person:");
      out.println("  console   " + console.loginUrl());
      for (String id : pending) {
        out.println("  terminal  AIRLOCK_HOME=" + dir + " bin/airlock approvals show " + id);
        out.println("            AIRLOCK_HOME=" + dir + " bin/airlock approvals deny " + id + " --reason 'Jane Testaverde is a real customer'");
      }
      if (noWait) {
        out.println("(--no-wait: stopping here)");
        return Main.OK;
      }
      out.println("(Ctrl-C stops the demo; the agent's session stays open, so an approval runs within a second)");
      out.flush();
      watch(out, running, pending);
      return Main.OK;
    } catch (RuntimeException e) {
      if (!serverLog.isEmpty()) {
        spec.commandLine().getErr().println("airlock demo: the gateway said: " + String.join(" / ", serverLog));
      }
      throw e;
    } finally {
      running.close();
    }
  }

  /** What the demo started; closed once, by the command or by Ctrl-C, whichever comes first. */
  private static final class Running {
    final DemoWorld world;
    volatile Console console;
    volatile AgentSession agent;
    private boolean closed;

    Running(DemoWorld world) {
      this.world = world;
    }

    synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (agent != null) {
        agent.close();
      }
      if (console != null) {
        console.close();
      }
      world.close();
    }
  }

  /** The gateway as the agent starts it: this same airlock, as a child process speaking MCP. */
  private static ServerParameters gateway(DemoWorld world) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return ServerParameters.builder(java)
        .args(
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "mcp",
            "--db",
            world.databaseUrl(),
            "--policy",
            world.policy().toString(),
            "--identity",
            DemoWorld.IDENTITY)
        .addEnvVar("AIRLOCK_HOME", world.home().toString())
        .build();
  }

  private static void print(PrintWriter out, int n, DemoScript.Played p) {
    Map<String, Object> args = p.move().arguments();
    out.printf(Locale.ROOT, "%2d. %s%n", n, p.move().intent());
    out.println("    agent    " + p.move().tool() + (args.containsKey("sql") ? "  " + args.get("sql") : args.containsKey("id") ? "  " + args.get("id") : "")
        + (args.containsKey("params") ? "   params " + args.get("params") : ""));
    out.println("    airlock  " + verdict(p));
    if (p.answer().data() instanceof Map<?, ?> data) {
      if (p.move().tool().equals("query")) {
        rows(data).forEach(line -> out.println("               " + line));
      } else if (p.move().tool().equals("preview") && data.get("samples") instanceof List<?> samples) {
        for (Object s : samples) {
          if (s instanceof Map<?, ?> sample) {
            out.println("             sample of " + sample.get("table") + " (" + sample.get("what") + "):");
            rows(sample).forEach(line -> out.println("               " + line));
          }
        }
      }
    }
    out.flush();
  }

  /** What the gateway did, led by one word for the eye: REFUSED, PENDING APPROVAL, DRY RUN, ... */
  static String verdict(DemoScript.Played p) {
    String s = p.answer().summary();
    if (p.answer().error()) {
      return "REFUSED: " + strip(s, "refused: ");
    }
    if (s.startsWith("pending approval ")) {
      return "PENDING APPROVAL " + strip(s, "pending approval ");
    }
    if (s.startsWith("preview, rolled back: ")) {
      return "DRY RUN, rolled back: " + strip(s, "preview, rolled back: ");
    }
    if (s.startsWith("executed: ")) {
      return "EXECUTED: " + strip(s, "executed: ");
    }
    return "ALLOWED: " + s;
  }

  private static String strip(String s, String prefix) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  /** The rows of a result or sample ({@code columns} and {@code rows}), one line each, at most 5. */
  static List<String> rows(Map<?, ?> result) {
    List<String> lines = new ArrayList<>();
    if (!(result.get("columns") instanceof List<?> columns) || !(result.get("rows") instanceof List<?> rows)) {
      return lines;
    }
    for (Object row : rows.subList(0, Math.min(5, rows.size()))) {
      if (row instanceof List<?> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < Math.min(columns.size(), values.size()); i++) {
          line.append(i == 0 ? "" : "  ").append(columns.get(i)).append('=').append(values.get(i));
        }
        lines.add(line.toString());
      }
    }
    if (rows.size() > 5) {
      lines.add("... " + (rows.size() - 5) + " more");
    }
    return lines;
  }

  /** Until Ctrl-C: asks, through the agent's session, how each pending request is doing. */
  private static void watch(PrintWriter out, Running running, List<String> pending) {
    Map<String, String> last = new LinkedHashMap<>();
    Thread hook = new Thread(running::close);
    Runtime.getRuntime().addShutdownHook(hook);
    while (!Thread.currentThread().isInterrupted()) {
      for (String id : pending) {
        AgentSession.ToolCall status = running.agent.call("approval_status", Map.of("id", id));
        String now = status.data() instanceof Map<?, ?> m ? String.valueOf(m.get("status")) : status.summary();
        if (!now.equals(last.put(id, now)) && !now.equals("pending")) {
          out.println(id + ": " + status.summary());
          out.flush();
        }
      }
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Runtime.getRuntime().removeShutdownHook(hook);
  }
}
