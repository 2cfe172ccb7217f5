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
    id = "drop-type",
    severity = Severity.MEDIUM,
    category = Category.BREAKING_CHANGE,
    summary = "DROP TYPE, DOMAIN, SEQUENCE or EXTENSION removes something columns are built on",
    why = "With CASCADE the columns that use the type or extension are dropped with their data; a"
        + " dropped sequence loses its position, so recreated ids collide with existing rows.",
    saferWay = "Drop the columns or defaults that use it first, in reviewed steps, and never drop"
        + " a type or extension with CASCADE.")
public final class DropType implements Rule {
  private static final Set<ObjectKind> KINDS =
      EnumSet.of(ObjectKind.TYPE, ObjectKind.DOMAIN, ObjectKind.SEQUENCE, ObjectKind.EXTENSION);

  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof Drop d && KINDS.contains(d.kind())) {
      String consequence =
          d.kind() == ObjectKind.SEQUENCE
              ? "; its current value is lost and a recreated one restarts, colliding with existing ids"
              : d.cascade()
                  ? "; CASCADE drops every column and function that uses it, with their data"
                  : "; everything that uses it must go first";
      return Optional.of("drops " + d.kindName() + " " + Quote.all(d.names()) + consequence);
    }
    return Optional.empty();
  }
}
