package dev.airlock.gateway.store;

import java.util.Optional;

/** The result of walking the audit chain: how many entries were good and where it broke. */
public record AuditVerification(long entries, Optional<Long> brokenAt, Optional<String> problem) {
  public boolean intact() {
    return brokenAt.isEmpty();
  }
}
