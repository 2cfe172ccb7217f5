package dev.airlock.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Lists {@code hook} in {@code airlock --help}. The hook itself never comes through picocli:
 * {@link Main} hands {@code airlock hook ...} to {@link HookMain} before picocli is set up.
 */
@Command(
    name = "hook",
    description = {
      "Answer an agent's hook call before each shell command: claude, cursor, gemini or generic.",
      "airlock hook install <claude|cursor|gemini> writes the agent's settings entry. See docs/hooks.md."
    })
final class HookCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "ARGS", description = "The agent and its options; run 'airlock hook --help'.")
  List<String> rest = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>();
    args.add("hook");
    args.addAll(rest);
    return HookMain.run(
        args.toArray(String[]::new),
        System.in,
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        System.getenv(),
        Path.of("").toAbsolutePath());
  }
}
