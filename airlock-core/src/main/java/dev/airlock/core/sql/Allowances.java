package dev.airlock.core.sql;

import dev.airlock.core.operation.Allowance;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code -- airlock:allow <rule-id>[,<rule-id>] <reason>} from a statement's comments. */
final class Allowances {
  static final Pattern ALLOW =
      Pattern.compile("airlock:allow(?:\\s+([A-Za-z0-9_,-]+))?[ \\t]*([^\\r\\n]*)");

  static List<Allowance> parse(List<Token> comments, Region region) {
    if (comments.isEmpty()) {
      return List.of();
    }
    List<Allowance> out = new ArrayList<>();
    for (Token comment : comments) {
      Matcher m = ALLOW.matcher(comment.text());
      while (m.find()) {
        String reason = m.group(2).replaceAll("\\*/\\s*$", "").strip();
        var span = region.span(comment.start() + m.start(), comment.start() + m.end());
        String ids = m.group(1) == null ? "" : m.group(1);
        for (String id : ids.split(",")) {
          out.add(new Allowance(id.strip(), reason, span, comment.text().strip()));
        }
      }
    }
    return out;
  }

  private Allowances() {}
}
