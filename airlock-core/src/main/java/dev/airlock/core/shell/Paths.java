package dev.airlock.core.shell;

import dev.airlock.core.operation.PathTarget;
import dev.airlock.core.operation.PathTarget.Place;
import dev.airlock.core.shell.Expander.Arg;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Resolves path arguments to {@link PathTarget}s: cwd, {@code ..}, globs, symbolic links, places. */
final class Paths {
  static final int MAX_GLOB_TARGETS = 64;
  static final int OUTSIDE_COUNT_LIMIT = 20_000;
  static final int PROJECT_COUNT_LIMIT = 2_000;

  private static final Set<String> SYSTEM_DIRS =
      Set.of(
          "/", "/etc", "/usr", "/var", "/bin", "/sbin", "/boot", "/lib", "/lib32", "/lib64", "/libx32", "/opt", "/srv",
          "/root", "/home", "/Users", "/dev", "/proc", "/sys", "/run", "/mnt", "/media", "/snap", "/nix", "/tmp",
          "/var/tmp", "/private", "/private/tmp", "/private/var", "/System", "/Library", "/Applications", "/Volumes",
          "/usr/local", "/usr/bin", "/usr/lib", "/usr/share", "/var/lib", "/var/log", "/var/www", "/var/cache");
  private static final List<String> SYSTEM_TREES =
      List.of("/etc/", "/usr/", "/bin/", "/sbin/", "/boot/", "/lib/", "/lib32/", "/lib64/", "/libx32/", "/dev/", "/proc/", "/sys/",
          "/System/", "/var/lib/dpkg/", "/var/lib/rpm/");
  private static final Set<String> HARMLESS_DEVICES =
      Set.of("/dev/null", "/dev/zero", "/dev/stdout", "/dev/stderr", "/dev/stdin", "/dev/tty", "/dev/random", "/dev/urandom", "/dev/full");

  private final ShellContext ctx;
  private final boolean detailed;
  private final String tmpDir;
  private Path realRoot;
  private Path realHome;
  private boolean projectInTemp;
  private boolean noProject;
  private boolean insideWork;

  /**
   * @param detailed count files and ask git for every target (a dry run), not only for targets
   *     outside the project (a decision)
   */
  Paths(ShellContext ctx, boolean detailed) {
    this.ctx = ctx;
    this.detailed = detailed;
    String t = ctx.env().get("TMPDIR");
    this.tmpDir = t == null || t.isBlank() ? null : stripSlash(t);
  }

  /** The real project root and home, resolved on first use: most commands have no path target. */
  private void roots() {
    if (realRoot == null) {
      realRoot = ctx.fs().toRealPath(ctx.projectRoot()).orElse(ctx.projectRoot());
      realHome = ctx.fs().toRealPath(ctx.home()).orElse(ctx.home());
      projectInTemp = isTemp(realRoot.toString()) || isTemp(ctx.projectRoot().toString());
      // Run from / or ~ (no repository above): that directory is no project, or every delete
      // under it would count as ordinary work. A dotfiles repository at ~ is no project either.
      noProject = SYSTEM_DIRS.contains(stripSlash(realRoot.toString())) || realHome.startsWith(realRoot) || ctx.home().startsWith(ctx.projectRoot());
    }
  }

  static boolean harmlessDevice(String path) {
    return HARMLESS_DEVICES.contains(path) || path.startsWith("/dev/fd/") || path.startsWith("/proc/self/fd/");
  }

  /** find's start paths: with a filter, what lies in the project is ordinary work. */
  List<PathTarget> resolveAll(List<Arg> args, Path cwd, String host, boolean insideWork) {
    boolean saved = this.insideWork;
    this.insideWork = insideWork;
    try {
      List<PathTarget> out = new ArrayList<>();
      for (Arg a : args) {
        out.addAll(resolve(a, cwd, false, host));
      }
      return out;
    } finally {
      this.insideWork = saved;
    }
  }

