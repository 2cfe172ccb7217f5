package dev.airlock.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code airlock hook-server}: a warm process that answers hook calls, so that an agent's hook
 * costs a bash start and a loopback round trip (about 10 ms) instead of a JVM start (300-600 ms
 * on these machines). {@code bin/airlock hook ...} is its client; when the server is missing,
 * stale or silent the client answers through a JVM of its own, so the server only ever makes a
 * call faster, never different.
 *
 * <p>The server listens on 127.0.0.1 only. It writes two random secrets to {@code
 * $AIRLOCK_HOME/hookd/server} (mode 0600): a call must carry the first, and every answer starts
 * with the second, so neither another local user's call nor another process that took the port
 * of a dead server is ever trusted. It
 * exits after {@code --idle-seconds} without calls, and when the jar it runs from changes (the
 * next call is then answered by a fresh JVM, which starts a new server).
 *
 * <p>The wire format is one the bash client can write with builtins alone: a request is a list
 * of fields, each its byte length in decimal, a newline, then the bytes: the token, the working
 * directory, the argument count and arguments, the environment count and {@code NAME=value}
 * entries, then stdin. The answer is one line {@code <proof> <exit> <stdout bytes> <stderr bytes>}
 * followed by both streams.
 */
final class HookServer {
  /** The answer when this server's jar was replaced: the client must not trust it. */
  static final int STALE = 75;

  private static final int MAX_FIELD_BYTES = 2 << 20;
  private static final int MAX_FIELDS = 10_000;
  private static final int READ_TIMEOUT_MS = 15_000;

  private final Path dir;
  private final long idleMillis;
  private final String token;
  private final String proof;
  private final Optional<Path> jar;
  private final Optional<FileTime> jarTime;
  private final AtomicLong lastCall = new AtomicLong(System.currentTimeMillis());
  private volatile boolean stopping;

  private HookServer(Path dir, long idleMillis) {
    this.dir = dir;
    this.idleMillis = idleMillis;
    SecureRandom random = new SecureRandom();
    this.token = secret(random);
    this.proof = secret(random);
    this.jar = ownJar();
    this.jarTime = jar.flatMap(HookServer::modified);
  }

