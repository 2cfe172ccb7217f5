package dev.airlock.core.report;

import java.util.Locale;
import java.util.Optional;

/** The report formats of {@code airlock check}. */
public enum Format {
  TEXT,
  JSON,
  SARIF,
  GITHUB;

  public static Optional<Format> parse(String s) {
    try {
      return Optional.of(valueOf(s.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public Reporter reporter(boolean colour, String toolVersion) {
    return switch (this) {
      case TEXT -> new TextReporter(colour);
      case JSON -> new JsonReporter(toolVersion);
      case SARIF -> new SarifReporter(toolVersion);
      case GITHUB -> new GithubReporter();
    };
  }
}
