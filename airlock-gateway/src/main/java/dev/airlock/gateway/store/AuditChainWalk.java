package dev.airlock.gateway.store;

import java.util.Optional;

/**
 * Checks audit entries in sequence order, one at a time: each must have the next sequence
 * number, point back to the hash of the entry before it, and hash to what it says. The first
 * entry that fails is where the chain was broken; the head then catches the newest entries being
 * deleted, which no later entry would point back to.
 */
final class AuditChainWalk {
  private long expected = 1;
  private String previousHash = Schema.GENESIS;
  private Optional<Long> brokenAt = Optional.empty();
  private Optional<String> problem = Optional.empty();

  /** Checks the next entry; false once the chain is broken (the rest need not be read). */
  boolean accept(AuditEntry e) {
    long seq = e.sequence();
    if (seq != expected) {
      return broken(
          expected,
          (seq - expected == 1 ? "entry " + expected + " is missing" : "entries " + expected + " to " + (seq - 1) + " are missing")
              + " (deleted?): entry " + seq + " follows entry " + (expected - 1));
    }
    if (!e.previousHash().equals(previousHash)) {
      return broken(
          seq,
          "entry " + seq + " does not point back to entry " + (seq - 1) + "'s hash "
              + "(entries were reordered, replaced or rewritten)");
    }
    String actual = AuditJson.hash(e.previousHash(), seq, e.time().toEpochMilli(), e.event());
    if (!actual.equals(e.hash())) {
      return broken(seq, "entry " + seq + " was changed after it was written: its contents no longer match its hash");
    }
    previousHash = e.hash();
    expected++;
    return true;
  }

  /** The verdict, given the head's record of the last entry appended. */
  AuditVerification finish(long headSequence, String headHash) {
    long good = expected - 1;
    if (brokenAt.isEmpty() && good < headSequence) {
      broken(
          expected,
          (headSequence == expected ? "entry " + expected + " is missing" : "entries " + expected + " to " + headSequence + " are missing")
              + " (deleted?): the log ends at entry " + good + " but " + headSequence + " were appended");
    } else if (brokenAt.isEmpty() && !headHash.equals(previousHash)) {
      broken(
          Math.max(good, 1),
          good == 0
              ? "the head of the chain was changed: the log is empty but the head is not"
              : "entry " + good + " is not the entry that was appended last (replaced?): its hash differs from the head's");
    }
    return new AuditVerification(brokenAt.map(at -> at - 1).orElse(good), brokenAt, problem);
  }

  private boolean broken(long at, String what) {
    brokenAt = Optional.of(at);
    problem = Optional.of(what);
    return false;
  }
}
