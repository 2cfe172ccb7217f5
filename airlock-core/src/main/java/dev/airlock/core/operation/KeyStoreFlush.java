package dev.airlock.core.operation;

/**
 * Deletes every key of a key-value store: {@code redis-cli FLUSHALL}, {@code FLUSHDB}.
 *
 * @param tool "redis-cli", "valkey-cli", ...
 * @param scope "every database" or "database 3" / "the current database"
 */
public record KeyStoreFlush(String tool, String command, String scope) implements Operation {}
