package dev.airlock.gateway.mcp;

/** A tool call whose arguments are missing, of the wrong type or unknown; the message says which. */
final class ArgumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ArgumentException(String message) {
    super(message, null, false, false);
  }
}
