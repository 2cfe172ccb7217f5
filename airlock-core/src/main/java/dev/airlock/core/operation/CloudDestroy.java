package dev.airlock.core.operation;

import java.util.List;

/**
 * Destroys cloud resources or infrastructure: {@code aws s3 rm --recursive}, {@code aws s3 rb
 * --force}, {@code aws rds delete-db-instance --skip-final-snapshot}, {@code aws ec2
 * terminate-instances}, {@code gcloud ... delete}, {@code az ... delete}, {@code terraform
 * destroy}, {@code terraform apply -destroy | -auto-approve}, {@code pulumi destroy}, {@code
 * kubectl delete namespace}.
 *
 * @param tool "aws", "gcloud", "az", "terraform", "pulumi", "kubectl"
 * @param action the sub-command, e.g. "s3 rm --recursive", "destroy", "apply -auto-approve"
 * @param names the resources named (bucket, instance ids, stack), possibly empty
 * @param unreviewed true when the change is applied without showing a plan first (-auto-approve,
 *     --yes) rather than a destroy as such
 * @param noRecovery true when the command also skips the provider's safety net (final snapshot,
 *     --force on a non-empty bucket)
 */
public record CloudDestroy(
    String tool, String action, List<String> names, boolean unreviewed, boolean noRecovery)
    implements Operation {
  public CloudDestroy {
    names = List.copyOf(names);
  }
}
