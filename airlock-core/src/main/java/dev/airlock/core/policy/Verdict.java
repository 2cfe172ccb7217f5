package dev.airlock.core.policy;

import java.util.Locale;
import java.util.Optional;

/** What the gate answers an agent: run it, ask a person, or refuse. Ordered from mild to strict. */
public enum Verdict {
  ALLOW,
  ASK,
  DENY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The stricter of two verdicts. */
  public Verdict max(Verdict other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public static Optional<Verdict> parse(String s) {
    for (Verdict v : values()) {
      if (v.id().equalsIgnoreCase(s.strip())) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
