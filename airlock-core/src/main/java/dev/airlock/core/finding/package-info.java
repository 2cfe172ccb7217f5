/**
 * Findings: what the rules report, with exact spans and suppressions. {@link
 * dev.airlock.core.finding.Finding} is what every reporter renders.
 */
package dev.airlock.core.finding;