  /** {@code args[0]} is "hook-server". Runs until idle or replaced; returns the exit code. */
  static int run(String[] args, PrintWriter err, Map<String, String> env) {
    long idleSeconds = 1800;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--idle-seconds") && i + 1 < args.length && args[i + 1].matches("\\d{1,7}")) {
        idleSeconds = Long.parseLong(args[++i]);
      } else {
        err.println("airlock: hook-server: unknown option `" + args[i] + "` (known: --idle-seconds N)");
        return Main.ERROR;
      }
    }
    Path dir = AuditLog.home(env).resolve("hookd");
    try {
      return new HookServer(dir, idleSeconds * 1000).serve(err);
    } catch (IOException e) {
      err.println("airlock: hook-server: " + Main.oneLine(e));
      return Main.ERROR;
    }
  }

  private int serve(PrintWriter err) throws IOException {
    Files.createDirectories(dir);
    try (FileChannel lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock()) {
      if (lock == null) {
        return Main.OK; // another server is running for this AIRLOCK_HOME
      }
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        socket.setSoTimeout(1000);
        publish(socket.getLocalPort());
        ExecutorService calls = Executors.newFixedThreadPool(4, r -> {
          Thread t = new Thread(r, "airlock-hook-call");
          t.setDaemon(true);
          return t;
        });
        try {
          while (!stopping && System.currentTimeMillis() - lastCall.get() < idleMillis) {
            Socket client;
            try {
              client = socket.accept();
            } catch (SocketTimeoutException e) {
              continue;
            }
            lastCall.set(System.currentTimeMillis());
            calls.execute(() -> answer(client));
          }
        } finally {
          Files.deleteIfExists(dir.resolve("server"));
          calls.shutdown();
        }
      }
    }
    return Main.OK;
  }

  private static String secret(SecureRandom random) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Writes port and secrets where only this user can read them, atomically. */
  private void publish(int port) throws IOException {
    Path tmp = dir.resolve("server." + ProcessHandle.current().pid());
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, port + "\n" + token + "\n" + ProcessHandle.current().pid() + "\n" + proof + "\n");
    Files.move(tmp, dir.resolve("server"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private void answer(Socket client) {
    try (client) {
      client.setSoTimeout(READ_TIMEOUT_MS);
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      if (!MessageDigest.isEqual(field(in), token.getBytes(StandardCharsets.US_ASCII))) {
        return; // not our client: say nothing
      }
      if (replaced()) {
        stopping = true;
        reply(out, STALE, new byte[0], "airlock: hook-server: the jar changed; this server stops\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      Path cwd = Path.of(text(field(in)));
      String[] args = new String[count(in)];
      for (int i = 0; i < args.length; i++) {
        args[i] = text(field(in));
      }
      Map<String, String> env = new HashMap<>();
      for (int i = count(in); i > 0; i--) {
        String entry = text(field(in));
        int eq = entry.indexOf('=');
        if (eq > 0) {
          env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
      }
      InputStream stdin = new ByteArrayInputStream(field(in));
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      int code;
      if (args.length >= 2 && args[0].equals("hook") && Agent.byId(args[1]).isPresent()) {
        // a fresh view of the disk per call, as a JVM of its own would have: its short-lived
        // caches (real paths, repositories) must not outlive a command that changed the disk
        code =
            HookMain.run(
                args,
                stdin,
                new PrintWriter(stdout, false, StandardCharsets.UTF_8),
                new PrintWriter(stderr, false, StandardCharsets.UTF_8),
                Map.copyOf(env),
                cwd);
      } else {
        code = Main.ERROR;
        stderr.writeBytes("airlock: hook-server answers `hook <agent>` calls only\n".getBytes(StandardCharsets.UTF_8));
      }
      reply(out, code, stdout.toByteArray(), stderr.toByteArray());
    } catch (IOException | RuntimeException e) {
      // the client reads no answer and asks a JVM of its own: nothing is lost
    }
  }

  private void reply(OutputStream out, int code, byte[] stdout, byte[] stderr) throws IOException {
    out.write((proof + " " + code + " " + stdout.length + " " + stderr.length + "\n").getBytes(StandardCharsets.US_ASCII));
    out.write(stdout);
    out.write(stderr);
    out.flush();
  }

  /** One field: its byte length in decimal, a newline, the bytes. */
  private static byte[] field(DataInputStream in) throws IOException {
    int length = 0;
    int digits = 0;
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < '0' || b > '9' || ++digits > 8) {
        throw new IOException(b < 0 ? "request ended early" : "malformed field length");
      }
      length = length * 10 + (b - '0');
    }
    if (digits == 0 || length > MAX_FIELD_BYTES) {
      throw new IOException("malformed field length");
    }
    byte[] bytes = new byte[length];
    try {
      in.readFully(bytes);
    } catch (EOFException e) {
      throw new IOException("request ended early", e);
    }
    return bytes;
  }

  private static int count(DataInputStream in) throws IOException {
    String s = text(field(in));
    if (!s.matches("\\d{1,5}") || Integer.parseInt(s) > MAX_FIELDS) {
      throw new IOException("malformed count");
    }
    return Integer.parseInt(s);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private boolean replaced() {
    return jar.isPresent() && !jar.flatMap(HookServer::modified).equals(jarTime);
  }

  /** The jar this class was loaded from; empty when it runs from a class directory (tests). */
  private static Optional<Path> ownJar() {
    try {
      Path p = Path.of(HookServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<FileTime> modified(Path p) {
    try {
      return Optional.of(Files.getLastModifiedTime(p));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
