package dev.airlock.core.rules;

import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "drop-object",
    severity = Severity.MEDIUM,
    category = Category.BREAKING_CHANGE,
    summary = "DROP of any other object: role, policy, server, tablespace, publication and the like",
    why = "A dropped role locks out whoever logged in with it, a dropped row-level security policy"
        + " can expose rows it hid, and a dropped publication or subscription stops replication.",
    saferWay = "Say in the review who or what used the object and drop it in its own migration.")
public final class DropObject implements Rule {
  private static final Set<ObjectKind> OTHER_RULES =
      EnumSet.of(
          ObjectKind.TABLE,
          ObjectKind.PARTITION,
          ObjectKind.SCHEMA,
          ObjectKind.OWNED_OBJECTS,
          ObjectKind.DATABASE,
          ObjectKind.VIEW,
          ObjectKind.MATERIALIZED_VIEW,
          ObjectKind.FUNCTION,
          ObjectKind.PROCEDURE,
          ObjectKind.AGGREGATE,
          ObjectKind.TRIGGER,
          ObjectKind.EVENT_TRIGGER,
          ObjectKind.RULE,
          ObjectKind.EVENT,
          ObjectKind.INDEX,
          ObjectKind.TYPE,
          ObjectKind.DOMAIN,
          ObjectKind.SEQUENCE,
          ObjectKind.EXTENSION);

  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof Drop d && !OTHER_RULES.contains(d.kind())) {
      String consequence =
          switch (d.kind()) {
            case ROLE -> "; whoever logs in as it is locked out";
            case POLICY -> "; rows the policy hid may become visible, or writable";
            case PUBLICATION, SUBSCRIPTION -> "; replication through it stops";
            case FOREIGN_TABLE -> "; queries through it break (the remote data stays)";
            default -> "; everything that uses it breaks";
          };
      return Optional.of("drops " + d.kindName() + " " + Quote.all(d.names()) + consequence);
    }
    return Optional.empty();
  }
}
