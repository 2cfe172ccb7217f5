/**
 * The rule contract: {@link dev.airlock.core.rule.Rule} plus its {@link
 * dev.airlock.core.rule.RuleInfo} metadata. The rules themselves and their registry live in
 * {@code dev.airlock.core.rules}.
 */
package dev.airlock.core.rule;
