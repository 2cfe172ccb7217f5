package dev.airlock.gateway.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash that binds an approval to one exact statement and its parameters: SHA-256 (lower-case
 * hex) over the compact JSON array {@code ["<statement>",["<p1>","<p2>",...]]}. The engine
 * recomputes it before executing an approved request, so a changed statement, a changed
 * parameter, or a parameter moved into the text never matches.
 */
public final class StatementHash {
  private StatementHash() {}

  public static String of(String statement, List<String> parameters) {
    return sha256(CanonicalJson.write(List.of(statement, List.copyOf(parameters))));
  }

  static String sha256(String text) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
