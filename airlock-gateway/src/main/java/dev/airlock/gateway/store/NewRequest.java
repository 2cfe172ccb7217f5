package dev.airlock.gateway.store;

import java.util.List;

/**
 * What the gateway files when policy says "ask"; the store assigns id, time, hash and status.
 *
 * @param approvers who may approve (from the policy); empty means anyone but the requester
 */
public record NewRequest(
    String identity,
    String environment,
    String statement,
    List<String> parameters,
    long maxRows,
    String previewJson,
    String reason,
    List<String> ruleIds,
    List<String> approvers,
    int approvalsRequired) {

  public NewRequest {
    parameters = List.copyOf(parameters);
    ruleIds = List.copyOf(ruleIds);
    approvers = List.copyOf(approvers);
  }
}
