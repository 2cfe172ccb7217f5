package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class ClusterDeleteTest {
  private final RuleTester tester = RuleTester.forRule("cluster-delete").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: `kubectl delete` removes deployment `api` (prod)
        kubectl delete deployment api -n prod
        # FINDING: every pvc
        kubectl delete pvc --all
        # FINDING: `kubectl drain` evicts every pod from node `node-1`
        kubectl drain node-1 --ignore-daemonsets
        # FINDING: `kubectl scale to 0 replicas` stops deploy `api`
        kubectl scale deploy/api --replicas=0
        # FINDING: `helm uninstall` removes release `api` (prod)
        helm uninstall api -n prod
        # FINDING: `docker rm -f -v` removes container `db` and the data stored with it
        docker rm -fv db
        # FINDING: volume `pgdata`
        docker volume rm pgdata
        # FINDING: system prune -a --volumes
        docker system prune -a --volumes -f
        # FINDING: down -v
        docker compose down -v
        # FINDING: context staging
        kubectl --context staging delete svc web
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        kubectl get pods
        kubectl delete pod x --dry-run=client
        kubectl scale deploy/api --replicas=3
        docker rm stale
        docker compose down
        helm list -A
        kubectl apply -f deploy.yaml
        docker ps -a
        """);
  }
}
