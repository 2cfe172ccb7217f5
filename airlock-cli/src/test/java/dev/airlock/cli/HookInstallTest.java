package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookInstallTest {
  @TempDir Path project;

  private int install(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "hook";
    all[1] = "install";
    System.arraycopy(args, 0, all, 2, args.length);
    return HookMain.run(
        all,
        java.io.InputStream.nullInputStream(),
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()),
        Map.of("AIRLOCK_LAUNCHER", "/opt/airlock/bin/airlock", "HOME", project.resolve("home").toString()),
        project);
  }

  @Test
  void claudeEntryIsMergedIntoExistingSettingsOnce() throws Exception {
    Path settings = project.resolve(".claude/settings.json");
    Files.createDirectories(settings.getParent());
    Files.writeString(
        settings,
        """
        {"model": "opus", "permissions": {"allow": ["Bash(npm test)"]},
         "hooks": {"PreToolUse": [{"matcher": "Write", "hooks": [{"type": "command", "command": "prettier-check"}]}],
                   "Stop": [{"hooks": [{"type": "command", "command": "notify"}]}]}}
        """);
    assertThat(install("claude")).isZero();
    assertThat(install("claude")).isZero();
    Map<?, ?> s = (Map<?, ?>) HookJson.parse(Files.readString(settings, StandardCharsets.UTF_8));
    assertThat(s.get("model")).isEqualTo("opus");
    assertThat(s.get("permissions").toString()).contains("Bash(npm test)");
    Map<?, ?> hooks = (Map<?, ?>) s.get("hooks");
    assertThat(hooks.get("Stop").toString()).contains("notify");
    List<?> pre = (List<?>) hooks.get("PreToolUse");
    assertThat(pre).hasSize(2);
    assertThat(pre.get(0).toString()).contains("prettier-check");
    Map<?, ?> ours = (Map<?, ?>) pre.get(1);
    assertThat(ours.get("matcher")).isEqualTo("Bash|Write|Edit|MultiEdit|NotebookEdit");
    Map<?, ?> hook = (Map<?, ?>) ((List<?>) ours.get("hooks")).get(0);
    assertThat(hook.get("type")).isEqualTo("command");
    assertThat(hook.get("command")).isEqualTo("/opt/airlock/bin/airlock hook claude");
  }

  @Test
  void cursorAndGeminiEntries() throws Exception {
    assertThat(install("cursor")).isZero();
    Map<?, ?> c = (Map<?, ?>) HookJson.parse(Files.readString(project.resolve(".cursor/hooks.json")));
    assertThat(c.get("version")).isEqualTo(1L);
    assertThat(c.get("hooks").toString()).contains("beforeShellExecution").contains("/opt/airlock/bin/airlock hook cursor");
    assertThat(install("gemini", "--global")).isZero();
    Map<?, ?> g = (Map<?, ?>) HookJson.parse(Files.readString(project.resolve("home/.gemini/settings.json")));
    assertThat(g.get("hooks").toString()).contains("BeforeTool").contains("run_shell_command").contains("hook gemini");
  }

  @Test
  void aBrokenSettingsFileIsLeftAlone() throws Exception {
    Path settings = project.resolve(".claude/settings.json");
    Files.createDirectories(settings.getParent());
    Files.writeString(settings, "{\"model\": ");
    assertThat(install("claude")).isEqualTo(2);
    assertThat(Files.readString(settings)).isEqualTo("{\"model\": ");
    assertThat(install("vscode")).isEqualTo(2);
  }
}
