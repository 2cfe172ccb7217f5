package dev.airlock.core.operation;

import java.util.List;
import java.util.Optional;

/**
 * Removes or stops workloads and their data in a container runtime or cluster: {@code kubectl
 * delete / drain / scale --replicas=0}, {@code helm uninstall}, {@code docker rm -v}, {@code
 * docker volume rm}, {@code docker system prune -a --volumes}.
 *
 * @param tool "kubectl", "helm", "docker", "podman"
 * @param action "delete", "drain", "scale to 0 replicas", "uninstall", "volume rm", "system prune"
 * @param resource the kind of resource, e.g. "deployment", "pvc", "volume", "all"
 * @param names the names given; empty with {@code all} true for --all / -A / selectors
 * @param namespace the namespace or context when given
 * @param all whether every resource of the kind (or matching a selector) is hit
 * @param dataLoss whether stored data (volumes, PVCs, namespaces) goes with it
 */
public record ClusterChange(
    String tool,
    String action,
    String resource,
    List<String> names,
    Optional<String> namespace,
    boolean all,
    boolean dataLoss)
    implements Operation {
  public ClusterChange {
    names = List.copyOf(names);
  }
}
