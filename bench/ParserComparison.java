import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlFrontend;
import dev.airlock.core.sql.SqlStatement;
import dev.airlock.core.sql.StatementSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.StringProvider;

/**
 * Statements/s of Airlock's SQL frontend vs JSqlParser 5.3 on the same corpus, and how many of the
 * corpus statements JSqlParser can parse at all.
 *
 * <pre>
 *   mvn -q dependency:get -Dartifact=com.github.jsqlparser:jsqlparser:5.3
 *   java -cp airlock-cli/target/airlock.jar:$HOME/.m2/repository/com/github/jsqlparser/jsqlparser/5.3/jsqlparser-5.3.jar \
 *       bench/ParserComparison.java bench/out/corpus
 * </pre>
 *
 * The corpus is split with Airlock's StatementSplitter (PostgreSQL); each statement's code text
 * (leading comments and the trailing ';' removed) is what JSqlParser gets. JSqlParser is run three
 * ways, all single-threaded from the caller's point of view:
 *
 * <ol>
 *   <li>{@code CCJSqlParserUtil.parse(String, ExecutorService, null)} with one shared executor: the
 *       code path of parse(String) (8 s timeout per statement, a first try without "complex
 *       parsing" and a retry with it on failure) without a new thread per statement. This pass
 *       covers the whole corpus (stopping at 2x -Dbudget), decides the success rate and finds
 *       pathological statements (slower than -Dslow ms, default 1000), which later passes skip.
 *   <li>{@code CCJSqlParserUtil.parse(String)}: the documented entry point, which creates a new
 *       single-thread executor (a thread) per call. Stops after -Dbudget seconds (default 20).
 *   <li>The direct {@code CCJSqlParser} API on the calling thread (no executor, no timeout):
 *       {@code new CCJSqlParser(new StringProvider(sql)).withAllowComplexParsing(false).Statement()},
 *       retried with complex parsing on failure as parse(String) does; one warm-up and 3 timed
 *       passes of at most -Dbudget/2 seconds each.
 * </ol>
 *
 * Rates are over the statements a pass got through, so the program finishes in about a minute.
 */
public class ParserComparison {
  record Input(String path, String text) {}

