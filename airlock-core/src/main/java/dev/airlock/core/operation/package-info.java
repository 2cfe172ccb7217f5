/**
 * Operations: the dialect-free vocabulary between frontends and rules. Start at {@link
 * dev.airlock.core.operation.Operation}; a frontend turns text into {@link
 * dev.airlock.core.operation.Occurrence}s, each holding one operation and where it stands.
 */
package dev.airlock.core.operation;
