package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class AutoApproveTest {
  private final RuleTester tester = RuleTester.forRule("auto-approve").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: `terraform apply -auto-approve` applies changes without showing the plan
        terraform apply -auto-approve
        # FINDING: tofu
        tofu apply -auto-approve -var env=prod
        # FINDING: `pulumi up --yes`
        pulumi up --yes -s prod
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        terraform apply tfplan
        terraform apply
        terraform destroy
        pulumi preview
        """);
  }
}
