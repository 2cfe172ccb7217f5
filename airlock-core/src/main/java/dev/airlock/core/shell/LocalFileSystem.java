package dev.airlock.core.shell;

import dev.airlock.core.operation.PathTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The real disk through java.nio. Git questions are answered from the repository's index file
 * ({@code .git/index}, versions 2 to 4), read once per change and cached, so no git process is
 * started. Every walk is bounded; every error answers "missing" or "unknown".
 */
public final class LocalFileSystem implements FileSystemView {
  private static final int MAX_INDEX_BYTES = 64 << 20;
  /** Real paths and repository look-ups are kept this long: a decision makes the same ones repeatedly. */
  private static final long CACHE_NANOS = 1_000_000_000L;

  private final Map<Path, GitIndex> indexes = new ConcurrentHashMap<>();
  private final Map<Path, Cached<Optional<Path>>> realPaths = new ConcurrentHashMap<>();
  private final Map<Path, Cached<Optional<Repo>>> repositories = new ConcurrentHashMap<>();

  private record Cached<T>(T value, long at) {
    boolean fresh() {
      return System.nanoTime() - at < CACHE_NANOS;
    }
  }

  @Override
  public boolean known() {
    return true;
  }

  @Override
  public boolean exists(Path path) {
    return Files.exists(path);
  }

  @Override
  public boolean isDirectory(Path path) {
    return Files.isDirectory(path);
  }

  @Override
  public boolean isSymbolicLink(Path path) {
    return Files.isSymbolicLink(path);
  }

  @Override
  public Optional<Path> toRealPath(Path path) {
    Cached<Optional<Path>> c = realPaths.get(path);
    if (c != null && c.fresh()) {
      return c.value();
    }
    Optional<Path> real;
    try {
      real = Optional.of(path.toRealPath());
    } catch (IOException | SecurityException e) {
      real = Optional.empty();
    }
    if (realPaths.size() > 10_000) {
      realPaths.clear();
    }
    realPaths.put(path, new Cached<>(real, System.nanoTime()));
    return real;
  }

  @Override
  public List<Path> list(Path directory, int limit) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
      for (Path child : children) {
        out.add(child);
        if (out.size() >= limit) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    out.sort(null);
    return out;
  }

  @Override
  public List<Path> glob(Path directory, String pattern, int limit) {
    List<Path> current = List.of(directory);
    String[] segments = pattern.split("/+");
    for (String segment : segments) {
      if (segment.isEmpty()) {
        continue;
      }
      List<Path> next = new ArrayList<>();
      if (!Glob.hasMagic(segment)) {
        for (Path p : current) {
          Path child = p.resolve(Glob.unescape(segment));
          if (Files.exists(child, LinkOption.NOFOLLOW_LINKS)) {
            next.add(child);
          }
        }
      } else {
        Pattern regex = Glob.toRegex(segment);
        boolean dots = segment.startsWith(".");
        for (Path p : current) {
          for (Path child : list(p, 10_000)) {
            String name = child.getFileName().toString();
            if ((dots || !name.startsWith(".")) && regex.matcher(name).matches()) {
              next.add(child);
              if (next.size() >= limit) {
                break;
              }
            }
          }
        }
      }
      current = next;
      if (current.isEmpty()) {
        return List.of();
      }
    }
    List<Path> out = new ArrayList<>(current.subList(0, Math.min(limit, current.size())));
    out.sort(null);
    return out;
  }

