package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "cloud-destroy",
    severity = Severity.CRITICAL,
    category = Category.DATA_LOSS,
    summary = "A cloud or infrastructure command deletes resources",
    why = "`terraform destroy`, `aws s3 rm --recursive`, `rds delete-db-instance"
        + " --skip-final-snapshot`, `gcloud ... delete`, `az ... delete` and `kubectl delete namespace`"
        + " delete databases, buckets and machines with the credentials at hand, often in production.",
    saferWay = "Plan first (`terraform plan -destroy`), keep a final snapshot or versioned bucket, and"
        + " run destroys by hand against a named account and region.")
public final class CloudDestroy implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (!(operation instanceof dev.airlock.core.operation.CloudDestroy c) || AutoApprove.isAutoApprove(c)) {
      return Optional.empty();
    }
    return Optional.of(
        "`" + c.tool() + " " + c.action() + "` deletes "
            + (c.names().isEmpty() ? "every resource it manages" : Quote.all(c.names()))
            + (c.noRecovery() ? "; it also skips the provider's safety net (final snapshot, non-empty check)" : "")
            + (c.unreviewed() ? "; without asking for confirmation" : ""));
  }
}