  /**
   * The targets of one path argument.
   *
   * @param cwd the working directory, or null when it is not known
   * @param followFinal whether a symbolic link at the end is followed (a trailing slash, {@code >})
   * @param host the remote host, or null
   */
  List<PathTarget> resolve(Arg arg, Path cwd, boolean followFinal, String host) {
    String written = arg.written().isEmpty() ? arg.text() : arg.written();
    List<String> notes = new ArrayList<>();
    for (String v : arg.emptyVars()) {
      notes.add("`$" + v + "` is not set here, so it expands to nothing");
    }
    if (!arg.known()) {
      PathTarget t = PathTarget.unknown(written, arg.unknown());
      return List.of(withNotes(t, notes));
    }
    String text = arg.text();
    if (host != null) {
      Place place = text.startsWith("/") && isSystem(normalizeText(text)) ? Place.SYSTEM : Place.REMOTE;
      return List.of(
          new PathTarget(written, text.isEmpty() ? "~" : text, place, Optional.of(host), Optional.empty(), false, false, Optional.empty(), PathTarget.Git.UNKNOWN, notes));
    }
    if (text.isEmpty()) {
      notes.add("an empty path");
      return List.of(new PathTarget(written, "", Place.UNKNOWN, Optional.empty(), Optional.empty(), false, false, Optional.empty(), PathTarget.Git.UNKNOWN, notes));
    }
    if (isWindows(text)) {
      String norm = text.replace('/', '\\');
      boolean system = norm.matches("(?i)[a-z]:\\\\?") || norm.matches("(?i)[a-z]:\\\\(windows|program files|program files \\(x86\\)|users|programdata)\\\\?");
      return List.of(new PathTarget(written, norm, system ? Place.SYSTEM : Place.OUTSIDE, Optional.empty(), Optional.empty(), false, false, Optional.empty(), PathTarget.Git.UNKNOWN, notes));
    }
    if (cwd == null && !text.startsWith("/")) {
      notes.add("the working directory is not known here");
      return List.of(withNotes(PathTarget.unknown(written, "relative to an unknown directory"), notes));
    }
    Path abs;
    try {
      abs = text.startsWith("/") ? Path.of(text) : cwd.resolve(text);
    } catch (InvalidPathException e) {
      notes.add("not a valid path");
      return List.of(new PathTarget(written, text, Place.UNKNOWN, Optional.empty(), Optional.empty(), false, false, Optional.empty(), PathTarget.Git.UNKNOWN, notes));
    }
    boolean trailingSlash = text.endsWith("/") || text.endsWith("/.");
    if (arg.glob()) {
      return glob(arg, written, cwd, notes);
    }
    return List.of(target(written, abs, followFinal || trailingSlash, notes));
  }

