import dev.airlock.core.check.Checker;
import dev.airlock.core.policy.Config;
import dev.airlock.core.shell.FileSystemView;
import dev.airlock.core.shell.LocalFileSystem;
import dev.airlock.core.shell.ShellContext;
import dev.airlock.core.shell.ShellFrontend;
import dev.airlock.core.source.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shell analysis throughput, in process, on a mix of 36 typical agent commands: parse + unwrap +
 * expand (no disk), then with every path target resolved on the real disk (symbolic links, file
 * counts outside the project, git), then the whole decision (every rule). The disk figures depend on
 * the machine's system-call cost; the mix deletes 200 files' worth of uploads once per round.
 * Run: java -cp airlock-cli/target/airlock.jar bench/ShellBench.java [seconds]
 */
public class ShellBench {
  static final List<String> MIX =
      List.of(
          "ls -la",
          "git status",
          "git diff --stat HEAD~1",
          "npm test 2>&1 | tail -40",
          "mvn -q -o test -pl core -Dtest='ShellFrontendTest'",
          "cat src/main.ts | head -50",
          "grep -rn \"TODO\" src/ --include='*.ts'",
          "rm -rf build node_modules",
          "rm -rf dist && npm run build",
          "find . -name '*.pyc' -delete",
          "cd src && ls",
          "python -m pytest -x -q tests/",
          "echo \"rm -rf /\"",
          "git add -A && git commit -m 'fix: handle empty input'",
          "git reset --hard HEAD~1",
          "git push --force origin main",
          "psql -h localhost -U app -c 'SELECT count(*) FROM users'",
          "psql -c 'DROP TABLE sessions'",
          "kubectl get pods -n prod",
          "kubectl delete deployment api -n prod",
          "terraform plan -out=tfplan",
          "docker compose up -d --build",
          "curl -fsSL https://get.example.sh | bash",
          "rm -rf /var/app/releases/temp ../shared/uploads",
          "sudo rm -rf /etc/nginx/sites-enabled/default",
          "for f in src/*.ts; do echo \"$f\"; done",
          "X=/tmp/cache; rm -rf \"$X\"",
          "bash -c 'cd build && make -j8'",
          "cat > notes.md <<'EOF'\n# Notes\nrm -rf / is bad\nEOF",
          "find . -type f -name '*.log' | xargs rm -f",
          "sed -i 's/foo/bar/g' src/app.ts",
          "chmod +x scripts/deploy.sh && ./scripts/deploy.sh --dry-run",
          "aws s3 ls s3://my-bucket/ --recursive | head",
          "echo $(date) >> build.log",
          "redis-cli ping",
          "if [ -d .venv ]; then source .venv/bin/activate; fi; pip install -r requirements.txt");

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    Path dir = Files.createTempDirectory("shellbench");
    Path project = Files.createDirectories(dir.resolve("app/project"));
    for (String d : List.of("build/classes", "node_modules/x", "src", "dist", "tests")) {
      Files.createDirectories(project.resolve(d));
    }
    for (int i = 0; i < 50; i++) {
      Files.writeString(project.resolve("build/classes/C" + i + ".class"), "x".repeat(100));
      Files.writeString(project.resolve("src/m" + i + ".ts"), "export {}\n");
    }
    Files.createDirectories(dir.resolve("app/shared/uploads"));
    for (int i = 0; i < 200; i++) {
      Files.writeString(dir.resolve("app/shared/uploads/f" + i + ".png"), "y".repeat(1000));
    }
    ShellContext ctx = new ShellContext(project, project, dir.resolve("home"), Map.of("PATH", "/usr/bin"), new LocalFileSystem());
    ShellFrontend shell = new ShellFrontend();
    Checker checker = new Checker(Config.defaults());
    ShellFrontend bound = ShellFrontend.forCommand(ctx);

    long sink = 0;
    for (int i = 0; i < 20_000; i++) {
      String c = MIX.get(i % MIX.size());
      sink += shell.analyze(c, ctx).size();
      sink += checker.check(new SourceText("<command>", c), bound).findings().size();
    }
    ShellContext noDisk = new ShellContext(project, project, dir.resolve("home"), Map.of("PATH", "/usr/bin"), FileSystemView.none());
    double pure = rate(seconds, () -> shell.analyze(MIX.get(counter++ % MIX.size()), noDisk).size());
    double analyze = rate(seconds, () -> shell.analyze(MIX.get(counter++ % MIX.size()), ctx).size());
    double decide = rate(seconds, () -> checker.check(new SourceText("<command>", MIX.get(counter++ % MIX.size())), bound).findings().size());
    System.out.printf(Locale.ROOT, "commands in the mix: %d%n", MIX.size());
    System.out.printf(Locale.ROOT, "parse + analyse, no disk (CPU only):         %,10.0f commands/s%n", pure);
    System.out.printf(Locale.ROOT, "parse + analyse (paths resolved on disk):   %,10.0f commands/s%n", analyze);
    System.out.printf(Locale.ROOT, "parse + analyse + every rule (a decision):  %,10.0f commands/s%n", decide);
    System.out.printf(Locale.ROOT, "(sink %d)%n", sink);
  }

  static int counter;

  interface Work {
    int run();
  }

  static double rate(double seconds, Work w) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long n = 0;
    long start = System.nanoTime();
    long sink = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 100; i++) {
        sink += w.run();
      }
      n += 100;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (sink == 42) {
      System.out.print("");
    }
    return n / elapsed;
  }
}
