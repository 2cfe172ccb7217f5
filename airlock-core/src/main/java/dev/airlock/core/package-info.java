/**
 * Airlock's core, pure analysis with no I/O of its own. The pipeline runs text → {@code
 * frontend} ({@code sql}) → {@code operation} → {@code rules} → {@code finding} → {@code policy}
 * → {@code report}; {@link dev.airlock.core.check.Checker} wires it for one file.
 */
package dev.airlock.core;
