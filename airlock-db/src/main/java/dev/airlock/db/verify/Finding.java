package dev.airlock.db.verify;

/**
 * One line of the summary, most severe first.
 *
 * @param severity critical, high, medium or info
 * @param statement the statement it is about (0 for the whole run)
 * @param message what happens, naming the object
 */
public record Finding(Severity severity, int statement, String message) {
  public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    INFO;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
