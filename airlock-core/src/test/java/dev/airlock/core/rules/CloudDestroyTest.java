package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class CloudDestroyTest {
  private final RuleTester tester = RuleTester.forRule("cloud-destroy").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: `terraform destroy` deletes every resource it manages
        terraform destroy
        # FINDING: apply -destroy -auto-approve
        terraform apply -destroy -auto-approve
        # FINDING: `aws s3 rm --recursive` deletes `s3://bucket`
        aws s3 rm s3://bucket --recursive
        # FINDING: safety net
        aws s3 rb s3://bucket --force
        # FINDING: `prod`; it also skips
        aws rds delete-db-instance --db-instance-identifier prod --skip-final-snapshot
        # FINDING: `i-123`
        aws ec2 terminate-instances --instance-ids i-123
        # FINDING: `gcloud sql instances delete` deletes `prod-db`
        gcloud sql instances delete prod-db
        # FINDING: `az group delete` deletes `rg-prod`
        az group delete --name rg-prod --yes
        # FINDING: pulumi destroy
        pulumi destroy --yes
        # FINDING: `kubectl delete namespace` deletes `prod`
        kubectl delete namespace prod
        # FINDING: gsutil rm -r
        gsutil rm -r gs://b/data
        # FINDING: s3 sync --delete
        aws s3 sync ./site s3://www --delete
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        terraform plan
        terraform plan -destroy
        aws s3 ls
        aws s3 cp x s3://b/
        gcloud compute instances list
        aws ec2 terminate-instances --dry-run --instance-ids i-1
        terraform apply -auto-approve
        """);
  }
}
