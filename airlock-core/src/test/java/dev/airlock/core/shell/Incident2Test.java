package dev.airlock.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.check.Checker;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.PathTarget;
import dev.airlock.core.operation.PathTarget.Place;
import dev.airlock.core.operation.RemovePaths;
import dev.airlock.core.policy.Config;
import dev.airlock.core.rule.Severity;
import dev.airlock.core.source.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incident 2: an assistant in the terminal suggested {@code rm -rf /var/app/releases/temp
 * ../shared/uploads}; the engineer read the first half, and three years of user files in
 * {@code ../shared/uploads} were gone. "There was no dry-run option." The shell frontend must
 * resolve {@code ../shared/uploads} against the working directory, see that it is outside the
 * project, count what is in it, and say so; the same through a symbolic link inside the project.
 */
class Incident2Test {
  @TempDir Path dir;

  private ShellContext layout() throws Exception {
    Path project = Files.createDirectories(dir.resolve("app/project"));
    Path uploads = Files.createDirectories(dir.resolve("app/shared/uploads/2021"));
    Files.writeString(uploads.resolve("avatar-1.png"), "x".repeat(1000));
    Files.writeString(uploads.resolve("avatar-2.png"), "y".repeat(2000));
    Files.writeString(dir.resolve("app/shared/uploads/contract.pdf"), "z".repeat(500));
    Files.createSymbolicLink(project.resolve("uploads"), Path.of("../shared/uploads"));
    Files.createDirectories(project.resolve("build"));
    return new ShellContext(project, project, dir.resolve("home"), Map.of(), new LocalFileSystem());
  }

  @Test
  void theUploadsAreReportedOutsideTheProjectWithTheirFileCount() throws Exception {
    ShellContext ctx = layout();
    List<Occurrence> found = new ShellFrontend().analyze("rm -rf /var/app/releases/temp ../shared/uploads", ctx);
    assertThat(found).hasSize(1);
    RemovePaths rm = (RemovePaths) found.get(0).operation();
    assertThat(rm.recursive()).isTrue();
    assertThat(rm.force()).isTrue();
    PathTarget uploads = rm.targets().get(1);
    Path real = dir.resolve("app/shared/uploads").toRealPath();
    assertThat(uploads.path()).isEqualTo(real.toString());
    assertThat(uploads.place()).isEqualTo(Place.OUTSIDE);
    assertThat(uploads.exists()).isTrue();
    assertThat(uploads.contents()).hasValueSatisfying(c -> {
      assertThat(c.files()).isEqualTo(3);
      assertThat(c.bytes()).isEqualTo(3500);
      assertThat(c.truncated()).isFalse();
    });
    assertThat(uploads.git()).isEqualTo(PathTarget.Git.NO_REPOSITORY);
    assertThat(uploads.describe())
        .isEqualTo("`../shared/uploads` (" + real + ", outside the project, 3 files, 3.4 KB, not in a git repository)");
  }

  @Test
  void theCheckerBlocksItAsCritical() throws Exception {
    ShellContext ctx = layout();
    List<Finding> findings =
        new Checker(Config.defaults())
            .check(new SourceText("<command>", "rm -rf /var/app/releases/temp ../shared/uploads"), ShellFrontend.forCommand(ctx))
            .findings();
    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("rm-outside-project");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(findings.get(0).message()).contains("3 files").contains("outside the project").contains("/var/app/releases/temp");
  }

  @Test
  void throughASymbolicLinkInsideTheProjectTheRealPathIsReported() throws Exception {
    ShellContext ctx = layout();
    RemovePaths rm = (RemovePaths) new ShellFrontend().analyze("rm -rf uploads/", ctx).get(0).operation();
    PathTarget t = rm.targets().get(0);
    assertThat(t.place()).isEqualTo(Place.OUTSIDE);
    assertThat(t.path()).isEqualTo(dir.resolve("app/shared/uploads").toRealPath().toString());
    assertThat(t.linkedFrom()).isPresent();
    assertThat(t.contents().orElseThrow().files()).isEqualTo(3);
  }

  @Test
  void withoutTheSlashOnlyTheLinkGoesAndBuildStaysQuiet() throws Exception {
    ShellContext ctx = layout();
    List<Finding> findings =
        new Checker(Config.defaults())
            .check(new SourceText("<command>", "rm -rf uploads build node_modules"), ShellFrontend.forCommand(ctx))
            .findings();
    assertThat(findings).isEmpty();
  }
}
