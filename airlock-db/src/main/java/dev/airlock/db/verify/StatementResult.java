package dev.airlock.db.verify;

import java.util.List;
import java.util.Optional;

/**
 * What one statement of the migration did when it ran.
 *
 * @param index 1-based position among the migration's statements
 * @param file the file it came from
 * @param line 1-based line of its first token
 * @param column 1-based column of its first token
 * @param sql the statement as written
 * @param status what happened
 * @param error the exact error (SQLSTATE, message, detail, hint) when it failed
 * @param micros how long it ran
 * @param rows rows it inserted, updated or deleted (-1 when not a row count)
 * @param locks relation locks its backend holds after it that it did not hold before
 * @param note why it was skipped or changed, and what to do
 */
public record StatementResult(
    int index,
    String file,
    int line,
    int column,
    String sql,
    Status status,
    Optional<String> error,
    long micros,
    long rows,
    List<Lock> locks,
    String note) {
  public StatementResult {
    locks = List.copyOf(locks);
  }

  public enum Status {
    OK,
    ERROR,
    /** Transaction control or a client command: verify runs everything in its own transaction. */
    SKIPPED,
    /** Cannot run inside a transaction (VACUUM, CREATE DATABASE, ...): reported, not run. */
    NOT_DRY_RUNNABLE
  }

  /** A relation lock: {@code ACCESS EXCLUSIVE on public.orders}. */
  public record Lock(String relation, String mode) {
    @Override
    public String toString() {
      return mode + " on " + relation;
    }
  }

  /** {@code file:line:column} */
  public String location() {
    return file + ":" + line + ":" + column;
  }

  /** The first line of the SQL, shortened for a summary. */
  public String head() {
    String one = sql.strip().replaceAll("\\s+", " ");
    return one.length() > 90 ? one.substring(0, 87) + "..." : one;
  }
}
