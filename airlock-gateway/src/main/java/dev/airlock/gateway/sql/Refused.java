package dev.airlock.gateway.sql;

/**
 * A statement the gateway will not run as asked, with the rule that says so and a one-line reason
 * that names the offending part (`pg_sleep`, `COMMIT`, the second statement).
 */
public final class Refused extends Exception {
  private static final long serialVersionUID = 1L;

  private final String rule;

  public Refused(String rule, String reason) {
    super(reason, null, false, false);
    this.rule = rule;
  }

  /** A short stable id such as {@code function-not-allowed} or {@code statement-stacking}. */
  public String rule() {
    return rule;
  }

  public String reason() {
    return getMessage();
  }
}
