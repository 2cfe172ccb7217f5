/**
 * Reporters: one class per format behind {@link dev.airlock.core.report.Reporter}, chosen by
 * {@link dev.airlock.core.report.Format}. They return text; only the CLI prints it. {@link
 * dev.airlock.core.report.Json}, {@link dev.airlock.core.report.HtmlText} and {@link
 * dev.airlock.core.report.Ago} are the small text helpers the other modules' reports and pages
 * share.
 */
package dev.airlock.core.report;
