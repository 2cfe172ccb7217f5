package dev.airlock.core.rules;

import dev.airlock.core.shell.LocalFileSystem;
import dev.airlock.core.shell.ShellContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overwrites are judged on the real disk: only existing files lose contents. */
class OverwriteOutsideProjectTest {
  @TempDir Path dir;
  private RuleTester tester;

  @BeforeEach
  void layout() throws Exception {
    Path project = Files.createDirectories(dir.resolve("work/project"));
    Files.createDirectories(dir.resolve("work/shared"));
    Files.writeString(dir.resolve("work/shared/config.yml"), "keep: me\n");
    Files.writeString(project.resolve("a.txt"), "new\n");
    Files.writeString(project.resolve("config.yml"), "mine: true\n");
    ShellContext ctx = new ShellContext(project, project, dir.resolve("home"), Map.of(), new LocalFileSystem());
    tester = RuleTester.forRule("overwrite-outside-project").shell(ctx);
  }

  @Test
  void findsOverwritesOfExistingFilesOutsideTheProject() {
    tester.expect(
        """
        # FINDING: `> (redirection)` truncates `../shared/config.yml`
        echo x > ../shared/config.yml
        # FINDING: `cp` overwrites `../shared/config.yml`
        cp a.txt ../shared/config.yml
        # FINDING: `cp` overwrites `../shared/config.yml`
        cp config.yml ../shared/
        # FINDING: `truncate -s 0` truncates
        truncate -s 0 ../shared/config.yml
        # FINDING: `mv` replaces
        mv a.txt ../shared/config.yml
        # FINDING: `shred` overwrites with random data
        shred ../shared/config.yml
        # FINDING: `tee` truncates
        echo x | tee ../shared/config.yml
        # FINDING: `dd of=` overwrites `$(cat target.txt)`
        dd if=/dev/zero of=$(cat target.txt)
        """);
  }

  @Test
  void leavesNewFilesAppendsAndNoClobberAlone() {
    tester.expect(
        """
        echo x > new.txt
        echo x > a.txt
        echo x >> ../shared/config.yml
        cp -n a.txt ../shared/config.yml
        echo x > ../shared/new.yml
        cat ../shared/config.yml > /dev/null
        cp ../shared/config.yml backup.yml
        """);
  }
}
