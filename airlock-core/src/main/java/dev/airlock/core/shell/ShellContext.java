package dev.airlock.core.shell;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a command runs: its working directory, the project it belongs to (the git top level or
 * {@code --root}), the user's home, the environment it inherits, and what the disk holds.
 */
public record ShellContext(Path cwd, Path projectRoot, Path home, Map<String, String> env, FileSystemView fs) {
  public ShellContext {
    cwd = cwd.toAbsolutePath().normalize();
    projectRoot = projectRoot.toAbsolutePath().normalize();
    home = home.toAbsolutePath().normalize();
    env = Map.copyOf(env);
  }

  /**
   * The context of a command run here: the real disk, this process's environment and home. The
   * project root is {@code projectRoot} if given, else the git top level of {@code cwd}, else
   * {@code cwd}.
   */
  public static ShellContext local(Path cwd, Path projectRoot) {
    LocalFileSystem fs = new LocalFileSystem();
    Path abs = cwd.toAbsolutePath().normalize();
    Path root = projectRoot != null ? projectRoot : fs.gitTopLevel(abs).orElse(abs);
    String home = System.getProperty("user.home", "/");
    return new ShellContext(abs, root, Path.of(home), System.getenv(), fs);
  }

  /**
   * The context for a script checked by {@code airlock check}: it runs at the project root, with
   * an empty environment and no knowledge of the disk at run time.
   */
  public static ShellContext script(Path projectRoot) {
    return new ShellContext(projectRoot, projectRoot, Path.of("/home/user"), Map.of(), FileSystemView.none());
  }
}
