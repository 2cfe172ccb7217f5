/**
 * The frontend contract: text in, {@link dev.airlock.core.operation.Occurrence}s out. The SQL
 * frontend lives in {@code dev.airlock.core.sql}; ORM and shell frontends implement the same
 * {@link dev.airlock.core.frontend.Frontend}.
 */
package dev.airlock.core.frontend;
