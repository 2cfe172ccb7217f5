package dev.airlock.cli;

import dev.airlock.gateway.store.Store;
import dev.airlock.gateway.store.Stores;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --store URL} for the commands that read or change the approval queue and audit log:
 * the SQLite file {@code $AIRLOCK_HOME/airlock.db} (default {@code ~/.airlock}) unless a
 * PostgreSQL URL names a shared store.
 */
final class StoreOption {
  @Option(
      names = "--store",
      paramLabel = "URL",
      description = "postgres://user:password@host:5432/db for a store shared by several gateways (default: $AIRLOCK_HOME/airlock.db).")
  String url;

  Store open() {
    return Stores.open(Optional.ofNullable(url), home());
  }

  static Path home() {
    return AuditLog.home(AuditLog.environment.get());
  }

  /** Where the store is, for messages: the file, or the URL without its password. */
  String describe() {
    return url == null || url.isBlank() ? home().resolve("airlock.db").toString() : dev.airlock.db.Connections.redact(url);
  }

  /** {@code --as NAME}, else $USER, else the JVM's user name. */
  static String approver(String as) {
    if (as != null) {
      if (as.isBlank()) {
        throw new IllegalArgumentException("--as needs a name");
      }
      return as.trim();
    }
    Map<String, String> env = AuditLog.environment.get();
    String user = env.get("USER");
    if (user == null || user.isBlank()) {
      user = System.getProperty("user.name", "");
    }
    if (user.isBlank()) {
      throw new IllegalArgumentException("no approver name: pass --as NAME");
    }
    return user;
  }
}
