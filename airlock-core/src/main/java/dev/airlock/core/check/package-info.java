/**
 * The check pipeline. {@link dev.airlock.core.check.Checker} runs one file through frontend,
 * rules, config and suppressions; {@link dev.airlock.core.check.CheckResult} gathers the files
 * and decides whether the gate fails.
 */
package dev.airlock.core.check;
