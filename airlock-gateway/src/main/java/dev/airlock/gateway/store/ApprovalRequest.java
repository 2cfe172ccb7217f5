package dev.airlock.gateway.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A write an agent asked for and a human must approve: the exact statement text and parameters,
 * bound by their hash, with the preview the human decides on and the row bound the execution must
 * respect.
 *
 * @param previewJson the preview as the agent and the console see it (rows per table, sample
 *     rows, rules, locks), a JSON object
 * @param maxRows the most rows the approved execution may touch; more rolls it back
 * @param approvers who may approve; empty means anyone but the requester
 * @param approvalsRequired how many distinct approvers (never the requester) it needs
 */
public record ApprovalRequest(
    String id,
    Instant created,
    String identity,
    String environment,
    String statement,
    List<String> parameters,
    String statementHash,
    long maxRows,
    String previewJson,
    String reason,
    List<String> ruleIds,
    List<String> approvers,
    int approvalsRequired,
    Status status,
    List<Vote> votes,
    Optional<String> outcome) {

  public ApprovalRequest {
    parameters = List.copyOf(parameters);
    ruleIds = List.copyOf(ruleIds);
    approvers = List.copyOf(approvers);
    votes = List.copyOf(votes);
  }

  /** Where a request is in its life; only PENDING moves on, and only forward. */
  public enum Status {
    PENDING,
    APPROVED,
    DENIED,
    EXECUTING,
    EXECUTED,
    FAILED
  }

  /** One human's answer. */
  public record Vote(String approver, boolean approve, String reason, Instant at) {}
}
