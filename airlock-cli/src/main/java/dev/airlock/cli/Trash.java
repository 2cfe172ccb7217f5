package dev.airlock.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code $AIRLOCK_HOME/trash/<id>/}: what {@code airlock exec --trash} took instead of deleting.
 * Each entry holds {@code files/<n>/<name>} and a {@code manifest.json} with every original path,
 * written before anything moves; {@code airlock restore} puts the paths back and never overwrites.
 */
final class Trash {
  /** One trashed path. */
  record Item(String original, String stored, boolean directory) {}

  /** One trash entry: one command's targets. */
  record Entry(String id, String time, String command, String cwd, List<Item> items) {}

  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final Path dir;

  Trash(Path airlockHome) {
    this.dir = airlockHome.resolve("trash");
  }

  Path dir() {
    return dir;
  }

  /** Moves the paths (a final symbolic link itself, not what it points to) into a new entry. */
  Entry put(List<Path> originals, String command, Path cwd) throws IOException {
    Files.createDirectories(dir);
    Instant now = Instant.now();
    String id = ID.format(now);
    Path entry = dir.resolve(id);
    for (int n = 2; Files.exists(entry, LinkOption.NOFOLLOW_LINKS); n++) {
      entry = dir.resolve(id + "-" + n);
    }
    id = entry.getFileName().toString();
    Files.createDirectories(entry);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < originals.size(); i++) {
      Path p = originals.get(i);
      String name = p.getFileName() == null ? "root" : p.getFileName().toString();
      items.add(new Item(p.toString(), "files/" + i + "/" + name, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)));
    }
    Entry e = new Entry(id, now.toString(), command, cwd.toString(), items);
    writeManifest(entry, e);
    for (Item item : items) {
      Path to = entry.resolve(item.stored());
      Files.createDirectories(to.getParent());
      move(Path.of(item.original()), to);
    }
    return e;
  }

  /** Entries, oldest first. */
  List<Entry> list() throws IOException {
    List<Entry> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> dirs = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      s.forEach(dirs::add);
    }
    dirs.sort(null);
    for (Path d : dirs) {
      if (Files.isRegularFile(d.resolve("manifest.json"))) {
        out.add(readManifest(d));
      }
    }
    return out;
  }

  /**
   * Puts an entry's paths back (the newest entry when no id is given) and removes the entry.
   * Refuses, moving nothing, when any original path exists again.
   */
  Entry restore(Optional<String> id) throws IOException {
    List<Entry> entries = list();
    if (entries.isEmpty()) {
      throw new IOException("the trash is empty (" + dir + ")");
    }
    Entry e =
        id.isEmpty()
            ? entries.get(entries.size() - 1)
            : entries.stream()
                .filter(x -> x.id().equals(id.get()))
                .findFirst()
                .orElseThrow(() -> new IOException("no trash entry `" + id.get() + "`; run 'airlock restore --list'"));
    Path entry = dir.resolve(e.id());
    for (Item item : e.items()) {
      Path original = Path.of(item.original());
      if (!entry.resolve(item.stored()).normalize().startsWith(entry) || !original.isAbsolute()) {
        throw new IOException(entry.resolve("manifest.json") + ": item outside the entry; nothing was restored");
      }
      if (Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(original + " exists again; move it aside first (nothing was restored)");
      }
    }
    for (Item item : e.items()) {
      Path from = entry.resolve(item.stored());
      if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      Path original = Path.of(item.original());
      Files.createDirectories(original.getParent());
      move(from, original);
    }
    deleteTree(entry);
    return e;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to);
    } catch (IOException e) {
      if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
        throw e;
      }
      // another file system: copy everything, then delete the source
      copyTree(from, to);
      deleteTree(from);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
            Files.createDirectories(to.resolve(from.relativize(d).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        p,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            Files.delete(f);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void writeManifest(Path entry, Entry e) throws IOException {
    List<Object> items = new ArrayList<>();
    for (Item i : e.items()) {
      items.add(HookJson.object("original", i.original(), "stored", i.stored(), "directory", i.directory()));
    }
    Map<String, Object> m =
        HookJson.object("id", e.id(), "time", e.time(), "command", e.command(), "cwd", e.cwd(), "items", items);
    Files.writeString(entry.resolve("manifest.json"), HookJson.write(m) + "\n", StandardCharsets.UTF_8);
  }

  private static Entry readManifest(Path entry) throws IOException {
    Path file = entry.resolve("manifest.json");
    try {
      Map<?, ?> m = (Map<?, ?>) HookJson.parse(Files.readString(file, StandardCharsets.UTF_8));
      List<Item> items = new ArrayList<>();
      for (Object o : (List<?>) m.get("items")) {
        Map<?, ?> i = (Map<?, ?>) o;
        items.add(new Item((String) i.get("original"), (String) i.get("stored"), Boolean.TRUE.equals(i.get("directory"))));
      }
      return new Entry(
          entry.getFileName().toString(), (String) m.get("time"), (String) m.get("command"), (String) m.get("cwd"), items);
    } catch (HookJson.Malformed | ClassCastException | NullPointerException e) {
      throw new IOException(file + ": unreadable manifest");
    }
  }
}
