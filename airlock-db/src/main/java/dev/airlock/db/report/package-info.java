/**
 * Renderings of a verify report: text, JSON and Markdown in {@link
 * dev.airlock.db.report.VerifyReports}, the self-contained HTML page in {@code HtmlReport} (its
 * per-table picture is built by {@code TableCards}). Strings only; the CLI prints them.
 */
package dev.airlock.db.report;
