package dev.airlock.cli;

import dev.airlock.core.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code airlock hook install <agent>}: merges the hook entry into the agent's settings file,
 * keeping every other setting; running it twice changes nothing. Project settings by default,
 * the user's with {@code --global}.
 */
final class HookInstall {
  private HookInstall() {}

  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd) {
    if (args.length < 3) {
      err.println("airlock: hook install: name the agent: claude, cursor or gemini");
      return Main.ERROR;
    }
    String agent = args[2];
    boolean global = false;
    String command = null;
    for (int i = 3; i < args.length; i++) {
      switch (args[i]) {
        case "--global" -> global = true;
        case "--command" -> {
          if (i + 1 >= args.length) {
            err.println("airlock: hook install: --command needs a value");
            return Main.ERROR;
          }
          command = args[++i];
        }
        default -> {
          err.println("airlock: hook install: unknown option `" + args[i] + "`");
          return Main.ERROR;
        }
      }
    }
    String launcher = Optional.ofNullable(env.get("AIRLOCK_LAUNCHER")).filter(s -> !s.isBlank()).orElse("airlock");
    Path base = global ? Path.of(env.getOrDefault("HOME", System.getProperty("user.home"))) : ProjectConfig.root(Optional.empty(), cwd);
    try {
      Path file;
      boolean changed;
      switch (agent) {
        case "claude" -> {
          file = base.resolve(".claude/settings.json");
          String cmd = command != null ? command : quote(launcher) + " hook claude";
          changed = claude(file, cmd);
        }
        case "cursor" -> {
          file = base.resolve(".cursor/hooks.json");
          String cmd = command != null ? command : quote(launcher) + " hook cursor";
          changed = cursor(file, cmd);
        }
        case "gemini" -> {
          file = base.resolve(".gemini/settings.json");
          String cmd = command != null ? command : quote(launcher) + " hook gemini";
          changed = gemini(file, cmd);
        }
        default -> {
          err.println("airlock: hook install: unknown agent `" + agent + "` (known: claude, cursor, gemini)");
          return Main.ERROR;
        }
      }
      out.println(changed ? "airlock: installed the " + agent + " hook in " + file : "airlock: the " + agent + " hook is already in " + file);
      return Main.OK;
    } catch (IOException | IllegalArgumentException e) {
      err.println("airlock: hook install: " + Main.oneLine(e));
      return Main.ERROR;
    }
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9_./@%+=:,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  /** Claude Code: hooks.PreToolUse[] = {matcher, hooks: [{type: command, command, timeout}]}. */
  static boolean claude(Path file, String command) throws IOException {
    Map<String, Object> settings = read(file);
    List<Object> pre = list(map(settings, "hooks", file), "PreToolUse", file);
    if (mentions(pre, command)) {
      return false;
    }
    Map<String, Object> hook = new LinkedHashMap<>();
    hook.put("type", "command");
    hook.put("command", command);
    hook.put("timeout", 30L);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("matcher", "Bash|Write|Edit|MultiEdit|NotebookEdit");
    entry.put("hooks", new ArrayList<>(List.of(hook)));
    pre.add(entry);
    write(file, settings);
    return true;
  }

  /** Cursor: {version: 1, hooks: {beforeShellExecution: [{command}]}}. */
  static boolean cursor(Path file, String command) throws IOException {
    Map<String, Object> settings = read(file);
    settings.putIfAbsent("version", 1L);
    List<Object> before = list(map(settings, "hooks", file), "beforeShellExecution", file);
    if (mentions(before, command)) {
      return false;
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("command", command);
    before.add(entry);
    write(file, settings);
    return true;
  }

  /** Gemini CLI: hooks.BeforeTool[] = {matcher, hooks: [{type: command, command, name, timeout}]}. */
  static boolean gemini(Path file, String command) throws IOException {
    Map<String, Object> settings = read(file);
    List<Object> before = list(map(settings, "hooks", file), "BeforeTool", file);
    if (mentions(before, command)) {
      return false;
    }
    Map<String, Object> hook = new LinkedHashMap<>();
    hook.put("type", "command");
    hook.put("command", command);
    hook.put("name", "airlock");
    hook.put("timeout", 30000L);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("matcher", "run_shell_command|write_file|replace");
    entry.put("hooks", new ArrayList<>(List.of(hook)));
    before.add(entry);
    write(file, settings);
    return true;
  }

  private static boolean mentions(Object tree, String command) {
    if (tree instanceof Map<?, ?> m) {
      return m.values().stream().anyMatch(v -> mentions(v, command));
    }
    if (tree instanceof List<?> l) {
      return l.stream().anyMatch(v -> mentions(v, command));
    }
    return command.equals(tree);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new LinkedHashMap<>();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      Object v = HookJson.parse(text);
      if (v instanceof Map<?, ?> m) {
        return (Map<String, Object>) m;
      }
      throw new IllegalArgumentException(file + ": expected a JSON object; left unchanged");
    } catch (HookJson.Malformed e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage() + "; left unchanged");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key, Path file) {
    Object v = parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException(file + ": `" + key + "` is not an object; left unchanged");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> parent, String key, Path file) {
    Object v = parent.computeIfAbsent(key, k -> new ArrayList<Object>());
    if (v instanceof List<?> l) {
      return (List<Object>) l;
    }
    throw new IllegalArgumentException(file + ": `" + key + "` is not an array; left unchanged");
  }

  private static void write(Path file, Map<String, Object> settings) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".airlock-tmp");
    Files.writeString(tmp, Json.write(settings), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
