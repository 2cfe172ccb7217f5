package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes, bad input and options of `airlock check`, through the real command line. */
class CheckCommandTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void cleanFilesExitZero() throws IOException {
    write("a.sql", "CREATE TABLE t (id int);\nSELECT 1;\n");
    Cli cli = Cli.run("check", dir.toString());
    assertThat(cli.exitCode()).isEqualTo(Main.OK);
    assertThat(cli.out()).startsWith("0 irreversible operations in 0 files (checked 1 file, 2 statements)");
  }

  @Test
  void findingsBelowTheThresholdAreListedButPass() throws IOException {
    write("a.sql", "DELETE FROM t WHERE id = 1;\n");
    Cli cli = Cli.run("check", dir.toString());
    assertThat(cli.exitCode()).isEqualTo(Main.OK);
    assertThat(cli.out()).contains("delete-rows");
    assertThat(Cli.run("check", "--fail-on", "medium", dir.toString()).exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(Cli.run("check", "--fail-on", "none", dir.toString()).exitCode()).isEqualTo(Main.OK);
  }

  @Test
  void usageErrorsExitTwoWithOneLine() throws IOException {
    write("a.sql", "SELECT 1;");
    for (String[] args :
        new String[][] {
          {"check", "--bogus", dir.toString()},
          {"check", "--format", "xml", dir.toString()},
          {"check", "--fail-on", "severe", dir.toString()},
          {"check", "--dialect", "oracle", dir.toString()},
          {"check", dir.resolve("missing.sql").toString()},
          {"check", "--config", dir.resolve("nope.yaml").toString(), dir.toString()},
        }) {
      Cli cli = Cli.run(args);
      assertThat(cli.exitCode()).as(String.join(" ", args)).isEqualTo(Main.ERROR);
      assertThat(cli.err()).as(String.join(" ", args)).startsWith("airlock: ").doesNotContain("\tat ");
      assertThat(cli.err().lines().count()).isLessThanOrEqualTo(2);
      assertThat(cli.err()).doesNotContain("Exception");
    }
  }

  @Test
  void badFilesNeverStopTheRun() throws IOException {
    Files.write(dir.resolve("binary.sql"), new byte[] {'D', 'R', 0, 1, 2, 3});
    Files.write(dir.resolve("latin1.sql"), "DROP TABLE caf\u00e9;\n".getBytes(StandardCharsets.ISO_8859_1));
    write("unterminated.sql", "SELECT 1;\nDO $body$ BEGIN DROP TABLE x; END\n");
    write("big.sql", "-- big\n" + "SELECT 1;\n".repeat(2000));
    write("z_last.sql", "TRUNCATE orders;\n");
    Cli cli = Cli.run("check", "--max-file-size", "10000", dir.toString());
    assertThat(cli.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(cli.out())
        .containsPattern("binary.sql:1:1 +unparsed-statement: not checked: binary file")
        .contains("latin1.sql: not valid UTF-8")
        .contains("drop-table: drops table `caf")
        .containsPattern("unterminated.sql:2:1 +unparsed-statement: not understood: unterminated dollar-quoted string \\$body\\$")
        .containsPattern("big.sql:1:1 +unparsed-statement: not checked: the file is 20007 bytes")
        .containsPattern("z_last.sql:1:1 +truncate");
  }

  @Test
  void configOverridesSeveritySkipsPathsAndSetsDialects() throws IOException {
    write("airlock.yaml", "fail-on: critical\nskip: ['legacy/**']\ndialects:\n  'mysql/**': mysql\nrules:\n  drop-index: off\n  delete-rows: critical\n");
    write("legacy/old.sql", "DROP TABLE everything;\n");
    write("mysql/a.sql", "# a MySQL comment\nDELETE FROM t WHERE id = 1;\n");
    write("pg/b.sql", "DROP INDEX i;\n");
    Cli cli = Cli.run("check", "--config", dir.resolve("airlock.yaml").toString(), dir.toString());
    assertThat(cli.out()).doesNotContain("everything").doesNotContain("drop-index").contains("CRITICAL").contains("delete-rows");
    assertThat(cli.exitCode()).isEqualTo(Main.FINDINGS);
  }

  @Test
  void badConfigIsAPreciseError() throws IOException {
    write("airlock.yaml", "rules:\n  drop-tabel: off\n");
    Cli cli = Cli.run("check", "--config", dir.resolve("airlock.yaml").toString(), dir.toString());
    assertThat(cli.exitCode()).isEqualTo(Main.ERROR);
    assertThat(cli.err().strip()).endsWith("airlock.yaml: rules.drop-tabel: no such rule");
  }

  @Test
  void yamlOffMeansNever() throws IOException {
    write("airlock.yaml", "fail-on: off\nrules:\n  truncate: off\n");
    write("a.sql", "DROP TABLE t;\nTRUNCATE u;\n");
    Cli cli = Cli.run("check", "--config", dir.resolve("airlock.yaml").toString(), dir.toString());
    assertThat(cli.exitCode()).isEqualTo(Main.OK);
    assertThat(cli.out()).contains("drop-table").doesNotContain("truncate");
  }

  @Test
  void directoriesAreWalkedSkippingBuildAndDependencyFolders() throws IOException {
    write("db/migrate/001.sql", "DROP TABLE a;\n");
    write("node_modules/pkg/x.sql", "DROP TABLE b;\n");
    write("target/classes/y.sql", "DROP TABLE c;\n");
    write(".git/z.sql", "DROP TABLE d;\n");
    write("notes.txt", "DROP TABLE e;\n");
    Cli cli = Cli.run("check", dir.toString());
    assertThat(cli.out()).contains("`a`").doesNotContain("`b`").doesNotContain("`c`").doesNotContain("`d`").doesNotContain("`e`");
  }

  @Test
  void lineEndingsDoNotMoveLocations() throws IOException {
    String sql = "SELECT 1;\n-- note\n  DROP TABLE t;\n";
    write("lf.sql", sql);
    write("crlf.sql", sql.replace("\n", "\r\n"));
    write("cr.sql", sql.replace("\n", "\r"));
    String out = Cli.run("check", "--format", "github", dir.toString()).out();
    assertThat(out).contains("lf.sql,line=3,col=3,endLine=3,endColumn=16");
    assertThat(out).contains("crlf.sql,line=3,col=3,endLine=3,endColumn=16");
    assertThat(out).contains("cr.sql,line=3,col=3,endLine=3,endColumn=16");
  }

  @Test
  void changedSinceChecksOnlyChangedFiles() throws Exception {
    write("old.sql", "DROP TABLE old_one;\n");
    git("init", "-q");
    git("-c", "user.email=a@b", "-c", "user.name=a", "add", ".");
    git("-c", "user.email=a@b", "-c", "user.name=a", "commit", "-qm", "init");
    write("new.sql", "DROP TABLE new_one;\n");
    Cli cli = Cli.run("check", "--changed-since", "HEAD", dir.toString());
    assertThat(cli.out()).contains("new_one").doesNotContain("old_one");
    assertThat(cli.exitCode()).isEqualTo(Main.FINDINGS);
    Cli bad = Cli.run("check", "--changed-since", "no-such-ref-xyz", dir.toString());
    assertThat(bad.exitCode()).isEqualTo(Main.ERROR);
    assertThat(bad.err()).startsWith("airlock: --changed-since");
  }

  @Test
  void shellScriptsAreCheckedCommandByCommand() throws IOException {
    write("scripts/cleanup.sh", "#!/bin/sh\nrm -rf build\nrm -rf /var/app/releases/temp ../shared/uploads\n");
    write("scripts/reset.bash", "#!/usr/bin/env bash\ngit reset --hard origin/main\n");
    Cli cli = Cli.run("check", "--color", "never", dir.toString());
    assertThat(cli.out()).contains("cleanup.sh:3:1").contains("rm-outside-project").contains("reset.bash:2:1").doesNotContain("cleanup.sh:2:1");
    assertThat(cli.exitCode()).isEqualTo(Main.FINDINGS);
  }

  private void git(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
  }
}
