package dev.airlock.gateway.engine;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For the engine's tests on a real PostgreSQL: every test gets a fresh {@link TestWorld} with its
 * store under {@link #home} in a temporary directory, closed after the test.
 */
abstract class WorldFixture {
  @TempDir Path dir;
  Path home;
  TestWorld world;

  @BeforeEach
  void createWorld() throws IOException {
    home = TestWorld.home(dir);
    world = TestWorld.create(home);
  }

  @AfterEach
  void closeWorld() {
    world.close();
  }
}
