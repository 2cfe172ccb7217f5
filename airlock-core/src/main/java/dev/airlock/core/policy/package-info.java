/**
 * Policy: what the project decided. {@link dev.airlock.core.policy.Config} reads {@code
 * airlock.yaml} (severity overrides, skipped paths, dialects, the fail threshold).
 */
package dev.airlock.core.policy;
