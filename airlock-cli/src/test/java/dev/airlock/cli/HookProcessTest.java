package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/airlock hook ...} as an agent runs it: a separate process, JSON piped in, one line
 * of JSON out. The launcher runs on the test class path (AIRLOCK_CLASSPATH), so nothing is built.
 */
class HookProcessTest {
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private Run airlock(HookFixture f, String stdin, String... args) throws IOException, InterruptedException {
    return airlock(f, Map.of("AIRLOCK_NO_HOOK_SERVER", "1"), stdin, args);
  }

  private Run airlock(HookFixture f, Map<String, String> extraEnv, String stdin, String... args)
      throws IOException, InterruptedException {
    Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("bin/airlock");
    String[] command = new String[args.length + 1];
    command[0] = launcher.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder pb = new ProcessBuilder(command).directory(f.app.toFile());
    Map<String, String> env = pb.environment();
    env.putAll(f.env());
    env.put("PATH", System.getenv("PATH"));
    env.put("AIRLOCK_CLASSPATH", System.getProperty("java.class.path"));
    env.putAll(extraEnv);
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void claudeHookAsAProcess() throws Exception {
    HookFixture f = new HookFixture(tmp);
    Run deny = airlock(f, f.claude("rm -rf /var/app/releases/temp ../shared/uploads"), "hook", "claude");
    assertThat(deny.exit()).as(deny.err()).isZero();
    assertThat(deny.out().lines().count()).isEqualTo(1);
    Map<?, ?> answer = (Map<?, ?>) ((Map<?, ?>) HookJson.parse(deny.out())).get("hookSpecificOutput");
    assertThat(answer.get("permissionDecision")).isEqualTo("deny");
    assertThat(answer.get("permissionDecisionReason").toString()).contains("shared/uploads");

    Run allow = airlock(f, f.claude("git status"), "hook", "claude");
    assertThat(allow.out()).contains("\"permissionDecision\":\"allow\"");

    Run malformed = airlock(f, "{\"tool_name\": \"Bash\", ", "hook", "claude");
    assertThat(malformed.exit()).isZero();
    assertThat(malformed.out()).contains("\"permissionDecision\":\"ask\"").contains("malformed JSON");
    assertThat(malformed.err()).isEmpty();

    Run generic = airlock(f, "rm -rf ../shared/uploads", "hook", "generic");
    assertThat(generic.exit()).isEqualTo(2);
    assertThat(Files.readAllLines(f.airlockHome.resolve("audit.jsonl"))).hasSize(4);
  }

  private static final List<String> CALLS =
      List.of("rm -rf /var/app/releases/temp ../shared/uploads", "git status", "{\"tool_name\": \"Bash\", ");

  @Test
  void theWarmServerAnswersExactlyAsAJvmWould() throws Exception {
    HookFixture f = new HookFixture(tmp);
    List<Run> cold = new ArrayList<>();
    for (String c : CALLS) {
      cold.add(airlock(f, c.startsWith("{") ? c : f.claude(c), "hook", "claude"));
    }
    cold.add(airlock(f, "rm -rf ../shared/uploads", "hook", "generic"));
    cold.add(airlock(f, f.cursor("rm -rf /var/app/releases/temp ../shared/uploads"), "hook", "cursor"));
    cold.add(airlock(f, f.gemini("git push --force origin main"), "hook", "gemini"));

    Map<String, String> withServer = Map.of("AIRLOCK_HOOK_SERVER_IDLE", "60");
    Path serverFile = f.airlockHome.resolve("hookd/server");
    airlock(f, withServer, f.claude("ls"), "hook", "claude"); // answered by a JVM; starts the server
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(serverFile) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(serverFile).exists();
    assertThat(Files.getPosixFilePermissions(serverFile)).containsExactlyInAnyOrder(
        java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    long serverPid = Long.parseLong(Files.readAllLines(serverFile).get(2));
    try {
      List<Run> warm = new ArrayList<>();
      for (String c : CALLS) {
        warm.add(airlock(f, withServer, c.startsWith("{") ? c : f.claude(c), "hook", "claude"));
      }
      warm.add(airlock(f, withServer, "rm -rf ../shared/uploads", "hook", "generic"));
      warm.add(airlock(f, withServer, f.cursor("rm -rf /var/app/releases/temp ../shared/uploads"), "hook", "cursor"));
      warm.add(airlock(f, withServer, f.gemini("git push --force origin main"), "hook", "gemini"));
      assertThat(warm).isEqualTo(cold);
      assertThat(cold.get(4).out()).contains("\"permission\":\"deny\"");
      assertThat(cold.get(5).out()).contains("\"decision\":\"ask\"").contains("git-force-push");
      // the server wrote the audit entries of the warm calls, with the caller's AIRLOCK_HOME
      List<String> audit = Files.readAllLines(f.airlockHome.resolve("audit.jsonl"));
      assertThat(audit).hasSize(2 * cold.size() + 1);
      assertThat(audit.get(audit.size() - 1)).contains("\"agent\":\"gemini\"").contains("\"decision\":\"ask\"");
    } finally {
      ProcessHandle.of(serverPid).ifPresent(ProcessHandle::destroy);
    }
  }

  @Test
  void aServerThatIsGoneOrWrongIsNoAnswer() throws Exception {
    HookFixture f = new HookFixture(tmp);
    Run expected = airlock(f, f.claude("rm -rf ../shared/uploads"), "hook", "claude");
    Files.createDirectories(f.airlockHome.resolve("hookd"));
    // a server file left by a killed server: nothing listens on the port
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Files.writeString(f.airlockHome.resolve("hookd/server"), closedPort + "\ntoken\n1\nproof\n");
    Run gone = airlock(f, Map.of("AIRLOCK_HOOK_SERVER_IDLE", "1"), f.claude("rm -rf ../shared/uploads"), "hook", "claude");
    assertThat(gone).isEqualTo(expected);
    // another process took the port: it learns the token, but cannot answer with the proof
    try (ServerSocket liar = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t =
          new Thread(
              () -> {
                try (Socket c = liar.accept()) {
                  c.getOutputStream().write("guess 0 2 0\n{}".getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                  // the test below fails if the client trusted it
                }
              });
      t.start();
      Files.writeString(f.airlockHome.resolve("hookd/server"), liar.getLocalPort() + "\ntoken\n1\nproof\n");
      Run lied = airlock(f, Map.of("AIRLOCK_HOOK_SERVER_IDLE", "1"), f.claude("rm -rf ../shared/uploads"), "hook", "claude");
      t.join(10_000);
      assertThat(lied).isEqualTo(expected);
    }
  }

  @Test
  void anAgentThatNeverClosesStdinGetsAskAfterTenSeconds() throws Exception {
    HookFixture f = new HookFixture(tmp);
    Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("bin/airlock");
    ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "hook", "claude").directory(f.app.toFile());
    pb.environment().putAll(f.env());
    pb.environment().put("PATH", System.getenv("PATH"));
    pb.environment().put("AIRLOCK_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("AIRLOCK_NO_HOOK_SERVER", "1");
    Process p = pb.start();
    p.getOutputStream().write("{\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"rm -rf ../shared".getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().flush(); // and never closed
    try {
      assertThat(p.waitFor(40, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).isZero();
      assertThat(out).contains("\"permissionDecision\":\"ask\"").contains("no complete input on stdin within 10 s");
    } finally {
      p.destroyForcibly();
    }
  }
}
