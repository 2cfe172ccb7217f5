package dev.airlock.cli;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For tests of commands run in-process on a store: every test gets an empty $AIRLOCK_HOME in a
 * temporary directory, with alice as $USER, as {@link AuditLog} sees the environment.
 */
abstract class AirlockHomeFixture {
  @TempDir Path home;

  @BeforeEach
  void environment() {
    Map<String, String> env = Map.of("AIRLOCK_HOME", home.toString(), "USER", "alice");
    AuditLog.environment = () -> env;
  }

  @AfterEach
  void reset() {
    AuditLog.environment = System::getenv;
  }
}
