package dev.airlock.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code airlock} command. The only place that prints or exits. Exit codes are stable: 0
 * nothing at or above the threshold, 1 findings, 2 usage or I/O error.
 */
@Command(
    name = "airlock",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "A safety net between AI-generated code, agents and production systems.",
    subcommands = {
      CheckCommand.class,
      ExplainCommand.class,
      RulesCommand.class,
      HookCommand.class,
      ExecCommand.class,
      RestoreCommand.class,
      VerifyCommand.class,
      EnvCommand.class,
      DriftCommand.class,
      ApprovalsCommand.class,
      AuditCommand.class,
      ConsoleCommand.class,
      McpCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int ERROR = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: airlock check <path>)");
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("hook")) {
      // an agent calls the hook before every shell command: answer without setting up picocli
      System.exit(
          HookMain.run(
              args,
              System.in,
              new PrintWriter(System.out, false, StandardCharsets.UTF_8),
              new PrintWriter(System.err, true, StandardCharsets.UTF_8),
              System.getenv(),
              java.nio.file.Path.of("").toAbsolutePath()));
    }
    if (args.length > 0 && args[0].equals("hook-server")) {
      // the warm process bin/airlock's hook client talks to (see HookServer)
      System.exit(HookServer.run(args, new PrintWriter(System.err, true, StandardCharsets.UTF_8), System.getenv()));
    }
    System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length > 0 && args[0].equals("hook")) {
      return HookMain.run(args, System.in, out, err, System.getenv(), java.nio.file.Path.of("").toAbsolutePath());
    }
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("airlock: " + ex.getMessage());
          // the whole path of a nested command: `airlock approvals approve --help`
          String name = ex.getCommandLine().getCommandSpec().qualifiedName();
          err.println("Run '" + name + " --help' for usage.");
          return ERROR;
        });
    cli.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          err.println("airlock: " + oneLine(ex));
          return ERROR;
        });
    int code;
    try {
      code = cli.execute(args);
    } catch (Error e) {
      // picocli's handler sees only exceptions; an internal error still gets one line and exit 2
      err.println("airlock: internal error: " + oneLine(e.getCause() != null ? e.getCause() : e));
      code = ERROR;
    }
    out.flush();
    err.flush();
    return code;
  }

  static String oneLine(Throwable e) {
    if (e instanceof java.io.UncheckedIOException && e.getCause() != null) {
      e = e.getCause();
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    return m.lines().findFirst().orElse(m);
  }
}
