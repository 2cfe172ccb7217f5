package dev.airlock.core.shell;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Unparsed;
import dev.airlock.core.source.SourceText;
import java.util.List;
import java.util.Optional;

/** Walks the parsed script and turns commands into operations. */
final class Analyzer {
  static Parsed analyzeScript(SourceText source, ShellContext context) {
    if (source.text().isBlank()) {
      return new Parsed(List.of(), 0);
    }
    return new Parsed(
        List.of(new Occurrence(new Unparsed("shell analysis not yet implemented"), source.span(0, source.text().length()), source.text(), Optional.empty(), List.of())),
        1);
  }

  private Analyzer() {}
}
