package dev.airlock.cli;

import dev.airlock.core.check.Checker;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.policy.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Show, for each operation in a migration, the SQL it will run and what Airlock finds in it.",
      "",
      "Example:",
      "  airlock explain shop/migrations/0042_remove_legacy_order_id.py",
      "",
      "Exit codes: 0 shown, 2 usage or I/O error."
    })
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOptions project;

  @Parameters(paramLabel = "FILE", arity = "1", description = "A migration or SQL file.")
  Path file;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": no such file");
    }
    Config config = project.config(Optional.empty());
    Sources sources = project.sources(config);
    sources.explicitFiles(List.of(file));
    Checker checker = new Checker(config);
    Sources.Loaded loaded = sources.load(file, checker);
    var out = spec.commandLine().getOut();
    if (loaded.instead().isPresent()) {
      out.print(dev.airlock.core.report.Format.TEXT.reporter(false, Version.value()).render(new dev.airlock.core.check.CheckResult(List.of(loaded.instead().get()))));
      return Main.OK;
    }
    var source = loaded.source().orElseThrow();
    var frontend = loaded.frontend().orElseThrow();
    List<Occurrence> occurrences = frontend.parse(source).occurrences();
    for (Occurrence o : occurrences) {
      out.println(source.path() + ":" + o.span().startLine() + ":" + o.span().startColumn() + "  " + firstLine(o.statement()));
      o.within().ifPresent(w -> out.println("    (" + w + ")"));
      String sql = o.generatedSql().orElse(o.statement());
      sql.lines().forEach(l -> out.println("    " + l));
      boolean any = false;
      for (Finding f : checker.rulesOn(source, o)) {
        any = true;
        out.println(
            "    -> "
                + f.severity().id()
                + "["
                + f.rule().id()
                + "]: "
                + f.message()
                + f.suppression().map(s -> " (acknowledged: " + s.reason() + ")").orElse(""));
      }
      if (!any && o.operation() instanceof Benign) {
        out.println("    -> no finding");
      }
      out.println();
    }
    return Main.OK;
  }

  private static String firstLine(String s) {
    String line = s.lines().findFirst().orElse("");
    return line.length() > 100 ? line.substring(0, 97) + "..." : line;
  }
}
