package dev.airlock.cli;

import dev.airlock.core.operation.GitHistoryLoss;
import dev.airlock.core.operation.PathTarget;
import dev.airlock.core.shell.LocalFileSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a {@code git clean -f...} would delete, from git itself: the same options with {@code -n}
 * instead of {@code -f}, so .gitignore, -x, -X, -e and path limits count exactly as git counts
 * them. A dry run only; nothing is deleted.
 */
final class GitCleanPreview {
  private static final int MAX_LISTED = 200;

  private GitCleanPreview() {}

  /** The paths git would remove, absolute; empty when git cannot say (no git, not a repository, a timeout). */
  static Optional<List<Path>> paths(GitHistoryLoss op, Path cwd) {
    if (op.kind() != GitHistoryLoss.Kind.CLEAN) {
      return Optional.empty();
    }
    List<String> words = List.of(op.command().trim().split("\\s+"));
    int clean = words.indexOf("clean");
    if (clean < 0 || !words.get(0).equals("git")) {
      return Optional.empty();
    }
    Path dir = cwd;
    List<String> command = new ArrayList<>(List.of("git"));
    for (int i = 1; i < clean; i++) {
      if (words.get(i).equals("-C") && i + 1 < clean) {
        dir = cwd.resolve(words.get(++i)).normalize();
      }
    }
    command.add("clean");
    command.add("-n");
    for (String w : words.subList(clean + 1, words.size())) {
      if (w.equals("--force") || w.equals("--interactive")) {
        continue;
      }
      if (w.matches("-[a-zA-Z]+")) {
        String kept = w.replaceAll("[fiq]", "");
        if (!kept.equals("-")) {
          command.add(kept);
        }
      } else {
        command.add(w);
      }
    }
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        return Optional.empty();
      }
      List<Path> paths = new ArrayList<>();
      for (String line : out.lines().toList()) {
        if (line.startsWith("Would remove ")) {
          paths.add(dir.resolve(line.substring("Would remove ".length())).normalize());
        }
      }
      return Optional.of(paths);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The dry run's section for one git clean: each path with its files and bytes. */
  static void print(java.io.PrintWriter out, GitHistoryLoss op, Path cwd) {
    Optional<List<Path>> paths = paths(op, cwd);
    out.println();
    if (paths.isEmpty()) {
      out.println("`" + op.command() + "` deletes " + op.detail() + " (git could not list them here)");
      return;
    }
    LocalFileSystem disk = new LocalFileSystem();
    long files = 0;
    long bytes = 0;
    out.println("`" + op.command() + "` deletes (as listed by `git clean -n`):");
    if (paths.get().isEmpty()) {
      out.println("  nothing: no untracked file matches");
    }
    for (int i = 0; i < paths.get().size(); i++) {
      Path p = paths.get().get(i);
      PathTarget.Contents c = disk.contents(p, 100_000);
      files += c.files();
      bytes += c.bytes();
      if (i < MAX_LISTED) {
        out.println("  " + p + "   (" + c.files() + (c.files() == 1 ? " file, " : " files, ") + PathTarget.bytes(c.bytes()) + ", not recoverable from git)");
      }
    }
    if (paths.get().size() > MAX_LISTED) {
      out.println("  ... and " + (paths.get().size() - MAX_LISTED) + " more");
    }
    out.println("  total: " + paths.get().size() + (paths.get().size() == 1 ? " path, " : " paths, ") + files + (files == 1 ? " file, " : " files, ") + PathTarget.bytes(bytes));
  }
}
