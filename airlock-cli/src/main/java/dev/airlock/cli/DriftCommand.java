package dev.airlock.cli;

import dev.airlock.db.Connections;
import dev.airlock.db.env.Drift;
import java.sql.Connection;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compare two databases that should match (staging and production): the catalog, each table's",
      "row-count order of magnitude, and the settings that differ (server version, extensions,",
      "search_path, time zone). Reads only.",
      "",
      "Example:",
      "  airlock drift --from postgres://ro@staging/shop --to postgres://ro@prod/shop",
      "",
      "Exit codes: 0 no drift, 1 drift, 2 usage or connection error."
    })
final class DriftCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "URL", description = "The reference database (e.g. staging).")
  String from;

  @Option(names = "--to", required = true, paramLabel = "URL", description = "The database compared with it (e.g. production).")
  String to;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or markdown.")
  String format = "text";

  @Override
  public Integer call() throws java.sql.SQLException {
    if (!format.matches("text|json|markdown")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format: `" + format + "` is not one of text, json, markdown");
    }
    Connections.Target a = Connections.parse(from);
    Connections.Target b = Connections.parse(to);
    var err = spec.commandLine().getErr();
    try (Connection ca = EnvCommand.open(a, Optional.empty(), err);
        Connection cb = EnvCommand.open(b, Optional.empty(), err)) {
      Drift.Report r = Drift.compare(ca, cb, a.display(), b.display());
      spec.commandLine().getOut().print(switch (format) {
        case "json" -> Drift.json(r);
        case "markdown" -> Drift.markdown(r);
        default -> Drift.text(r);
      });
      return r.drifted() ? Main.FINDINGS : Main.OK;
    }
  }
}
