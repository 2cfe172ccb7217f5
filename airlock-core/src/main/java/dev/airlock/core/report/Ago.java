package dev.airlock.core.report;

import java.time.Duration;
import java.time.Instant;

/** How long ago something happened, as the approval console and {@code airlock approvals} show it. */
public final class Ago {
  private Ago() {}

  /**
   * "just now", "4 min ago", "3 h ago", "1 day ago", "2 days ago"; a {@code then} after {@code
   * now} is "just now".
   */
  public static String since(Instant then, Instant now) {
    long s = Math.max(0, Duration.between(then, now).getSeconds());
    if (s < 60) {
      return "just now";
    }
    if (s < 3600) {
      return s / 60 + " min ago";
    }
    if (s < 86_400) {
      return s / 3600 + " h ago";
    }
    long days = s / 86_400;
    return days + (days == 1 ? " day ago" : " days ago");
  }
}
