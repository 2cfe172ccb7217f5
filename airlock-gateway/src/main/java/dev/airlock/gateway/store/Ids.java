package dev.airlock.gateway.store;

import java.security.SecureRandom;

/**
 * Request ids: "req-" and 10 base32 characters from a secure random source (50 bits), short
 * enough to type in {@code airlock approvals approve} and not guessable from another id.
 */
final class Ids {
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static String newRequestId() {
    StringBuilder sb = new StringBuilder("req-");
    for (int i = 0; i < 10; i++) {
      sb.append(BASE32[RANDOM.nextInt(32)]);
    }
    return sb.toString();
  }
}
