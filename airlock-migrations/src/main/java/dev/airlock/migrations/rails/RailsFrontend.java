package dev.airlock.migrations.rails;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;

/** The Rails migration frontend for one target dialect; see {@link MigrationWalker}. */
final class RailsFrontend implements Frontend {
  private final Dialect dialect;

  RailsFrontend(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public Parsed parse(SourceText source) {
    return MigrationWalker.parse(source, dialect);
  }
}
