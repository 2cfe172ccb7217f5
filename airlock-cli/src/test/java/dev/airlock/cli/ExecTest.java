package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlock exec} and {@code airlock restore} over the incident-2 tree. */
class ExecTest {
  private static final String INCIDENT_2 = "rm -rf /var/app/releases/temp ../shared/uploads";

  @TempDir Path tmp;
  HookFixture f;

  @BeforeEach
  void tree() throws IOException {
    f = new HookFixture(tmp);
    Map<String, String> env = f.env();
    AuditLog.environment = () -> env;
    ExecCommand.terminal = Optional::empty;
  }

  @AfterEach
  void reset() {
    AuditLog.environment = System::getenv;
    ExecCommand.terminal = () -> Optional.ofNullable(System.console()).map(c -> p -> c.readLine("%s", p));
  }

  /** {@code airlock exec [options] -- <line>}: options start with "--", the last word is the line. */
  private Cli exec(String... words) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("exec", "--cwd=" + f.app));
    for (int i = 0; i < words.length - 1; i++) {
      args.add(words[i]);
    }
    args.add("--");
    args.add(words[words.length - 1]);
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void dryRunShowsWhatIncident2WouldDestroy() {
    Cli r = exec("--dry-run", INCIDENT_2);
    assertThat(r.exitCode()).isEqualTo(1);
    String out = r.out();
    assertThat(out).contains("command: " + INCIDENT_2);
    assertThat(out).contains("  /var/app/releases/temp").contains("exists         no");
    assertThat(out).contains("  " + f.uploads + "   (written `../shared/uploads`)");
    assertThat(out).contains("place          outside the project");
    assertThat(out).contains("contents       3 files, 5.9 KB");
    assertThat(out).contains("recoverable    no");
    assertThat(out).contains("newest         ");
    assertThat(out).contains("verdict: deny");
    assertThat(f.uploads.resolve("avatar-1.png")).exists();
  }

  @Test
  void dryRunOfInsideWorkAndOfHarmlessCommands() {
    Cli build = exec("--dry-run", "rm -rf build README.md");
    assertThat(build.exitCode()).isZero();
    assertThat(build.out()).contains("place          inside the project").contains("recoverable    yes, tracked by git");
    assertThat(f.app.resolve("build/out.txt")).exists();
    Cli ls = exec("--dry-run", "ls -la");
    assertThat(ls.exitCode()).isZero();
    assertThat(ls.out()).contains("verdict: allow");
  }

  @Test
  void harmlessCommandsRunWithTheirExitCode() {
    assertThat(exec("exit 3").exitCode()).isEqualTo(3);
    assertThat(exec("true").exitCode()).isZero();
  }

  @Test
  void destructiveCommandsNeedATerminal() {
    Cli r = exec(INCIDENT_2);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("airlock: refused without a terminal to confirm: ").doesNotContain("\n\n");
    assertThat(f.uploads.resolve("avatar-1.png")).exists();
  }

  @Test
  void theWorstCasesNeedTheTargetsName() {
    ExecCommand.terminal = () -> Optional.of(prompt -> "y");
    assertThat(exec(INCIDENT_2).exitCode()).isEqualTo(1);
    assertThat(f.uploads).exists();
    ExecCommand.terminal = () -> Optional.of(prompt -> "uploads");
    assertThat(exec("rm -rf ../shared/uploads").exitCode()).isZero();
    assertThat(f.uploads).doesNotExist();
  }

  @Test
  void trashAndRestoreRoundTrip() throws IOException {
    ExecCommand.terminal = () -> Optional.of(prompt -> "uploads");
    Cli t = exec("--trash", "rm -rf ../shared/uploads build");
    assertThat(t.exitCode()).as(t.err()).isZero();
    assertThat(f.uploads).doesNotExist();
    assertThat(f.app.resolve("build")).doesNotExist();
    assertThat(t.out()).contains("moved " + f.uploads + " to the trash");
    Cli list = Cli.run("restore", "--list");
    assertThat(list.out()).contains(f.uploads.toString());

    Files.createDirectories(f.app.resolve("build"));
    Cli refused = Cli.run("restore");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("exists again");
    assertThat(f.uploads).doesNotExist();

    Files.delete(f.app.resolve("build"));
    Cli back = Cli.run("restore");
    assertThat(back.exitCode()).as(back.err()).isZero();
    assertThat(f.uploads.resolve("2024/contract.pdf")).hasContent("z".repeat(3000));
    assertThat(f.app.resolve("build/out.txt")).exists();
    assertThat(Cli.run("restore").err()).contains("the trash is empty");
  }

  @Test
  void trashTakesOverPlainRmOnly() {
    Cli r = exec("--trash", "rm -rf build && ls");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("plain `rm` commands only");
    assertThat(f.app.resolve("build")).exists();
  }

  private static void git(Path dir, String... args) throws IOException, InterruptedException {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git", "-c", "user.email=a@example.com", "-c", "user.name=a"));
    command.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
  }

  @Test
  void dryRunOfGitCleanListsWhatGitWouldDeleteHonouringGitignore() throws Exception {
    Path repo = java.nio.file.Files.createDirectories(tmp.resolve("repo"));
    git(repo, "init", "-q");
    java.nio.file.Files.writeString(repo.resolve(".gitignore"), "*.log\n.env\n");
    java.nio.file.Files.writeString(repo.resolve("kept.txt"), "tracked");
    git(repo, "add", ".gitignore", "kept.txt");
    git(repo, "commit", "-qm", "init");
    java.nio.file.Files.writeString(repo.resolve("debug.log"), "ignored");
    java.nio.file.Files.writeString(repo.resolve(".env"), "SECRET=1");
    java.nio.file.Files.createDirectories(repo.resolve("scratch"));
    java.nio.file.Files.writeString(repo.resolve("scratch/notes.md"), "untracked work");

    Cli plain = Cli.run("exec", "--cwd=" + repo, "--dry-run", "--", "git clean -fd");
    assertThat(plain.out())
        .contains("`git clean -fd` deletes (as listed by `git clean -n`):")
        .contains(repo.resolve("scratch") + "   (1 file, 14 bytes")
        .doesNotContain("debug.log")
        .doesNotContain(".env")
        .contains("total: 1 path, 1 file, 14 bytes");
    Cli withIgnored = Cli.run("exec", "--cwd=" + repo, "--dry-run", "--", "git clean -fdx");
    assertThat(withIgnored.out()).contains(repo.resolve("debug.log").toString()).contains(repo.resolve(".env").toString()).contains("total: 3 paths");
    assertThat(withIgnored.exitCode()).isEqualTo(1);
    // a dry run deletes nothing
    assertThat(repo.resolve(".env")).exists();
    assertThat(repo.resolve("scratch/notes.md")).exists();
  }
}
