package dev.airlock.gateway.store;

/**
 * The store cannot be opened, read or written (a locked or unreadable file, a lost PostgreSQL
 * connection). The message is one line that names the store, never a password.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