  @Override
  public PathTarget.Contents contents(Path path, int maxEntries) {
    long[] counts = new long[3]; // files, bytes, entries
    Instant[] newest = new Instant[1];
    String[] newestFile = new String[1];
    boolean[] truncated = new boolean[1];
    try {
      Files.walkFileTree(
          path,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return ++counts[2] > maxEntries ? stop() : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (++counts[2] > maxEntries) {
                return stop();
              }
              counts[0]++;
              counts[1] += attrs.isRegularFile() ? attrs.size() : 0;
              Instant t = attrs.lastModifiedTime().toInstant();
              if (newest[0] == null || t.isAfter(newest[0])) {
                newest[0] = t;
                newestFile[0] = path.equals(file) ? file.getFileName().toString() : path.relativize(file).toString();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }

            private FileVisitResult stop() {
              truncated[0] = true;
              return FileVisitResult.TERMINATE;
            }
          });
    } catch (IOException | RuntimeException e) {
      // what was counted stands
    }
    return new PathTarget.Contents(
        counts[0], counts[1], Optional.ofNullable(newest[0]), Optional.ofNullable(newestFile[0]), truncated[0]);
  }

  @Override
  public Optional<Path> gitTopLevel(Path path) {
    return repository(path).map(Repo::top);
  }

  @Override
  public PathTarget.Git git(Path path) {
    Optional<Repo> repo = repository(path);
    if (repo.isEmpty()) {
      return PathTarget.Git.NO_REPOSITORY;
    }
    Optional<GitIndex> index = index(repo.get());
    if (index.isEmpty()) {
      return PathTarget.Git.UNKNOWN;
    }
    String rel = relative(repo.get().top(), path);
    if (rel == null) {
      return PathTarget.Git.UNKNOWN;
    }
    GitIndex ix = index.get();
    if (!rel.isEmpty() && ix.contains(rel)) {
      return PathTarget.Git.TRACKED;
    }
    int[] range = ix.under(rel);
    if (range[1] <= range[0]) {
      return PathTarget.Git.UNTRACKED;
    }
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return PathTarget.Git.UNTRACKED;
    }
    // Any file under the directory that the index does not know makes it partly tracked.
    boolean[] untracked = new boolean[1];
    int[] seen = new int[1];
    Path top = repo.get().top();
    try {
      Files.walkFileTree(
          path,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.getFileName() != null && dir.getFileName().toString().equals(".git")) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return ++seen[0] > 5000 ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (!ix.contains(top.relativize(file).toString().replace('\\', '/'))) {
                untracked[0] = true;
                return FileVisitResult.TERMINATE;
              }
              return ++seen[0] > 5000 ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | RuntimeException e) {
      return PathTarget.Git.PARTLY_TRACKED;
    }
    return untracked[0] ? PathTarget.Git.PARTLY_TRACKED : PathTarget.Git.TRACKED;
  }

  @Override
  public OptionalInt modifiedTrackedFiles(Path path, int limit) {
    Optional<Repo> repo = repository(path);
    if (repo.isEmpty()) {
      return OptionalInt.empty();
    }
    Optional<GitIndex> index = index(repo.get());
    String rel = relative(repo.get().top(), path);
    if (index.isEmpty() || rel == null) {
      return OptionalInt.empty();
    }
    GitIndex ix = index.get();
    int[] range = ix.contains(rel) ? ix.exact(rel) : ix.under(rel);
    int modified = 0;
    int checked = 0;
    for (int i = range[0]; i < range[1] && modified < limit && checked < 50_000; i++, checked++) {
      Path file = repo.get().top().resolve(ix.paths[i]);
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long mtime = a.lastModifiedTime().toInstant().getEpochSecond();
        if (a.size() != ix.sizes[i] || mtime != ix.mtimes[i]) {
          modified++;
        }
      } catch (IOException | RuntimeException e) {
        modified++; // deleted in the work tree
      }
    }
    return OptionalInt.of(modified);
  }

  @Override
  public Optional<String> read(Path path, int maxBytes) {
    try {
      if (!Files.isRegularFile(path) || Files.size(path) > maxBytes) {
        return Optional.empty();
      }
      return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String relative(Path top, Path path) {
    Path abs = path.toAbsolutePath().normalize();
    if (!abs.startsWith(top)) {
      Optional<Path> real = Optional.empty();
      try {
        real = Optional.of(abs.toRealPath());
      } catch (IOException | RuntimeException e) {
        // keep the normalised path
      }
      if (real.isEmpty() || !real.get().startsWith(top)) {
        return null;
      }
      abs = real.get();
    }
    return top.relativize(abs).toString().replace('\\', '/');
  }

  private record Repo(Path top, Path gitDir) {}

  private Optional<Repo> repository(Path path) {
    Cached<Optional<Repo>> c = repositories.get(path);
    if (c != null && c.fresh()) {
      return c.value();
    }
    Optional<Repo> repo = findRepository(path);
    if (repositories.size() > 10_000) {
      repositories.clear();
    }
    repositories.put(path, new Cached<>(repo, System.nanoTime()));
    return repo;
  }

  private Optional<Repo> findRepository(Path path) {
    Path p = path.toAbsolutePath().normalize();
    while (p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      p = p.getParent();
    }
    try {
      if (p != null) {
        p = toRealPath(p).orElseThrow(() -> new IOException("gone"));
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    for (int depth = 0; p != null && depth < 64; p = p.getParent(), depth++) {
      Path dotGit = p.resolve(".git");
      if (Files.isDirectory(dotGit)) {
        return Optional.of(new Repo(p, dotGit));
      }
      if (Files.isRegularFile(dotGit)) {
        try {
          String text = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
          if (text.startsWith("gitdir:")) {
            return Optional.of(new Repo(p, p.resolve(text.substring(7).strip()).normalize()));
          }
        } catch (IOException | RuntimeException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private Optional<GitIndex> index(Repo repo) {
    Path file = repo.gitDir().resolve("index");
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      long stamp = a.lastModifiedTime().toMillis() * 31 + a.size();
      GitIndex cached = indexes.get(file);
      if (cached != null && cached.stamp == stamp) {
        return Optional.of(cached);
      }
      if (!a.isRegularFile() || a.size() > MAX_INDEX_BYTES) {
        return Optional.empty(); // a FIFO or device would block the decision
      }
      Optional<GitIndex> read = GitIndex.read(Files.readAllBytes(file), stamp);
      read.ifPresent(ix -> indexes.put(file, ix));
      return read;
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The paths, sizes and modification times of a git index, sorted by path as git keeps them. */
  static final class GitIndex {
    final long stamp;
    final String[] paths;
    final long[] sizes;
    final long[] mtimes;

    private GitIndex(long stamp, String[] paths, long[] sizes, long[] mtimes) {
      this.stamp = stamp;
      this.paths = paths;
      this.sizes = sizes;
      this.mtimes = mtimes;
    }

    static Optional<GitIndex> read(byte[] b, long stamp) {
      if (b.length < 12 || b[0] != 'D' || b[1] != 'I' || b[2] != 'R' || b[3] != 'C') {
        return Optional.empty();
      }
      int version = int32(b, 4);
      int count = int32(b, 8);
      if (version < 2 || version > 4 || count < 0 || count > b.length / 40 + 1) {
        return Optional.empty();
      }
      String[] paths = new String[count];
      long[] sizes = new long[count];
      long[] mtimes = new long[count];
      int pos = 12;
      String previous = "";
      for (int i = 0; i < count; i++) {
        int start = pos;
        if (pos + 62 > b.length) {
          return Optional.empty();
        }
        mtimes[i] = int32(b, pos + 8) & 0xFFFFFFFFL;
        sizes[i] = int32(b, pos + 36) & 0xFFFFFFFFL;
        int flags = ((b[pos + 60] & 0xFF) << 8) | (b[pos + 61] & 0xFF);
        pos += 62;
        if ((flags & 0x4000) != 0 && version >= 3) {
          pos += 2;
        }
        if (version == 4) {
          long strip = 0;
          int c = b[pos++] & 0xFF;
          strip = c & 127;
          while ((c & 128) != 0) {
            strip += 1;
            c = b[pos++] & 0xFF;
            strip = (strip << 7) + (c & 127);
          }
          int end = pos;
          while (end < b.length && b[end] != 0) {
            end++;
          }
          byte[] prev = previous.getBytes(StandardCharsets.UTF_8);
          int keep = (int) Math.max(0, prev.length - strip);
          byte[] name = Arrays.copyOf(prev, keep + (end - pos));
          System.arraycopy(b, pos, name, keep, end - pos);
          previous = new String(name, StandardCharsets.UTF_8);
          pos = end + 1;
        } else {
          int end = pos;
          while (end < b.length && b[end] != 0) {
            end++;
          }
          previous = new String(b, pos, end - pos, StandardCharsets.UTF_8);
          int length = end - start;
          pos = start + ((length + 8) & ~7);
        }
        paths[i] = previous;
      }
      // Entries are sorted by bytes; stage entries of a conflict repeat a path, harmlessly.
      return Optional.of(new GitIndex(stamp, paths, sizes, mtimes));
    }

    private static int int32(byte[] b, int at) {
      return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    boolean contains(String path) {
      return Arrays.binarySearch(paths, path, GitIndex::compare) >= 0;
    }

    int[] exact(String path) {
      int i = Arrays.binarySearch(paths, path, GitIndex::compare);
      return i >= 0 ? new int[] {i, i + 1} : new int[] {0, 0};
    }

    /** The index range of the entries under a directory ("" for all). */
    int[] under(String dir) {
      if (dir.isEmpty()) {
        return new int[] {0, paths.length};
      }
      String prefix = dir + "/";
      int lo = lowerBound(prefix);
      int hi = lo;
      while (hi < paths.length && paths[hi].startsWith(prefix)) {
        hi++;
      }
      return new int[] {lo, hi};
    }

    private int lowerBound(String key) {
      int lo = 0;
      int hi = paths.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (compare(paths[mid], key) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** Git orders by unsigned bytes; for UTF-8 that is code point order. */
    private static int compare(String a, String b) {
      int n = Math.min(a.length(), b.length());
      for (int i = 0; i < n; i++) {
        int d = a.charAt(i) - b.charAt(i);
        if (d != 0) {
          return d;
        }
      }
      return a.length() - b.length();
    }
  }
}
