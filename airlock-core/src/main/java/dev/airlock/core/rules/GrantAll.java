package dev.airlock.core.rules;

import dev.airlock.core.operation.Grant;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "grant-all",
    severity = Severity.HIGH,
    category = Category.PRIVILEGE,
    summary = "GRANT ALL PRIVILEGES, or WITH GRANT OPTION, hands out more than anyone needs",
    why = "ALL includes DELETE, TRUNCATE and (on MySQL) DROP: exactly the privileges that turned an"
        + " agent's mistaken cleanup into lost customer data; a grant option lets the grantee pass"
        + " them on.",
    saferWay = "Grant only the verbs the identity uses (for example SELECT, INSERT) on only the"
        + " tables it needs.")
public final class GrantAll implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (!(operation instanceof Grant g)) {
      return Optional.empty();
    }
    if (g.allPrivileges()) {
      return Optional.of(
          "grants every privilege on "
              + Quote.of(g.target())
              + " to "
              + Quote.all(g.grantees())
              + ", including DELETE and TRUNCATE"
              + (g.withGrantOption() ? ", with the right to grant them on" : ""));
    }
    if (g.withGrantOption()) {
      return Optional.of(
          "grants "
              + String.join(", ", g.privileges())
              + " on "
              + Quote.of(g.target())
              + " to "
              + Quote.all(g.grantees())
              + " WITH GRANT OPTION: they can hand it to anyone");
    }
    return Optional.empty();
  }
}