  static long sink;

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java -cp airlock.jar:jsqlparser-5.3.jar bench/ParserComparison.java <corpus-dir>");
      System.exit(2);
    }
    double budget = Double.parseDouble(System.getProperty("budget", "20"));
    long slowNanos = Long.getLong("slow", 1000) * 1_000_000L;
    long started = System.nanoTime();

    List<Input> inputs = load(Path.of(args[0]));
    List<String> stmts = new ArrayList<>();
    for (Input in : inputs) {
      for (SqlStatement s : StatementSplitter.split(in.text(), Dialect.POSTGRESQL)) {
        if (s.isEmpty() || s.directive()) {
          continue;
        }
        String code = in.text().substring(s.start(), s.end());
        if (s.terminated() && code.endsWith(";")) {
          code = code.substring(0, code.length() - 1);
        }
        stmts.add(code.strip());
      }
    }
    long stmtChars = stmts.stream().mapToLong(String::length).sum();
    System.out.printf("corpus: %d files, %d statements (StatementSplitter, PostgreSQL), %.1f MB of statement text%n",
        inputs.size(), stmts.size(), stmtChars / 1e6);

    // ---- Airlock frontend -------------------------------------------------------------------
    SqlFrontend frontend = new SqlFrontend(Dialect.POSTGRESQL);
    double[] perFile = timePasses(5, 7, () -> {
      long acc = 0;
      for (Input in : inputs) {
        acc += frontend.parse(new SourceText(in.path(), in.text())).occurrences().size();
      }
      return acc;
    });
    System.out.printf("airlock SqlFrontend.parse, whole files:        median %.3f s/pass = %8.0f stmts/s (best %.0f)%n",
        median(perFile), stmts.size() / median(perFile), stmts.size() / min(perFile));
    double[] perStmt = timePasses(5, 7, () -> {
      long acc = 0;
      for (String s : stmts) {
        acc += frontend.parse(new SourceText("s.sql", s)).occurrences().size();
      }
      return acc;
    });
    double airlockRate = stmts.size() / median(perStmt);
    System.out.printf("airlock SqlFrontend.parse, one stmt at a time: median %.3f s/pass = %8.0f stmts/s (best %.0f)%n",
        median(perStmt), airlockRate, stmts.size() / min(perStmt));

    // ---- JSqlParser: success rate, via parse(String, shared executor) ----------------------
    // Same code path and semantics as parse(String) (8 s timeout per statement, retry with complex
    // parsing on failure) but one executor thread for all statements instead of one per call, so a
    // pass over the whole corpus fits the time limit. It also finds failures and slow statements.
    ExecutorService executor = Executors.newSingleThreadExecutor();
    int warm = Math.min(stmts.size(), 3000);
    for (int i = 0; i < warm; i++) {
      tryParse(stmts.get(i), executor);
    }
    boolean[] slow = new boolean[stmts.size()];
    Map<String, int[]> failuresByHead = new HashMap<>();
    Map<String, String> exampleByHead = new HashMap<>();
    long t0 = System.nanoTime();
    int done = 0;
    int failed = 0;
    for (int i = 0; i < stmts.size(); i++) {
      long s0 = System.nanoTime();
      String err = tryParse(stmts.get(i), executor);
      slow[i] = System.nanoTime() - s0 > slowNanos;
      if (err != null) {
        failed++;
        String head = head(stmts.get(i));
        failuresByHead.computeIfAbsent(head, h -> new int[1])[0]++;
        exampleByHead.putIfAbsent(head, oneLine(stmts.get(i), 100) + "  ->  " + oneLine(err, 100));
      }
      done++;
      if ((System.nanoTime() - t0) / 1e9 > 2 * budget) {
        break;
      }
    }
    double sharedSecs = (System.nanoTime() - t0) / 1e9;
    executor.shutdownNow();
    int slowCount = 0;
    for (boolean b : slow) {
      slowCount += b ? 1 : 0;
    }
    double sharedRate = done / sharedSecs;
    System.out.printf("jsqlparser parse(String, shared executor):      %d stmts in %.2f s = %8.0f stmts/s%s%n",
        done, sharedSecs, sharedRate, done < stmts.size() ? " (stopped at 2x the -Dbudget limit)" : "");
    System.out.printf("jsqlparser success: %d of %d statements parsed = %.1f%% (%d failed, %d slower than %d ms, skipped below)%n",
        done - failed, done, 100.0 * (done - failed) / done, failed, slowCount, slowNanos / 1_000_000);
    failuresByHead.entrySet().stream()
        .sorted((a, b) -> b.getValue()[0] - a.getValue()[0])
        .limit(15)
        .forEach(e -> System.out.printf("  fails %5d x %-30s e.g. %s%n", e.getValue()[0], e.getKey(), exampleByHead.get(e.getKey())));
    int limit = done;

    // ---- JSqlParser: CCJSqlParserUtil.parse(String), as documented -------------------------
    double[] util = jsqlPass(stmts, limit, slow, budget, CCJSqlParserUtil::parse);
    double utilRate = util[1] / util[0];
    System.out.printf("jsqlparser CCJSqlParserUtil.parse(String):      %.0f stmts in %.2f s = %8.0f stmts/s%s%n",
        util[1], util[0], utilRate, util[1] < count(limit, slow) ? " (stopped at the -Dbudget limit)" : "");

    // ---- JSqlParser: direct CCJSqlParser API ---------------------------------------------------
    Parser direct = sql -> {
      try {
        return new CCJSqlParser(new StringProvider(sql)).withAllowComplexParsing(false).Statement();
      } catch (Exception | Error e) { // ParseException, TokenMgrException, StackOverflowError...
        return new CCJSqlParser(new StringProvider(sql)).withAllowComplexParsing(true).Statement();
      }
    };
    jsqlPass(stmts, Math.min(limit, 5000), slow, budget, direct); // extra warm-up on this path
    double[] directRates = new double[3];
    double[] last = null;
    for (int p = 0; p < directRates.length; p++) {
      last = jsqlPass(stmts, limit, slow, budget / 2, direct);
      directRates[p] = last[1] / last[0];
    }
    double directRate = median(directRates);
    System.out.printf("jsqlparser direct CCJSqlParser.Statement():     %.0f stmts/pass, %d passes: median %8.0f stmts/s (best %.0f)%n",
        last[1], directRates.length, directRate, Arrays.stream(directRates).max().orElseThrow());

    System.out.printf("ratio airlock (one stmt at a time) / jsqlparser: %.1fx vs parse(String), %.1fx vs shared executor, %.1fx vs direct API%n",
        airlockRate / utilRate, airlockRate / sharedRate, airlockRate / directRate);
    System.out.printf("total time %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  interface Parser {
    Object parse(String sql) throws Throwable;
  }

  interface Work {
    long run() throws Exception;
  }

  static String tryParse(String sql, ExecutorService executor) {
    try {
      CCJSqlParserUtil.parse(sql, executor, null);
      return null;
    } catch (Throwable e) {
      String m = e.getMessage();
      if (m == null && e.getCause() != null) {
        m = e.getCause().getMessage();
      }
      return m == null ? e.getClass().getSimpleName() : m;
    }
  }

  /** Parses statements [0, limit) except slow ones; returns {seconds, statements parsed}; stops at the budget. */
  static double[] jsqlPass(List<String> stmts, int limit, boolean[] slow, double budget, Parser parser) {
    long t0 = System.nanoTime();
    int n = 0;
    for (int i = 0; i < limit; i++) {
      if (slow[i]) {
        continue;
      }
      try {
        sink += parser.parse(stmts.get(i)) == null ? 0 : 1;
      } catch (Throwable e) {
        sink--;
      }
      n++;
      if ((System.nanoTime() - t0) / 1e9 > budget) {
        break;
      }
    }
    return new double[] {(System.nanoTime() - t0) / 1e9, n};
  }

  static int count(int limit, boolean[] slow) {
    int n = 0;
    for (int i = 0; i < limit; i++) {
      n += slow[i] ? 0 : 1;
    }
    return n;
  }

  static String head(String sql) {
    String[] w = sql.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").split(" ");
    if (w.length >= 3 && w[0].equals("ALTER") && w[1].equals("TABLE")) {
      // ALTER TABLE t <action>: the action says more than the table name
      int i = 2;
      if (w[i].equals("IF") || w[i].equals("ONLY")) {
        i += w[i].equals("IF") ? 2 : 1;
      }
      return "ALTER TABLE .. " + (i + 2 < w.length ? w[i + 1] + " " + w[i + 2] : "");
    }
    return w.length >= 2 ? w[0] + " " + w[1] : w[0];
  }

  static String oneLine(String s, int max) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() > max ? t.substring(0, max) + "..." : t;
  }

  static double[] timePasses(int warmup, int passes, Work work) throws Exception {
    for (int i = 0; i < warmup; i++) {
      sink += work.run();
    }
    double[] t = new double[passes];
    for (int i = 0; i < passes; i++) {
      long t0 = System.nanoTime();
      sink += work.run();
      t[i] = (System.nanoTime() - t0) / 1e9;
    }
    return t;
  }

  static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static double min(double[] x) {
    return Arrays.stream(x).min().orElseThrow();
  }

  static List<Input> load(Path dir) throws IOException {
    List<Input> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".sql")).sorted().toList()) {
        out.add(new Input(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    return out;
  }
}