  private List<PathTarget> glob(Arg arg, String written, Path cwd, List<String> notes) {
    String pattern = arg.pattern();
    boolean absolute = pattern.startsWith("/");
    String[] segments = pattern.split("/");
    StringBuilder fixed = new StringBuilder(absolute ? "/" : "");
    int i = 0;
    for (; i < segments.length; i++) {
      if (Glob.hasMagic(segments[i])) {
        break;
      }
      if (!segments[i].isEmpty()) {
        fixed.append(Expander.unescape(segments[i])).append('/');
      }
    }
    StringBuilder rest = new StringBuilder();
    for (int j = i; j < segments.length; j++) {
      if (rest.length() > 0) {
        rest.append('/');
      }
      rest.append(segments[j]);
    }
    Path base = absolute ? Path.of(fixed.toString()) : cwd.resolve(fixed.toString());
    Path realBase = realOf(base.normalize(), true);
    Place basePlace = place(realBase);
    boolean everything = i == segments.length - 1 && isStarAll(segments[i]);
    List<java.nio.file.Path> matches = ctx.fs().glob(realBase, rest.toString(), MAX_GLOB_TARGETS + 1);
    if (everything && basePlace != Place.PROJECT && basePlace != Place.TEMP) {
      // rm -rf dir/* empties the directory: judge the directory, not each entry.
      List<String> n = new ArrayList<>(notes);
      n.add(matches.isEmpty() ? "every entry in it" : "every entry in it (" + (matches.size() > MAX_GLOB_TARGETS ? "more than " + MAX_GLOB_TARGETS : matches.size()) + " now)");
      PathTarget dir = target(written, base.normalize(), true, n);
      String path = dir.path().endsWith("/") ? dir.path() + "*" : dir.path() + "/*";
      return List.of(
          new PathTarget(written, path, dir.place(), dir.host(), dir.linkedFrom(), dir.exists(), dir.directory(), dir.contents(), dir.git(), dir.notes()));
    }
    if (matches.isEmpty()) {
      List<String> n = new ArrayList<>(notes);
      n.add("the pattern matches nothing now");
      Place p = basePlace == Place.PROJECT_ROOT ? Place.PROJECT : basePlace;
      String path = realBase.toString() + (realBase.toString().endsWith("/") ? "" : "/") + Expander.unescape(rest.toString());
      return List.of(new PathTarget(written, path, p, Optional.empty(), Optional.empty(), false, false, Optional.empty(), PathTarget.Git.UNKNOWN, n));
    }
    List<PathTarget> out = new ArrayList<>();
    for (int k = 0; k < Math.min(matches.size(), MAX_GLOB_TARGETS); k++) {
      Path m = matches.get(k);
      String shown = written + " → " + (cwd != null && m.startsWith(realBase) ? displayRelative(base, realBase, m, fixed.toString()) : m.toString());
      out.add(target(shown, m, false, notes));
    }
    if (matches.size() > MAX_GLOB_TARGETS) {
      List<String> n = new ArrayList<>(notes);
      n.add("more than " + MAX_GLOB_TARGETS + " matches; the rest are not listed");
      out.add(new PathTarget(written, realBase + "/" + Expander.unescape(rest.toString()), basePlace == Place.PROJECT_ROOT ? Place.PROJECT : basePlace,
          Optional.empty(), Optional.empty(), true, false, Optional.empty(), PathTarget.Git.UNKNOWN, n));
    }
    return out;
  }

  private static String displayRelative(Path base, Path realBase, Path match, String fixed) {
    return fixed + realBase.relativize(match);
  }

  private static boolean isStarAll(String segment) {
    return segment.equals("*") || segment.equals(".*") || segment.equals("*.*") || segment.equals("\\*") && false;
  }

  /** A target at an absolute path. */
  PathTarget target(String written, Path abs, boolean followFinal, List<String> notes) {
    return target(written, abs, followFinal, notes, insideWork);
  }

  /** @param insideWork the caller knows the target is ordinary work (a filtered find): count it only in detail */
  PathTarget target(String written, Path abs, boolean followFinal, List<String> notes, boolean work) {
    roots();
    Path normal = abs.normalize();
    Path real = realOf(normal, followFinal);
    List<String> n = new ArrayList<>(notes);
    Optional<String> linkedFrom = real.equals(normal) ? Optional.empty() : Optional.of(normal.toString());
    if (!followFinal && ctx.fs().isSymbolicLink(real)) {
      Optional<Path> to = ctx.fs().toRealPath(real);
      n.add("a symbolic link" + to.map(t -> " to " + t).orElse(" (dangling)") + "; only the link itself is affected");
    }
    Place place = place(real);
    if (place == Place.OUTSIDE && realRoot.startsWith(real)) {
      n.add("it contains the project");
    }
    boolean exists = ctx.fs().exists(real) || ctx.fs().isSymbolicLink(real);
    boolean dir = exists && ctx.fs().isDirectory(real) && (followFinal || !ctx.fs().isSymbolicLink(real));
    Optional<PathTarget.Contents> contents = Optional.empty();
    PathTarget.Git git = PathTarget.Git.UNKNOWN;
    boolean look = detailed || (place != Place.PROJECT && !(work && place == Place.PROJECT_ROOT));
    if (exists && look && place != Place.SYSTEM && !harmlessDevice(real.toString())) {
      int limit = place == Place.PROJECT ? PROJECT_COUNT_LIMIT : OUTSIDE_COUNT_LIMIT;
      contents = Optional.of(ctx.fs().contents(real, limit));
      git = ctx.fs().git(real);
    } else if (!exists && look) {
      // On a real disk this says "looked, not there"; with no disk it stays unknown.
      git = ctx.fs().known() ? PathTarget.Git.UNTRACKED : PathTarget.Git.UNKNOWN;
    }
    return new PathTarget(written, real.toString(), place, Optional.empty(), linkedFrom, exists, dir, contents, git, n);
  }

