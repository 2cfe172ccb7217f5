package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "auto-approve",
    severity = Severity.HIGH,
    category = Category.DATA_LOSS,
    summary = "terraform apply -auto-approve or pulumi up --yes applies a plan nobody has read",
    why = "An unreviewed apply replaces or deletes whatever the plan says, including a database whose"
        + " attribute change forces a new resource; the confirmation prompt is the review.",
    saferWay = "Save a plan (`terraform plan -out=tfplan`), read it, and apply exactly that plan"
        + " (`terraform apply tfplan`).")
public final class AutoApprove implements Rule {
  static boolean isAutoApprove(dev.airlock.core.operation.CloudDestroy c) {
    return c.unreviewed() && (c.action().startsWith("apply -auto-approve") || c.action().startsWith("up --yes"));
  }

  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.CloudDestroy c && isAutoApprove(c)) {
      return Optional.of("`" + c.tool() + " " + c.action() + "` applies changes without showing the plan"
          + (c.names().isEmpty() ? "" : " for " + Quote.all(c.names())));
    }
    return Optional.empty();
  }
}
