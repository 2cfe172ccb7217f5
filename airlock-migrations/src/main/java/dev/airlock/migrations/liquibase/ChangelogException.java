package dev.airlock.migrations.liquibase;

/** A changelog that cannot be read; {@code offset} is where the reader gave up. */
final class ChangelogException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int offset;

  ChangelogException(String message, int offset) {
    super(message);
    this.offset = Math.max(0, offset);
  }

  int offset() {
    return offset;
  }
}
