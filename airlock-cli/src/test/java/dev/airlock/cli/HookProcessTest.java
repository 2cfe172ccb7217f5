package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("bin/airlock");
    String[] command = new String[args.length + 1];
    command[0] = launcher.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder pb = new ProcessBuilder(command).directory(f.app.toFile());
    Map<String, String> env = pb.environment();
    env.putAll(f.env());
    env.put("PATH", System.getenv("PATH"));
    env.put("AIRLOCK_CLASSPATH", System.getProperty("java.class.path"));
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
}
