package dev.airlock.core.operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One file-system target of a shell command, resolved as far as the frontend could: against the
 * working directory, {@code ..}, {@code ~}, variables, globs and braces, and symbolic links on
 * disk. {@code airlock exec --dry-run} lists these; rules judge them by {@link #place()}.
 *
 * @param written the target as the command wrote it, e.g. {@code ../shared/uploads}
 * @param path the absolute, normalised path with symbolic links resolved (the real path); for a
 *     remote target the path on the host; for an unknown target the best text there is
 * @param place where the path lies relative to the project, home and system directories
 * @param host the remote host for a command run over ssh, else empty
 * @param linkedFrom the absolute path before symbolic links were resolved, when that differs
 * @param exists whether the path exists now (false for remote and unknown targets)
 * @param directory whether it is a directory now
 * @param contents files and bytes under it, when it exists locally
 * @param git whether git can bring it back
 * @param notes anything else a reviewer must know: "`$UNSET` is empty", "glob matched nothing"
 */
public record PathTarget(
    String written,
    String path,
    Place place,
    Optional<String> host,
    Optional<String> linkedFrom,
    boolean exists,
    boolean directory,
    Optional<Contents> contents,
    Git git,
    List<String> notes) {

  public PathTarget {
    notes = List.copyOf(notes);
  }

  /** Where a target lies. */
  public enum Place {
    /** Inside the project root: normal work. */
    PROJECT("inside the project"),
    /** The project root itself. */
    PROJECT_ROOT("the project root"),
    /** Under a temporary directory ({@code /tmp/x}, {@code $TMPDIR/x}), not the directory itself. */
    TEMP("in a temporary directory"),
    /** Anywhere else on this machine, including directories that contain the project. */
    OUTSIDE("outside the project"),
    /** The home directory itself, or a directory directly holding it. */
    HOME("the home directory"),
    /** {@code /}, {@code /etc}, {@code /usr}, devices, {@code C:\}: the system itself. */
    SYSTEM("a system path"),
    /** On another host (ssh); not checked locally. */
    REMOTE("on a remote host"),
    /** Not known before the command runs: xargs input, command output, an unknown variable. */
    UNKNOWN("not known until the command runs");

    private final String label;

    Place(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Whether git can restore the target. */
  public enum Git {
    TRACKED("tracked by git"),
    PARTLY_TRACKED("partly tracked by git"),
    UNTRACKED("not tracked by git"),
    NO_REPOSITORY("not in a git repository"),
    UNKNOWN("git status unknown");

    private final String label;

    Git(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * What is under a path, counted with a bound.
   *
   * @param files regular files (and links) found
   * @param bytes their total size
   * @param newest the newest modification time seen
   * @param newestFile the file with that time, relative to the target
   * @param truncated true when counting stopped at the bound: the figures are lower bounds
   */
  public record Contents(
      long files, long bytes, Optional<Instant> newest, Optional<String> newestFile, boolean truncated) {}

  /** A target whose value is not known before the command runs. */
  public static PathTarget unknown(String written, String why) {
    return new PathTarget(
        written, written, Place.UNKNOWN, Optional.empty(), Optional.empty(), false, false, Optional.empty(), Git.UNKNOWN, List.of(why));
  }

  /**
   * How a reviewer reads the target: {@code `../shared/uploads` (/srv/app/shared/uploads, outside
   * the project, 3 files, 2.1 MB, not tracked by git)}.
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!path.equals(written)) {
      parts.add(path);
    }
    if (linkedFrom.isPresent()) {
      parts.add("through a symbolic link at " + linkedFrom.get());
    }
    host.ifPresentOrElse(h -> parts.add("on host " + h), () -> parts.add(place.label()));
    if (place != Place.UNKNOWN && place != Place.REMOTE) {
      if (!exists) {
        if (git != Git.UNKNOWN) {
          parts.add("does not exist");
        }
      } else if (contents.isPresent()) {
        Contents c = contents.get();
        String more = c.truncated() ? "at least " : "";
        if (directory) {
          parts.add(more + c.files() + (c.files() == 1 ? " file" : " files") + ", " + more + bytes(c.bytes()));
        } else {
          parts.add(bytes(c.bytes()));
        }
      }
      if (exists && git != Git.UNKNOWN) {
        parts.add(git.label());
      }
    }
    parts.addAll(notes);
    return "`" + written + "` (" + String.join(", ", parts) + ")";
  }

  /** 2.1 MB, 512 bytes. */
  public static String bytes(long n) {
    if (n < 1024) {
      return n + (n == 1 ? " byte" : " bytes");
    }
    String[] units = {"KB", "MB", "GB", "TB", "PB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
  }
}
