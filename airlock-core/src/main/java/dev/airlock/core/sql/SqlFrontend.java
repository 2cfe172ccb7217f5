package dev.airlock.core.sql;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL frontend: split exactly, classify each statement's head with a hand-written
 * classifier, parse WHERE conditions, and look inside function bodies, DO blocks and EXECUTE of
 * literals. Start here; {@link StatementClassifier} holds the per-statement logic.
 */
public final class SqlFrontend implements Frontend {
  private final Dialect dialect;

  public SqlFrontend(Dialect dialect) {
    this.dialect = dialect;
  }

  public Dialect dialect() {
    return dialect;
  }

  @Override
  public Parsed parse(SourceText source) {
    List<Occurrence> out = new ArrayList<>();
    Region file = new Region(source, dialect, out, source.text(), 0, true, null, Optional.empty(), 0, false);
    int statements = file.analyze();
    return new Parsed(out, statements);
  }
}
