/**
 * The approval queue and the hash-chained audit log. Start at {@link
 * dev.airlock.gateway.store.Store} (the contract and the approval state machine) and {@link
 * dev.airlock.gateway.store.Stores#open} (SQLite under $AIRLOCK_HOME, or PostgreSQL); one JDBC
 * implementation serves both, with the few differences in {@code Dialect}.
 */
package dev.airlock.gateway.store;
