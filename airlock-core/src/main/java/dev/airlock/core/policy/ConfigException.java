package dev.airlock.core.policy;

/** A configuration problem, with a message that names the file, the key and what is wrong. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
