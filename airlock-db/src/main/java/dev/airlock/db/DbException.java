package dev.airlock.db;

/**
 * A database problem that stops a command: a bad URL, an unreachable server, a wrong password,
 * a server that cannot start. The message is one line, fit to print after {@code airlock: }.
 */
public final class DbException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DbException(String message) {
    super(message);
  }

  public DbException(String message, Throwable cause) {
    super(message, cause);
  }
}
