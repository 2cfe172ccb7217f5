import dev.airlock.core.check.CheckResult;
import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.policy.Config;
import dev.airlock.core.report.Format;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlFrontend;
import dev.airlock.core.sql.SqlLexer;
import dev.airlock.core.sql.StatementSplitter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * In-process throughput of Airlock's check pipeline (Checker + SqlFrontend, PostgreSQL) on ONE
 * thread, with all files already in memory: no JVM start, no file I/O, no report rendering.
 *
 * <pre>
 *   java -cp airlock-cli/target/airlock.jar bench/InProcessBench.java bench/out/corpus
 *   java -Dwarmup=8 -Dpasses=10 -Dstages=false -cp ... bench/InProcessBench.java DIR
 * </pre>
 *
 * System properties: warmup (default 10 passes), passes (timed, default 15), stages (default true:
 * also time lexing alone, lexing+splitting, and the frontend without rules, to see what
 * dominates).
 */
public class InProcessBench {
  record Input(String path, String text) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java -cp airlock.jar bench/InProcessBench.java <corpus-dir>");
      System.exit(2);
    }
    int warmup = Integer.getInteger("warmup", 10);
    int passes = Integer.getInteger("passes", 15);
    boolean stages = Boolean.parseBoolean(System.getProperty("stages", "true"));

    long tLoad = System.nanoTime();
    List<Input> inputs = load(Path.of(args[0]));
    double loadSecs = (System.nanoTime() - tLoad) / 1e9;
    long bytes = 0;
    for (Input in : inputs) {
      bytes += in.text().getBytes(StandardCharsets.UTF_8).length;
    }
    Checker checker = new Checker(Config.defaults());
    SqlFrontend frontend = new SqlFrontend(Dialect.POSTGRESQL);

    // The first pass runs cold (interpreted code, JIT compiling as it goes): what one CLI run pays.
    long statements = 0;
    long findings = 0;
    List<FileReport> reports = new ArrayList<>();
    long tCold = System.nanoTime();
    for (Input in : inputs) {
      FileReport r = checker.check(new SourceText(in.path(), in.text()), frontend);
      reports.add(r);
      statements += r.statements();
      findings += r.findings().size();
    }
    double coldSecs = (System.nanoTime() - tCold) / 1e9;
    long tRender = System.nanoTime();
    String json = Format.JSON.reporter(false, "bench").render(new CheckResult(reports));
    double renderSecs = (System.nanoTime() - tRender) / 1e9;
    System.out.printf(
        "in-process: %d files, %d statements, %.1f MB, %d findings; JVM flags: %s%n",
        inputs.size(), statements, bytes / 1e6, findings,
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    System.out.printf(
        "cold, once: walk+read the files %.3f s; first check pass (cold JIT) %.3f s = %.0f stmts/s;"
            + " JSON report render %.3f s (%.1f MB)%n",
        loadSecs, coldSecs, statements / coldSecs, renderSecs, json.length() / 1e6);

    Result full =
        measure("Checker+SqlFrontend", inputs, warmup, passes,
            in -> checker.check(new SourceText(in.path(), in.text()), frontend).findings().size());
    full.print(inputs.size(), statements, bytes);
    System.out.printf(
        "in-process target: >= 50000 stmts/s on one core -> median %.0f stmts/s: %s%n",
        statements / full.median(), statements / full.median() >= 50_000 ? "MET" : "NOT MET");

    if (stages) {
      int w = Math.max(3, warmup / 2);
      int p = Math.max(5, passes / 2);
      measure("  stage: lex only (SqlLexer.lex)", inputs, w, p,
          in -> SqlLexer.lex(in.text(), Dialect.POSTGRESQL).size())
          .print(inputs.size(), statements, bytes);
      measure("  stage: lex+split (StatementSplitter.split)", inputs, w, p,
          in -> StatementSplitter.split(in.text(), Dialect.POSTGRESQL).size())
          .print(inputs.size(), statements, bytes);
      measure("  stage: frontend (SqlFrontend.parse, no rules)", inputs, w, p,
          in -> frontend.parse(new SourceText(in.path(), in.text())).occurrences().size())
          .print(inputs.size(), statements, bytes);
    }
  }

  static List<Input> load(Path dir) throws IOException {
    List<Input> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".sql")).sorted().toList()) {
        out.add(new Input(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    if (out.isEmpty()) {
      throw new IOException("no .sql files under " + dir);
    }
    return out;
  }

  record Result(String label, double[] seconds) {
    double min() {
      return Arrays.stream(seconds).min().orElseThrow();
    }

    double median() {
      double[] s = seconds.clone();
      Arrays.sort(s);
      return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    void print(int files, long statements, long bytes) {
      System.out.printf(
          "%s: pass min %.3f s / median %.3f s over %d passes = %.0f stmts/s (best) / %.0f stmts/s (median),"
              + " %.0f files/s (median), %.1f MB/s (median)%n",
          label, min(), median(), seconds.length, statements / min(), statements / median(),
          files / median(), bytes / 1e6 / median());
    }
  }

  static long sink;

  static Result measure(String label, List<Input> inputs, int warmup, int passes, ToLongFunction<Input> work) {
    for (int i = 0; i < warmup; i++) {
      sink += pass(inputs, work);
    }
    double[] seconds = new double[passes];
    for (int i = 0; i < passes; i++) {
      long t0 = System.nanoTime();
      sink += pass(inputs, work);
      seconds[i] = (System.nanoTime() - t0) / 1e9;
    }
    return new Result(label, seconds);
  }

  static long pass(List<Input> inputs, ToLongFunction<Input> work) {
    long acc = 0;
    for (Input in : inputs) {
      acc += work.applyAsLong(in);
    }
    return acc;
  }
}
