package dev.airlock.core.sql;

import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL held in another language's string: Django's RunSQL, Rails' execute, a Liquibase sql
 * change, a JDBC call in a Flyway Java migration. It is analysed with the full SQL frontend;
 * every occurrence points at the call in the host file, shows the host source there, and carries
 * the embedded statement as its generated SQL.
 */
public final class EmbeddedSql {
  private EmbeddedSql() {}

  /**
   * @param at the span of the call (or string) in the host file
   * @param hostSource the host file's text at that span, for the reviewer
   * @param within how the SQL is embedded, e.g. "RunSQL without reverse_sql"
   * @param allowances allow comments in front of the call in the host file
   */
  public static List<Occurrence> analyze(
      SourceText host,
      String sql,
      Dialect dialect,
      Span at,
      String hostSource,
      String within,
      List<Allowance> allowances) {
    List<Occurrence> raw = new ArrayList<>();
    new Region(host, dialect, raw, sql, 0, false, at, Optional.of(within), 1, false).analyze();
    List<Occurrence> out = new ArrayList<>(raw.size());
    for (Occurrence o : raw) {
      List<Allowance> all = new ArrayList<>(allowances);
      all.addAll(o.allowances());
      out.add(new Occurrence(o.operation(), at, hostSource, Optional.of(o.statement()), o.within(), all));
    }
    return out;
  }
}
