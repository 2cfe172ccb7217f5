/**
 * Airlock's only JDBC module. Start at {@link dev.airlock.db.verify.Verifier}: it runs a
 * migration inside one transaction that is always rolled back and measures what it does. {@link
 * dev.airlock.db.Connections} turns pasted URLs into connections with one-line errors, {@link
 * dev.airlock.db.EmbeddedDatabase} starts a throw-away PostgreSQL (as root too).
 */
package dev.airlock.db;
