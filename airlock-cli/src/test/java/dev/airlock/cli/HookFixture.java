package dev.airlock.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real tree for the hook and exec tests, shaped like incident 2: a project {@code app} (a git
 * work tree with a tracked file and an untracked build directory) next to {@code shared/uploads},
 * which holds user files outside the project.
 */
final class HookFixture {
  final Path base;
  final Path app;
  final Path uploads;
  final Path airlockHome;
  final Path home;

  HookFixture(Path tmp) throws IOException {
    base = tmp.toRealPath();
    app = Files.createDirectories(base.resolve("app"));
    uploads = Files.createDirectories(base.resolve("shared/uploads"));
    airlockHome = base.resolve("airlock-home");
    home = Files.createDirectories(base.resolve("home"));
    Files.writeString(app.resolve("README.md"), "app\n");
    Files.createDirectories(app.resolve("build"));
    Files.writeString(app.resolve("build/out.txt"), "built\n");
    Files.createDirectories(uploads.resolve("2024"));
    Files.writeString(uploads.resolve("avatar-1.png"), "x".repeat(1000));
    Files.writeString(uploads.resolve("avatar-2.png"), "y".repeat(2000));
    Files.writeString(uploads.resolve("2024/contract.pdf"), "z".repeat(3000));
    git("init", "-q");
    git("add", "README.md");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "init");
  }

  private void git(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).directory(app.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException("git " + String.join(" ", args) + ": " + out);
      }
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("AIRLOCK_HOME", airlockHome.toString());
    env.put("PATH", "/usr/bin:/bin");
    return env;
  }

  /** The result of one in-process hook call. */
  record Call(int exit, String out, String err, Map<?, ?> json) {
    String field(String... path) {
      Object v = json;
      for (String k : path) {
        v = ((Map<?, ?>) v).get(k);
      }
      return v == null ? null : String.valueOf(v);
    }
  }

  Call hook(String stdin, Map<String, String> env, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "hook";
    System.arraycopy(args, 0, all, 1, args.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        HookMain.run(
            all,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out),
            new PrintWriter(err),
            env,
            app);
    Map<?, ?> json = null;
    String text = out.toString().strip();
    if (text.startsWith("{")) {
      try {
        json = (Map<?, ?>) HookJson.parse(text);
      } catch (HookJson.Malformed e) {
        throw new AssertionError("not JSON: " + text, e);
      }
    }
    return new Call(code, out.toString(), err.toString(), json);
  }

  Call hook(String stdin, String... args) {
    return hook(stdin, env(), args);
  }

  /** A Claude Code PreToolUse input for a Bash command, as Claude Code sends it. */
  String claude(String command) {
    return claude(command, app);
  }

  String claude(String command, Path cwd) {
    StringBuilder b = new StringBuilder();
    b.append("{\"session_id\":\"abc123\",\"transcript_path\":\"/tmp/t.jsonl\",\"cwd\":");
    HookJson.string(b, cwd.toString());
    b.append(",\"permission_mode\":\"default\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":");
    HookJson.string(b, command);
    b.append(",\"description\":\"run it\"}}");
    return b.toString();
  }

  /** A Cursor beforeShellExecution input. */
  String cursor(String command) {
    StringBuilder b = new StringBuilder();
    b.append("{\"conversation_id\":\"c-1\",\"generation_id\":\"g-1\",\"hook_event_name\":\"beforeShellExecution\",\"workspace_roots\":[");
    HookJson.string(b, app.toString());
    b.append("],\"command\":");
    HookJson.string(b, command);
    b.append(",\"cwd\":");
    HookJson.string(b, app.toString());
    b.append('}');
    return b.toString();
  }

  /** A Gemini CLI BeforeTool input for run_shell_command. */
  String gemini(String command) {
    StringBuilder b = new StringBuilder();
    b.append("{\"session_id\":\"s-1\",\"transcript_path\":\"/tmp/g.json\",\"cwd\":");
    HookJson.string(b, app.toString());
    b.append(",\"hook_event_name\":\"BeforeTool\",\"timestamp\":\"2026-11-25T19:00:00Z\",\"tool_name\":\"run_shell_command\",\"tool_input\":{\"command\":");
    HookJson.string(b, command);
    b.append(",\"description\":\"x\"}}");
    return b.toString();
  }
}
