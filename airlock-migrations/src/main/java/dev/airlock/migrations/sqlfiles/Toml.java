package dev.airlock.migrations.sqlfiles;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few TOML keys read here ({@code provider} in Prisma's lock file, {@code url} in Flyway's
 * TOML config): top-level or table {@code key = "string"} lines, comments ignored.
 */
final class Toml {
  private static final Pattern ENTRY = Pattern.compile("^\\s*([A-Za-z0-9_.\\-\"]+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*')\\s*(#.*)?$");

  private Toml() {}

  static Optional<String> provider(String toml) {
    return value(toml, "provider");
  }

  /** The first string value whose key (after the last dot) is {@code key}. */
  static Optional<String> value(String toml, String key) {
    for (String line : toml.lines().toList()) {
      Matcher m = ENTRY.matcher(line);
      if (m.matches()) {
        String k = m.group(1).replace("\"", "");
        String last = k.substring(k.lastIndexOf('.') + 1);
        if (last.equals(key)) {
          String v = m.group(2);
          return Optional.of(v.substring(1, v.length() - 1));
        }
      }
    }
    return Optional.empty();
  }
}
