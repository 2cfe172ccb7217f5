package dev.airlock.gateway.store;

import java.util.Optional;

/**
 * One gateway call or human action, as appended to the audit log. The store adds the sequence
 * number, the time and the hash chain.
 *
 * @param tool the MCP tool ("query", "execute", ...) or the human action ("approve", "deny")
 * @param decision allow, ask, deny, error, approved, denied, executed, ...
 */
public record AuditEvent(
    String identity,
    String tool,
    Optional<String> statement,
    String decision,
    Optional<String> ruleId,
    Optional<Long> rows,
    Optional<String> approver,
    Optional<String> requestId,
    long millis,
    String detail) {}
