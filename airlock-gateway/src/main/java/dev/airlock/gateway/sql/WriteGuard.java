package dev.airlock.gateway.sql;

import dev.airlock.core.sql.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The check a write must pass before the gateway runs it at all, even in a preview that is rolled
 * back: every function and operator on the allow-list. A preview really runs the statement, so
 * {@code DELETE FROM t WHERE pg_terminate_backend(42)} would do its damage before any rollback.
 */
public final class WriteGuard {
  private WriteGuard() {}

  public static void require(OneStatement statement, AllowedFunctions functions) throws Refused {
    List<Token> t = statement.code();
    Set<Integer> notCalls = new HashSet<>();
    if (t.get(0).is("WITH")) {
      for (WithClause.Cte cte : WithClause.read(t, 0, t.size()).ctes()) {
        if (cte.columns()) {
          notCalls.add(cte.nameAt());
        }
      }
    }
    Expressions.check(t, 0, t.size(), functions, notCalls);
  }
}
