package dev.airlock.cli;

import dev.airlock.core.policy.Decision;
import dev.airlock.core.policy.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The hook protocols {@code airlock hook <agent>} speaks: how each agent hands over a tool call on
 * stdin and how it reads the answer on stdout. See docs/hooks.md for the documentation of each.
 */
enum Agent {
  /** Claude Code PreToolUse: {@code hookSpecificOutput.permissionDecision}, exit 0. */
  CLAUDE("claude"),
  /** Cursor beforeShellExecution: {@code permission}, exit 0. Must-stop cases answer deny. */
  CURSOR("cursor"),
  /** Gemini CLI BeforeTool: {@code decision}, exit 0. Must-stop cases answer deny. */
  GEMINI("gemini"),
  /** The command line on stdin; JSON on stdout; exit 0 allow, 1 ask, 2 deny. */
  GENERIC("generic");

  /** Input the gate cannot read: the answer fails closed with this one-line reason. */
  static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message);
    }
  }

  /** What to print and the exit code. */
  record Answer(String stdout, int exitCode, Verdict verdict) {}

  private static final String DONT_WORK_AROUND =
      " Do not work around this block with another form of the command; ask the user.";

  private final String id;

  Agent(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  static Optional<Agent> byId(String id) {
    for (Agent a : values()) {
      if (a.id.equals(id.toLowerCase(Locale.ROOT))) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads one request. {@code processCwd} is this process's directory (the generic protocol's
   * default); {@code env} supplies the agents' project-directory variables.
   */
  HookRequest read(String stdin, String processCwd, Map<String, String> env) throws BadInput {
    if (this == GENERIC) {
      String command = stdin.strip();
      if (command.isEmpty()) {
        throw new BadInput("no command on stdin");
      }
      return HookRequest.shell("shell", command, processCwd, Optional.empty(), Optional.empty());
    }
    Map<?, ?> in = object(parse(stdin), "the hook input");
    Optional<String> session = optionalString(in, this == CURSOR ? "conversation_id" : "session_id");
    return switch (this) {
      case CLAUDE -> {
        event(in, "PreToolUse");
        String cwd = requiredString(in, "cwd");
        Optional<String> project = Optional.ofNullable(env.get("CLAUDE_PROJECT_DIR")).filter(s -> !s.isBlank());
        String tool = requiredString(in, "tool_name");
        Map<?, ?> input = object(in.get("tool_input"), "tool_input");
        yield switch (tool) {
          case "Bash" -> HookRequest.shell(tool, requiredString(input, "command", "tool_input."), cwd, project, session);
          case "Write", "Edit", "MultiEdit" -> file(tool, requiredString(input, "file_path", "tool_input."), cwd, project, session);
          case "NotebookEdit" -> file(tool, requiredString(input, "notebook_path", "tool_input."), cwd, project, session);
          default -> other(tool, cwd, project, session);
        };
      }
      case CURSOR -> {
        event(in, "beforeShellExecution");
        String command = requiredString(in, "command");
        Optional<String> root = firstString(in.get("workspace_roots"));
        String cwd = optionalString(in, "cwd").filter(s -> !s.isBlank()).or(() -> root).orElse(null);
        if (cwd == null) {
          throw new BadInput("missing field `cwd` (and no `workspace_roots`)");
        }
        yield HookRequest.shell("shell", command, cwd, root, session);
      }
      case GEMINI -> {
        event(in, "BeforeTool");
        String cwd = requiredString(in, "cwd");
        // Gemini CLI's cwd is the project directory; the shell tool may run elsewhere (dir_path)
        Optional<String> project =
            Optional.ofNullable(env.get("GEMINI_PROJECT_DIR")).filter(s -> !s.isBlank()).or(() -> Optional.of(cwd));
        String tool = requiredString(in, "tool_name");
        Map<?, ?> input = object(in.get("tool_input"), "tool_input");
        yield switch (tool) {
          case "run_shell_command" -> {
            // the tool runs the command in dir_path (older releases: directory), relative to the project
            Optional<String> dir = optionalString(input, "dir_path").or(() -> optionalString(input, "directory")).filter(s -> !s.isBlank());
            String base = project.get();
            String runIn = dir.map(d -> java.nio.file.Path.of(base).resolve(d).normalize().toString()).orElse(cwd);
            yield HookRequest.shell(tool, requiredString(input, "command", "tool_input."), runIn, project, session);
          }
          case "write_file", "replace" -> file(tool, requiredString(input, "file_path", "tool_input."), cwd, project, session);
          default -> other(tool, cwd, project, session);
        };
      }
      case GENERIC -> throw new IllegalStateException();
    };
  }

  private static HookRequest file(String tool, String path, String cwd, Optional<String> project, Optional<String> session) {
    return new HookRequest(tool, Optional.empty(), Optional.of(path), cwd, project, session);
  }

  private static HookRequest other(String tool, String cwd, Optional<String> project, Optional<String> session) {
    return new HookRequest(tool, Optional.empty(), Optional.empty(), cwd, project, session);
  }

  private static Object parse(String stdin) throws BadInput {
    if (stdin.isBlank()) {
      throw new BadInput("no hook input on stdin");
    }
    try {
      return HookJson.parse(stdin);
    } catch (HookJson.Malformed e) {
      throw new BadInput(e.getMessage());
    }
  }

  private void event(Map<?, ?> in, String expected) throws BadInput {
    Object e = in.get("hook_event_name");
    if (e != null && !expected.equals(e)) {
      throw new BadInput("`airlock hook " + id + "` answers " + expected + " events, not `" + e + "`");
    }
  }

  private static Map<?, ?> object(Object v, String what) throws BadInput {
    if (v instanceof Map<?, ?> m) {
      return m;
    }
    throw new BadInput(v == null ? "missing field `" + what + "`" : "`" + what + "` is not a JSON object");
  }

  private static String requiredString(Map<?, ?> in, String key) throws BadInput {
    return requiredString(in, key, "");
  }

  private static String requiredString(Map<?, ?> in, String key, String prefix) throws BadInput {
    Object v = in.get(key);
    if (v == null) {
      throw new BadInput("missing field `" + prefix + key + "`");
    }
    if (!(v instanceof String s)) {
      throw new BadInput("field `" + prefix + key + "` is not a string");
    }
    if (s.isBlank()) {
      throw new BadInput("field `" + prefix + key + "` is empty");
    }
    return s;
  }

  private static Optional<String> optionalString(Map<?, ?> in, String key) {
    return in.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  private static Optional<String> firstString(Object v) {
    if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String s && !s.isBlank()) {
      return Optional.of(s);
    }
    return Optional.empty();
  }

  /**
   * The answer for a decision. {@code askAsDeny} turns every ask into deny (for agent modes that
   * run commands without asking); failing closed always answers deny to Cursor and Gemini, whose
   * "ask" some releases and modes ignore.
   */
  Answer answer(Decision d, boolean askAsDeny) {
    Verdict v = d.verdict();
    if (v == Verdict.ASK && (askAsDeny || (d.failedClosed() && (this == CURSOR || this == GEMINI)))) {
      v = Verdict.DENY;
    }
    String message = d.message();
    String toAgent = v == Verdict.DENY ? message + DONT_WORK_AROUND : message;
    return switch (this) {
      case CLAUDE -> new Answer(
          HookJson.write(
              HookJson.object(
                  "hookSpecificOutput",
                  HookJson.object(
                      "hookEventName", "PreToolUse",
                      "permissionDecision", v.id(),
                      "permissionDecisionReason", toAgent))),
          0,
          v);
      case CURSOR -> new Answer(
          // Cursor's documentation spelled the message fields userMessage/agentMessage at first and
          // user_message/agent_message later; both are sent so either release reads them.
          HookJson.write(
              HookJson.object(
                  "permission", v.id(),
                  "user_message", message,
                  "agent_message", toAgent,
                  "userMessage", message,
                  "agentMessage", toAgent)),
          0,
          v);
      case GEMINI -> new Answer(
          HookJson.write(HookJson.object("decision", v.id(), "reason", toAgent, "systemMessage", message)),
          0,
          v);
      case GENERIC -> new Answer(
          HookJson.write(
              HookJson.object(
                  "decision", v.id(),
                  "reason", d.reason(),
                  "rule", d.ruleId().orElse(null),
                  "targets", d.targets(),
                  "alternative", d.alternative().orElse(null),
                  "failed_closed", d.failedClosed())),
          switch (v) {
            case ALLOW -> 0;
            case ASK -> 1;
            case DENY -> 2;
          },
          v);
    };
  }
}
