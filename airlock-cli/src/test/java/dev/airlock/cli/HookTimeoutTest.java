package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.operation.PathTarget;
import dev.airlock.core.shell.FileSystemView;
import dev.airlock.core.shell.LocalFileSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook never waits for ever: a disk that hangs (a dead network mount) or an agent that never
 * closes stdin get "ask" with the reason, within the configured time.
 */
class HookTimeoutTest {
  @TempDir Path tmp;

  /** The real disk, where every existence check hangs for {@code delayMs}, as on a dead NFS mount. */
  private record HangingDisk(FileSystemView real, long delayMs) implements FileSystemView {
    private void hang() {
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public boolean exists(Path path) {
      hang();
      return real.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
      return real.isDirectory(path);
    }

    @Override
    public boolean isSymbolicLink(Path path) {
      return real.isSymbolicLink(path);
    }

    @Override
    public Optional<Path> toRealPath(Path path) {
      return real.toRealPath(path);
    }

    @Override
    public List<Path> list(Path directory, int limit) {
      return real.list(directory, limit);
    }

    @Override
    public List<Path> glob(Path directory, String pattern, int limit) {
      return real.glob(directory, pattern, limit);
    }

    @Override
    public PathTarget.Contents contents(Path path, int maxEntries) {
      return real.contents(path, maxEntries);
    }

    @Override
    public PathTarget.Git git(Path path) {
      return real.git(path);
    }

    @Override
    public Optional<Path> gitTopLevel(Path path) {
      return real.gitTopLevel(path);
    }

    @Override
    public OptionalInt modifiedTrackedFiles(Path path, int limit) {
      return real.modifiedTrackedFiles(path, limit);
    }

    @Override
    public Optional<String> read(Path path, int maxBytes) {
      return real.read(path, maxBytes);
    }
  }

  private record Answer(int exit, String out) {}

  private Answer hook(HookFixture f, Map<String, String> env, FileSystemView disk, String stdin, String agent) {
    StringWriter out = new StringWriter();
    int exit =
        HookMain.run(
            new String[] {"hook", agent},
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            env,
            f.app,
            disk);
    return new Answer(exit, out.toString());
  }

  @Test
  void aHangingDiskAnswersAskWhenTheTimeoutIsUp() throws IOException {
    HookFixture f = new HookFixture(tmp);
    Files.writeString(f.app.resolve("airlock.yaml"), "hook:\n  timeout-ms: 200\n");
    long start = System.nanoTime();
    Answer a = hook(f, f.env(), new HangingDisk(new LocalFileSystem(), 5_000), f.claude("rm -rf ../shared/uploads"), "claude");
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(a.out()).contains("\"permissionDecision\":\"ask\"").contains("analysis took longer than 200 ms");
    assertThat(ms).as("answered at the timeout, not after the disk").isLessThan(4_000);
    assertThat(Files.readString(f.airlockHome.resolve("audit.jsonl"))).contains("\"failed_closed\":true");

    // Cursor may ignore ask in some modes: a must-stop answer there is deny
    Answer generic = hook(f, f.env(), new HangingDisk(new LocalFileSystem(), 5_000), "rm -rf ../shared/uploads", "generic");
    assertThat(generic.exit()).as("generic: ask").isEqualTo(1);
  }

  @Test
  void theSameDiskWithoutTheHangDecidesNormally() throws IOException {
    HookFixture f = new HookFixture(tmp);
    Files.writeString(f.app.resolve("airlock.yaml"), "hook:\n  timeout-ms: 200\n");
    Answer a = hook(f, f.env(), new HangingDisk(new LocalFileSystem(), 0), f.claude("rm -rf ../shared/uploads"), "claude");
    assertThat(a.out()).contains("\"permissionDecision\":\"deny\"");
  }

  @Test
  void inputThatNeverEndsAnswersAsk() throws IOException {
    HookFixture f = new HookFixture(tmp);
    // bin/airlock reads stdin itself (10 s at most) and says so when it did not end in time
    Map<String, String> env = new HashMap<>(f.env());
    env.put("AIRLOCK_HOOK_INPUT_TIMEOUT", "1");
    Answer a = hook(f, env, new LocalFileSystem(), "{\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls", "claude");
    assertThat(a.out()).contains("\"permissionDecision\":\"ask\"").contains("no complete input on stdin within 10 s");
  }
}
