package dev.airlock.db.verify;

import java.util.Optional;

/** Statements that verify does not run as they are, and what to tell the user instead. */
final class Kind {
  private Kind() {}

  /** What to do with a statement that is not run as written. */
  record Special(StatementResult.Status status, String note, Optional<String> runInstead) {}

  static Optional<Special> of(Sql.Piece p) {
    String h1 = p.head(1);
    String h2 = p.head(2);
    String h3 = p.head(3);
    if (p.directive()) {
      return skip("psql meta-command: not SQL, skipped");
    }
    if (h1.equals("BEGIN") || h2.equals("START TRANSACTION") || h1.equals("COMMIT") || h1.equals("END")
        || h1.equals("ROLLBACK") || h1.equals("ABORT") || h1.equals("SAVEPOINT") || h1.equals("RELEASE")
        || h2.equals("PREPARE TRANSACTION")) {
      return skip("transaction control: verify runs the whole migration in one transaction of its own and rolls it back");
    }
    if (h1.equals("VACUUM")) {
      return notRunnable("VACUUM cannot run inside a transaction; run it on its own after the migration (it changes no schema and no data)");
    }
    if (h2.equals("ALTER SYSTEM")) {
      return notRunnable("ALTER SYSTEM cannot run inside a transaction and changes the server's configuration for every database; apply it by hand, then reload (SELECT pg_reload_conf())");
    }
    if (h2.equals("CREATE DATABASE") || h2.equals("DROP DATABASE")) {
      return notRunnable(h2 + " cannot run inside a transaction; run it by hand outside the migration"
          + (h1.equals("DROP") ? " (it cannot be undone: take a dump first)" : ""));
    }
    if (h2.equals("CREATE TABLESPACE") || h2.equals("DROP TABLESPACE")) {
      return notRunnable(h2 + " cannot run inside a transaction; run it by hand outside the migration");
    }
    if (h2.equals("CREATE SUBSCRIPTION") || h2.equals("DROP SUBSCRIPTION") || h2.equals("ALTER SUBSCRIPTION")) {
      return notRunnable(h2 + " may connect to another server and cannot be rolled back; run it by hand");
    }
    if (h2.equals("COMMIT PREPARED") || h2.equals("ROLLBACK PREPARED")) {
      return notRunnable(h2 + " ends a prepared transaction of another session; not part of a migration");
    }
    if ((h1.equals("CREATE") || h1.equals("DROP") || h1.equals("REINDEX")) && p.has("CONCURRENTLY")) {
      String plain = withoutConcurrently(p);
      return Optional.of(
          new Special(
              StatementResult.Status.OK,
              "ran without CONCURRENTLY (it cannot run inside a transaction); in production run it outside the"
                  + " migration's transaction, on its own, and check for an INVALID index if it fails",
              Optional.of(plain)));
    }
    if (h1.equals("CLUSTER") && p.code().size() == 1) {
      return notRunnable("CLUSTER without a table cannot run inside a transaction; run it on its own after the migration");
    }
    return Optional.empty();
  }

  private static String withoutConcurrently(Sql.Piece p) {
    StringBuilder sb = new StringBuilder();
    int base = p.code().get(0).start();
    int last = 0;
    for (var t : p.code()) {
      if (t.is("CONCURRENTLY")) {
        sb.append(p.text(), last, t.start() - base);
        last = t.end() - base;
      }
    }
    sb.append(p.text().substring(last));
    return sb.toString();
  }

  private static Optional<Special> skip(String note) {
    return Optional.of(new Special(StatementResult.Status.SKIPPED, note, Optional.empty()));
  }

  private static Optional<Special> notRunnable(String note) {
    return Optional.of(new Special(StatementResult.Status.NOT_DRY_RUNNABLE, note, Optional.empty()));
  }
}
