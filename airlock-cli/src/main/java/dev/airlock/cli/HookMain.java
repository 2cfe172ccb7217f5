package dev.airlock.cli;

import dev.airlock.core.policy.Config;
import dev.airlock.core.policy.ConfigException;
import dev.airlock.core.policy.Decision;
import dev.airlock.core.policy.Gate;
import dev.airlock.core.shell.FileSystemView;
import dev.airlock.core.shell.LocalFileSystem;
import dev.airlock.core.shell.ShellContext;
import dev.airlock.core.shell.ShellFrontend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code airlock hook <agent>}: the gate an agent calls before every tool call. Runs before
 * picocli is set up (see {@link Main#main}) and loads no JSON library, because it runs before
 * every shell command an agent types. It always answers: malformed input, a bad config, an
 * internal error or a timeout answer "ask" (deny where the agent may ignore ask) with one line,
 * never allow and never a stack trace.
 */
final class HookMain {
  /** How long the agent may take to hand over its input. */
  static final long READ_TIMEOUT_MS = 10_000;

  private static final int MAX_INPUT_BYTES = 1 << 20;

  private static final String USAGE =
      """
      Usage: airlock hook <claude|cursor|gemini|generic> [--ask-as-deny] [--root DIR] [--cwd DIR]
             airlock hook install <claude|cursor|gemini> [--global] [--command CMD]

      Answers an agent's hook call: reads the tool call on stdin and prints allow, ask or deny
      in the agent's protocol. `generic` reads a command line on stdin, prints a JSON decision
      and exits 0 (allow), 1 (ask) or 2 (deny). Every decision is appended to
      $AIRLOCK_HOME/audit.jsonl (default ~/.airlock). See docs/hooks.md.

        --ask-as-deny  answer deny wherever the verdict is ask (agent modes that never ask)
        --root DIR     the project root (default: the agent's project, else the git top level)
        --cwd DIR      the working directory for `generic` (default: this process's)
      """;

  private final Map<String, String> env;
  private final Path processCwd;
  private final FileSystemView disk;

  private HookMain(Map<String, String> env, Path processCwd, FileSystemView disk) {
    this.env = env;
    this.processCwd = processCwd;
    this.disk = disk;
  }

  /** {@code args[0]} is "hook". Returns the exit code. */
  static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Path processCwd) {
    return run(args, in, out, err, env, processCwd, new LocalFileSystem());
  }

  /** As above, on a given view of the disk (tests use a slow one to prove the timeout). */
  static int run(
      String[] args, InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Path processCwd, FileSystemView disk) {
    try {
      return new HookMain(env, processCwd, disk).dispatch(args, in, out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int dispatch(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    if (args.length < 2 || args[1].equals("--help") || args[1].equals("-h")) {
      (args.length < 2 ? err : out).print(USAGE);
      return args.length < 2 ? Main.ERROR : Main.OK;
    }
    if (args[1].equals("install")) {
      return HookInstall.run(args, out, err, env, processCwd);
    }
    Optional<Agent> agent = Agent.byId(args[1]);
    if (agent.isEmpty()) {
      err.println("airlock: hook: unknown agent `" + args[1] + "` (known: claude, cursor, gemini, generic, install)");
      return Main.ERROR;
    }
    boolean askAsDeny = false;
    Optional<Path> root = Optional.empty();
    Optional<Path> cwd = Optional.empty();
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--ask-as-deny" -> askAsDeny = true;
        case "--root", "--cwd" -> {
          if (i + 1 >= args.length) {
            err.println("airlock: hook: " + args[i] + " needs a directory");
            return Main.ERROR;
          }
          Path p = processCwd.resolve(args[++i]).normalize();
          if (args[i - 1].equals("--root")) {
            root = Optional.of(p);
          } else {
            cwd = Optional.of(p);
          }
        }
        default -> {
          err.println("airlock: hook: unknown option `" + args[i] + "`; run 'airlock hook --help'");
          return Main.ERROR;
        }
      }
    }
    return answer(agent.get(), askAsDeny, root, cwd.orElse(processCwd), in, out, err);
  }

  private int answer(
      Agent agent, boolean askAsDeny, Optional<Path> rootOption, Path defaultCwd, InputStream in, PrintWriter out, PrintWriter err) {
    long start = System.nanoTime();
    HookRequest request = null;
    Decision decision;
    try {
      if (env.containsKey("AIRLOCK_HOOK_INPUT_TIMEOUT")) {
        // bin/airlock read stdin first and it did not end in time
        throw new TimeoutException("no complete input on stdin within " + READ_TIMEOUT_MS / 1000 + " s");
      }
      String stdin = read(in);
      request = agent.read(stdin, defaultCwd.toString(), env);
      decision = decide(request, rootOption);
    } catch (Agent.BadInput e) {
      decision = Decision.failClosed(e.getMessage());
    } catch (TimeoutException e) {
      decision = Decision.failClosed(e.getMessage());
    } catch (ConfigException e) {
      decision = Decision.failClosed("invalid config: " + e.getMessage());
    } catch (IOException e) {
      decision = Decision.failClosed("cannot read input: " + Main.oneLine(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      decision = Decision.failClosed("interrupted");
    } catch (RuntimeException | Error e) {
      decision = Decision.failClosed("internal error: " + Main.oneLine(e));
    }
    Agent.Answer answer = agent.answer(decision, askAsDeny);
    out.println(answer.stdout());
    out.flush();
    try {
      AuditLog.append(AuditLog.home(env), audit(agent, request, decision, answer, start));
    } catch (IOException | RuntimeException e) {
      // the decision stands; the agent reads stdout, a person reads this
      err.println("airlock: could not write the audit log: " + Main.oneLine(e));
    }
    return answer.exitCode();
  }

  private Decision decide(HookRequest request, Optional<Path> rootOption)
      throws IOException, TimeoutException, InterruptedException {
    if (request.command().isEmpty() && request.filePath().isEmpty()) {
      return Decision.allow("`" + request.tool() + "` is neither a shell nor a file tool");
    }
    Path cwd = processCwd.resolve(request.cwd()).normalize();
    Path root =
        rootOption.or(() -> request.projectDir().map(p -> cwd.resolve(p).normalize())).orElseGet(() -> ProjectConfig.root(Optional.empty(), cwd));
    Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home", "/")));
    Config config = ProjectConfig.load(root);
    Gate gate = new Gate(config, root, home);
    if (request.filePath().isPresent()) {
      return gate.decideFile(cwd.resolve(request.filePath().get()).normalize().toString());
    }
    String command = request.command().get();
    Optional<Decision> trusted = gate.trusted(command);
    if (trusted.isPresent()) {
      return trusted.get();
    }
    ShellContext context = new ShellContext(cwd, root, home, env, disk);
    long timeoutMs = config.hook().timeout().toMillis();
    CompletableFuture<Decision> result = new CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                result.complete(gate.decide(command, new ShellFrontend(context).analyze(command, context)));
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            },
            "airlock-hook-analysis");
    worker.setDaemon(true);
    worker.start();
    try {
      return result.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException("analysis took longer than " + timeoutMs + " ms (hook.timeout-ms)");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error x) {
        throw x;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Reads stdin with a size bound and a time bound. */
  private static String read(InputStream in) throws IOException, TimeoutException, InterruptedException {
    CompletableFuture<byte[]> bytes = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                byte[] chunk = new byte[8192];
                int n;
                while ((n = in.read(chunk)) > 0) {
                  buf.write(chunk, 0, n);
                  if (buf.size() > MAX_INPUT_BYTES) {
                    throw new IOException("input larger than 1 MiB");
                  }
                }
                bytes.complete(buf.toByteArray());
              } catch (Throwable t) {
                bytes.completeExceptionally(t);
              }
            },
            "airlock-hook-stdin");
    reader.setDaemon(true);
    reader.start();
    try {
      return new String(bytes.get(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
    } catch (TimeoutException e) {
      throw new TimeoutException("no complete input on stdin within " + READ_TIMEOUT_MS / 1000 + " s");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(Main.oneLine(e.getCause()), e.getCause());
    }
  }

  private static Map<String, Object> audit(Agent agent, HookRequest r, Decision d, Agent.Answer a, long start) {
    long ms = (System.nanoTime() - start) / 1_000_000;
    return HookJson.object(
        "time", Instant.now().toString(),
        "agent", agent.id(),
        "session", r == null ? null : r.session().orElse(null),
        "cwd", r == null ? null : r.cwd(),
        "tool", r == null ? null : r.tool(),
        "command", r == null ? null : r.command().orElse(null),
        "file", r == null ? null : r.filePath().orElse(null),
        "decision", a.verdict().id(),
        "rule", d.ruleId().orElse(null),
        "targets", d.targets(),
        "reason", d.reason(),
        "failed_closed", d.failedClosed(),
        "ms", ms);
  }
}
