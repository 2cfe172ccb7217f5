package dev.airlock.core.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Formats object names for messages: {@code `a`, `b`}. */
final class Quote {
  static String of(String name) {
    return "`" + name + "`";
  }

  static String all(List<String> names) {
    return names.stream().map(Quote::of).collect(Collectors.joining(", "));
  }

  static String plural(List<String> names, String singular, String plural) {
    return names.size() == 1 ? singular : plural;
  }

  private Quote() {}
}
