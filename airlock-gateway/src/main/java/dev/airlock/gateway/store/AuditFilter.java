package dev.airlock.gateway.store;

import java.util.Optional;

/** Which audit entries to read; empty fields match everything. */
public record AuditFilter(Optional<String> identity, Optional<String> tool, Optional<String> decision, int limit) {
  public static AuditFilter all() {
    return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Integer.MAX_VALUE);
  }
}
