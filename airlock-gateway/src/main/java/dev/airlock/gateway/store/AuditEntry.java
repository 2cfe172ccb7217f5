package dev.airlock.gateway.store;

import java.time.Instant;

/**
 * An appended audit event: {@code hash} is SHA-256 over {@code previousHash} and the entry's
 * canonical JSON, so an edited, deleted or reordered entry breaks the chain.
 */
public record AuditEntry(long sequence, Instant time, AuditEvent event, String previousHash, String hash) {}
