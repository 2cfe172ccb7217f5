/**
 * Every rule, one class each, named after the danger it finds. {@link
 * dev.airlock.core.rules.Rules} is the sorted registry; each rule has a page in {@code
 * docs/rules/<id>.md} and a test class named after it.
 */
package dev.airlock.core.rules;
