package dev.airlock.cli;

import dev.airlock.core.rules.Rules;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List every rule, or explain one: airlock rules drop-table")
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "RULE-ID", description = "Show one rule in full.")
  String id;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    if (id != null) {
      var rule = Rules.byId(id);
      if (rule.isEmpty()) {
        spec.commandLine().getErr().println("airlock: no rule `" + id + "` (run 'airlock rules' for the list)");
        return Main.ERROR;
      }
      var m = rule.get().meta();
      out.println(m.id() + " (" + m.severity().id() + ", " + m.category().id() + ")");
      out.println("  " + m.summary());
      out.println("  why:   " + m.why());
      out.println("  safer: " + m.saferWay());
      out.println("  docs:  " + m.docUri());
      return Main.OK;
    }
    for (Rules.Registered r : Rules.all()) {
      var m = r.meta();
      out.printf(Locale.ROOT, "%-22s %-9s %-16s %s%n", m.id(), m.severity().id(), m.category().id(), m.summary());
    }
    return Main.OK;
  }
}
