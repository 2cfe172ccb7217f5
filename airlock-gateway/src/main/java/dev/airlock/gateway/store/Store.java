package dev.airlock.gateway.store;

import java.util.List;
import java.util.Optional;

/**
 * The approval queue and the audit log, shared by every airlock process on the machine (SQLite
 * under $AIRLOCK_HOME) or by several gateways (PostgreSQL). Every method is atomic, so two
 * instances never execute one request twice or fork the audit chain.
 */
public interface Store extends AutoCloseable {

  ApprovalRequest create(NewRequest request);

  Optional<ApprovalRequest> find(String id);

  /** Newest first; {@code status} empty means all. */
  List<ApprovalRequest> list(Optional<ApprovalRequest.Status> status);

  /**
   * Records a human's vote. Refuses (IllegalStateException with a one-line reason) a vote by the
   * requester, by someone not among the request's approvers (when it names any), a second vote by
   * the same approver, or a vote on a request no longer pending. The
   * request becomes DENIED on any deny, APPROVED once it has {@code approvalsRequired} approvals.
   * The vote (tool "approve" or "deny", decision the request's new status) is appended to the
   * audit log in the same transaction; a refused vote is appended too, with decision "refused".
   */
  ApprovalRequest vote(String id, String approver, boolean approve, String reason);

  /** APPROVED -> EXECUTING, atomically; false when the request is not APPROVED (any more). */
  boolean claim(String id);

  /** EXECUTING -> EXECUTED or FAILED with what happened. */
  void finish(String id, boolean executed, String outcome);

  AuditEntry append(AuditEvent event);

  /** In sequence order. */
  List<AuditEntry> audit(AuditFilter filter);

  /** Walks the chain; the first entry that does not match says where it was broken. */
  AuditVerification verifyAudit();

  @Override
  void close();
}
