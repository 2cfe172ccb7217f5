package dev.airlock.core.rule;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is; the order of the constants is the order of badness, lowest first. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  public static Optional<Severity> parse(String s) {
    for (Severity v : values()) {
      if (v.id().equalsIgnoreCase(s.strip())) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
