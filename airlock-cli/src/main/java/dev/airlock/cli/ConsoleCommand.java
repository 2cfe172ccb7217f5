package dev.airlock.cli;

import dev.airlock.gateway.console.Console;
import dev.airlock.gateway.console.ConsoleSettings;
import dev.airlock.gateway.store.Store;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock console}: the approval web page on this machine, until Ctrl-C. */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the approval console: pending requests with their preview (rows per table, sample",
      "rows, rules, locks, who asked and why), approve or deny with a reason, and the audit log.",
      "It listens on 127.0.0.1 only and prints a sign-in link with a one-time-per-start token;",
      "votes are recorded under --as (default $USER).",
      "",
      "Examples:",
      "  airlock console",
      "  airlock console --port 8484 --as alice",
      "  airlock console --store postgres://airlock@db.internal/airlock",
      "",
      "Exit codes: 0 stopped, 2 usage, a busy port or a store error."
    })
final class ConsoleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOption store;

  @Option(names = "--port", paramLabel = "N", description = "The port (default 0: any free one).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR", description = "The address to listen on (default 127.0.0.1).")
  String bind = "127.0.0.1";

  @Option(names = "--allow-remote", description = "Allow --bind to an address other machines reach (the sign-in link then travels unencrypted).")
  boolean allowRemote;

  @Option(names = "--as", paramLabel = "NAME", description = "Who votes in this console (default: $USER).")
  String as;

  @Override
  public Integer call() {
    ConsoleSettings settings = new ConsoleSettings(StoreOption.approver(as), bind, port, allowRemote);
    PrintWriter out = spec.commandLine().getOut();
    Store s = store.open();
    Console console;
    try {
      console = Console.start(s, settings);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
    // Ctrl-C ends the JVM without interrupting this thread: the hook closes the server and store
    Thread hook =
        new Thread(
            () -> {
              console.close();
              s.close();
            });
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("airlock console: reviewing as " + settings.approver() + ", store " + store.describe());
    out.println("open " + console.loginUrl());
    out.println("(the link signs a browser in; Ctrl-C stops the console)");
    out.flush();
    boolean interrupted = false;
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      // stopped by the thread that started us (tests, an embedding program)
      interrupted = true;
    }
    Runtime.getRuntime().removeShutdownHook(hook);
    // Jetty's stop waits for its threads, which an interrupted thread cannot: close first
    console.close();
    s.close();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return Main.OK;
  }
}
