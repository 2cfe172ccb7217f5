package dev.airlock.core.operation;

import dev.airlock.core.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code airlock:allow <rule-id> <reason>} comment in front of a statement: a reviewer's
 * acknowledgement of one rule's finding there. An empty reason makes it invalid.
 */
public record Allowance(String ruleId, String reason, Span span, String text) {
  /**
   * The rule id of an acknowledgement that covers every rule, made by a frontend for a
   * reviewed block such as strong_migrations' {@code safety_assured}. The comment syntax cannot
   * produce it: a person names the rule they acknowledge.
   */
  public static final String EVERY_RULE = "*";

  /** {@code airlock:allow <rule-id>[,<rule-id>] <reason>}, in any comment syntax. */
  public static final Pattern SYNTAX =
      Pattern.compile("airlock:allow(?:\\s+([A-Za-z0-9_,-]+))?[ \\t]*([^\\r\\n]*)");

  /**
   * The allowances in one comment. Frontends whose comments carry no exact offsets (ORM files)
   * use this with the comment's span.
   */
  public static List<Allowance> parse(String comment, Span span) {
    return parse(comment, (start, end) -> span);
  }

  /**
   * The allowances in one comment, each with the span {@code spanOf} gives for the matched
   * text's offsets within the comment (frontends with exact offsets point at the directive).
   */
  public static List<Allowance> parse(String comment, BiFunction<Integer, Integer, Span> spanOf) {
    List<Allowance> out = new ArrayList<>();
    Matcher m = SYNTAX.matcher(comment);
    while (m.find()) {
      String reason = m.group(2).replaceAll("\\*/\\s*$", "").strip();
      Span span = spanOf.apply(m.start(), m.end());
      String ids = m.group(1) == null ? "" : m.group(1);
      for (String id : ids.split(",")) {
        out.add(new Allowance(id.strip(), reason, span, comment.strip()));
      }
    }
    return out;
  }
}
