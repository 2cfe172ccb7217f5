package dev.airlock.cli;

import java.util.Optional;

/**
 * What an agent asks the gate, whatever its protocol: a shell command, a file it wants to write,
 * or another tool the gate lets through.
 *
 * @param tool the agent's tool name, e.g. "Bash", "run_shell_command", "Write"
 * @param command the shell command line, for shell tools
 * @param filePath the file a write or edit tool touches, for file tools
 * @param cwd the directory the command runs in
 * @param projectDir the project directory the agent reports, if any
 * @param session the agent's session or conversation id, for the audit log
 */
record HookRequest(
    String tool,
    Optional<String> command,
    Optional<String> filePath,
    String cwd,
    Optional<String> projectDir,
    Optional<String> session) {

  static HookRequest shell(String tool, String command, String cwd, Optional<String> projectDir, Optional<String> session) {
    return new HookRequest(tool, Optional.of(command), Optional.empty(), cwd, projectDir, session);
  }
}
