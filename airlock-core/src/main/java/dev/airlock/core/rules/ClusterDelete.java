package dev.airlock.core.rules;

import dev.airlock.core.operation.ClusterChange;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "cluster-delete",
    severity = Severity.HIGH,
    category = Category.DATA_LOSS,
    summary = "kubectl, helm or docker deletes or stops workloads or their volumes",
    why = "`kubectl delete`, `drain` and `scale --replicas=0` take services down, `helm uninstall`"
        + " removes a release with its objects, and `docker rm -v`, `volume rm` and `system prune"
        + " --volumes` delete the data volumes with them; the context decides which cluster.",
    saferWay = "Run the command with `--dry-run=server` (kubectl) or list what it matches first,"
        + " name the context and namespace explicitly, and back up volumes before removing them.")
public final class ClusterDelete implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (!(operation instanceof ClusterChange c)) {
      return Optional.empty();
    }
    String what = c.names().isEmpty()
        ? (c.all() ? "every " + c.resource() : c.resource())
        : c.resource() + " " + Quote.all(c.names());
    return Optional.of(
        "`" + c.tool() + " " + c.action() + "` "
            + (c.action().startsWith("scale") ? "stops " : c.action().equals("drain") ? "evicts every pod from " : "removes ")
            + what
            + c.namespace().map(ns -> " (" + ns + ")").orElse("")
            + (c.dataLoss() ? " and the data stored with it" : ""));
  }
}
