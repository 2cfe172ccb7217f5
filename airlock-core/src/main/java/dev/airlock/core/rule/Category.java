package dev.airlock.core.rule;

import java.util.Locale;

/** What kind of harm a rule guards against; JSON and SARIF carry it. */
public enum Category {
  /** Rows, columns or objects are gone for good. */
  DATA_LOSS,
  /** Something that depends on the object (queries, code, other objects) breaks. */
  BREAKING_CHANGE,
  /** Someone gets more power than they should. */
  PRIVILEGE,
  /** The server itself is changed or commanded. */
  SERVER,
  /** Airlock cannot tell what happens; a person has to look. */
  UNVERIFIABLE;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
