package dev.airlock.core.rules;

import dev.airlock.core.operation.Grant;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.RoleGrant;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.List;
import java.util.Optional;

@RuleInfo(
    id = "grant-public",
    severity = Severity.HIGH,
    category = Category.PRIVILEGE,
    summary = "GRANT ... TO PUBLIC gives the privilege to every role, present and future",
    why = "PUBLIC includes every login on the server, including agents and roles created later, so"
        + " least privilege is gone for that object.",
    saferWay = "Grant to a named group role and make only the identities that need it members.")
public final class GrantPublic implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof Grant g && toPublic(g.grantees())) {
      String what = g.allPrivileges() ? "every privilege" : String.join(", ", g.privileges());
      return Optional.of("grants " + what + " on " + Quote.of(g.target()) + " to every role (PUBLIC)");
    }
    if (operation instanceof RoleGrant r && toPublic(r.grantees())) {
      return Optional.of("makes every role (PUBLIC) a member of " + Quote.all(r.roles()));
    }
    return Optional.empty();
  }

  private static boolean toPublic(List<String> grantees) {
    return grantees.stream().anyMatch(g -> g.equalsIgnoreCase("PUBLIC"));
  }
}
