package dev.airlock.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The local audit log: one JSON object per line in {@code $AIRLOCK_HOME/audit.jsonl} (default
 * {@code ~/.airlock}), appended with one write so concurrent hook calls do not interleave lines.
 */
final class AuditLog {
  /** The environment exec and restore read {@code AIRLOCK_HOME} and {@code HOME} from; tests replace it. */
  static java.util.function.Supplier<Map<String, String>> environment = System::getenv;

  private AuditLog() {}

  /** {@code $AIRLOCK_HOME}, else {@code ~/.airlock}. */
  static Path home(Map<String, String> env) {
    String h = env.get("AIRLOCK_HOME");
    if (h != null && !h.isBlank()) {
      return Path.of(h).toAbsolutePath();
    }
    String user = env.getOrDefault("HOME", System.getProperty("user.home", "."));
    return Path.of(user, ".airlock");
  }

  static void append(Path airlockHome, Map<String, Object> entry) throws IOException {
    Files.createDirectories(airlockHome);
    byte[] line = (HookJson.write(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    Files.write(
        airlockHome.resolve("audit.jsonl"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }
}
