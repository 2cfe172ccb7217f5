package dev.airlock.core.policy;

import java.util.List;
import java.util.Optional;

/**
 * The gate's answer for one command: the verdict, one line saying why, the rule that decided it,
 * the resolved targets it is about, and a safer way to do the same thing.
 *
 * @param verdict allow, ask or deny
 * @param reason one line, naming the targets and the consequence; never a stack trace
 * @param ruleId the rule that decided the verdict, or empty (no finding, a trusted command, an
 *     error)
 * @param targets resolved targets of the deciding findings: absolute paths, resources, refs
 * @param alternative the safer way, e.g. "run `airlock exec --dry-run -- rm -rf x` first"
 * @param failedClosed true when the verdict comes from an error, a timeout or input Airlock could
 *     not read, not from a rule
 */
public record Decision(
    Verdict verdict,
    String reason,
    Optional<String> ruleId,
    List<String> targets,
    Optional<String> alternative,
    boolean failedClosed) {

  public Decision {
    targets = List.copyOf(targets);
    reason = oneLine(reason);
  }

  public static Decision allow(String reason) {
    return new Decision(Verdict.ALLOW, reason, Optional.empty(), List.of(), Optional.empty(), false);
  }

  /**
   * Fail closed: an error, a timeout or unreadable input. Asks a person (the caller turns this into
   * deny for agents that ignore "ask").
   */
  public static Decision failClosed(String reason) {
    return new Decision(Verdict.ASK, reason, Optional.empty(), List.of(), Optional.empty(), true);
  }

  public Decision withVerdict(Verdict v) {
    return new Decision(v, reason, ruleId, targets, alternative, failedClosed);
  }

  /** The reason, the rule and the safer way in one line, for agents that show one message. */
  public String message() {
    StringBuilder s = new StringBuilder("airlock: ").append(reason);
    ruleId.ifPresent(r -> s.append(" [").append(r).append(']'));
    alternative.ifPresent(a -> s.append(". Safer: ").append(a));
    return s.append('.').toString();
  }

  private static String oneLine(String s) {
    String t = s == null ? "" : s.strip();
    int nl = t.indexOf('\n');
    if (nl >= 0) {
      t = t.substring(0, nl).strip() + " …";
    }
    return t.isEmpty() ? "no reason given" : t;
  }
}
