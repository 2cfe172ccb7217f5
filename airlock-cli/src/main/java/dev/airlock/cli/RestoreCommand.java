package dev.airlock.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock restore [id]}: puts back what {@code airlock exec --trash} took. */
@Command(
    name = "restore",
    description = {
      "Bring back what 'airlock exec --trash' moved to $AIRLOCK_HOME/trash (the newest entry by default).",
      "Refuses, restoring nothing, when an original path exists again."
    })
final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--list", description = "List the trash entries instead.")
  boolean list;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "The trash entry (see --list).")
  String id;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Trash trash = new Trash(AuditLog.home(AuditLog.environment.get()));
    if (list) {
      var entries = trash.list();
      if (entries.isEmpty()) {
        out.println("the trash is empty");
      }
      for (Trash.Entry e : entries) {
        out.println(e.id() + "  " + e.time() + "  " + e.command());
        for (Trash.Item i : e.items()) {
          out.println("    " + i.original());
        }
      }
      return Main.OK;
    }
    Trash.Entry e = trash.restore(Optional.ofNullable(id));
    for (Trash.Item i : e.items()) {
      out.println("airlock: restored " + i.original());
    }
    return Main.OK;
  }
}
