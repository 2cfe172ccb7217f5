/**
 * Reporters: one class per format behind {@link dev.airlock.core.report.Reporter}, chosen by
 * {@link dev.airlock.core.report.Format}. They return text; only the CLI prints it.
 */
package dev.airlock.core.report;