  /** Resolves symbolic links in every existing component (the last only if asked). */
  Path realOf(Path normal, boolean followFinal) {
    if (followFinal) {
      Optional<Path> r = ctx.fs().toRealPath(normal);
      if (r.isPresent()) {
        return r.get();
      }
    }
    Path parent = normal.getParent();
    if (parent == null) {
      return normal;
    }
    Path existing = parent;
    List<String> tail = new ArrayList<>();
    tail.add(normal.getFileName().toString());
    while (existing != null && !ctx.fs().exists(existing)) {
      if (existing.getFileName() == null) {
        break;
      }
      tail.add(0, existing.getFileName().toString());
      existing = existing.getParent();
    }
    if (existing == null) {
      return normal;
    }
    Path base = ctx.fs().toRealPath(existing).orElse(existing);
    for (String t : tail) {
      base = base.resolve(t);
    }
    return base.normalize();
  }

  /** Where an absolute, real path lies. */
  Place place(Path real) {
    roots();
    if (noProject) {
      // fall through to home, system, temp and outside
    } else if (real.equals(realRoot) || real.equals(ctx.projectRoot())) {
      return Place.PROJECT_ROOT;
    } else if (real.startsWith(realRoot) || real.startsWith(ctx.projectRoot())) {
      return Place.PROJECT;
    }
    if (real.equals(realHome) || real.equals(ctx.home())) {
      return Place.HOME;
    }
    String s = real.toString();
    if (isSystem(s)) {
      return Place.SYSTEM;
    }
    if ((realHome.startsWith(real) || ctx.home().startsWith(real)) && !realRoot.startsWith(real)) {
      return Place.HOME;
    }
    if (realHome.startsWith(real)) {
      return Place.HOME;
    }
    if (!projectInTemp && isTemp(s)) {
      return Place.TEMP;
    }
    return Place.OUTSIDE;
  }

  private boolean isTemp(String s) {
    for (String t : new String[] {"/tmp/", "/var/tmp/", "/private/tmp/", "/private/var/folders/", "/var/folders/"}) {
      if (s.startsWith(t) && s.length() > t.length()) {
        return true;
      }
    }
    return tmpDir != null && s.startsWith(tmpDir + "/") && s.length() > tmpDir.length() + 1;
  }

  static boolean isSystem(String s) {
    String t = stripSlash(s);
    if (SYSTEM_DIRS.contains(t)) {
      return true;
    }
    if (harmlessDevice(t)) {
      return false;
    }
    for (String tree : SYSTEM_TREES) {
      if (t.startsWith(tree)) {
        return !t.startsWith("/usr/local/") || t.equals("/usr/local/bin") || t.equals("/usr/local/lib");
      }
    }
    return false;
  }

  private static String stripSlash(String s) {
    String t = s;
    while (t.length() > 1 && t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  private static String normalizeText(String s) {
    try {
      return Path.of(s).normalize().toString();
    } catch (InvalidPathException e) {
      return s;
    }
  }

  private static boolean isWindows(String s) {
    return s.length() >= 2 && Character.isLetter(s.charAt(0)) && s.charAt(1) == ':' && (s.length() == 2 || s.charAt(2) == '\\' || s.charAt(2) == '/');
  }

  private static PathTarget withNotes(PathTarget t, List<String> notes) {
    if (notes.isEmpty()) {
      return t;
    }
    List<String> all = new ArrayList<>(notes);
    all.addAll(t.notes());
    return new PathTarget(t.written(), t.path(), t.place(), t.host(), t.linkedFrom(), t.exists(), t.directory(), t.contents(), t.git(), all);
  }
}
