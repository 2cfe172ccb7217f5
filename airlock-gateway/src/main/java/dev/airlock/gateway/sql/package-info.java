/**
 * The gateway's reading of SQL, on the core's lexer and splitter. Start at {@link
 * dev.airlock.gateway.sql.OneStatement} (exactly one statement, or a refusal) and {@link
 * dev.airlock.gateway.sql.ReadGuard} (is it a pure read); {@link
 * dev.airlock.gateway.sql.AllowedFunctions} is the allow-list every statement's calls must pass.
 */
package dev.airlock.gateway.sql;
