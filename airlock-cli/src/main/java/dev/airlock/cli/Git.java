package dev.airlock.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The few git questions the CLI asks, answered by the git command itself. */
final class Git {
  private Git() {}

  /** Absolute paths of files changed since {@code ref}, plus untracked files. */
  static Set<Path> changedSince(String ref, Path cwd) throws IOException {
    Path top = Path.of(run(cwd, "git", "rev-parse", "--show-toplevel").get(0));
    Set<Path> files = new HashSet<>();
    for (String f : run(cwd, "git", "diff", "--name-only", "--diff-filter=ACMR", ref, "--")) {
      files.add(top.resolve(f).toAbsolutePath().normalize());
    }
    for (String f : run(cwd, "git", "ls-files", "--others", "--exclude-standard", "--full-name")) {
      files.add(top.resolve(f).toAbsolutePath().normalize());
    }
    return files;
  }

  private static List<String> run(Path cwd, String... command) throws IOException {
    Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + ": timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException("--changed-since: " + String.join(" ", command) + ": " + text.lines().findFirst().orElse("failed"));
    }
    List<String> lines = new ArrayList<>();
    text.lines().filter(l -> !l.isBlank()).forEach(lines::add);
    return lines;
  }
}
