package dev.airlock.core.sql;

import dev.airlock.core.operation.Allowance;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code -- airlock:allow <rule-id>[,<rule-id>] <reason>} from a statement's comments. */
final class Allowances {
  static List<Allowance> parse(List<Token> comments, Region region) {
    if (comments.isEmpty()) {
      return List.of();
    }
    List<Allowance> out = new ArrayList<>();
    for (Token comment : comments) {
      out.addAll(
          Allowance.parse(
              comment.text(),
              (start, end) -> region.span(comment.start() + start, comment.start() + end)));
    }
    return out;
  }

  private Allowances() {}
}
