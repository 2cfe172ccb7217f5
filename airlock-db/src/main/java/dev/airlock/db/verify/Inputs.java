package dev.airlock.db.verify;

import dev.airlock.core.source.SourceText;
import dev.airlock.db.DbException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which files are the migration, the schema and the seed. A directory means: its last {@code
 * .sql} file (in natural order, so V10 follows V9) is the migration, the earlier ones are the
 * schema, and {@code seed.sql} there is the seed. Given files are the migration; unless
 * {@code --schema} is given, the {@code .sql} files of the same directory that sort before the
 * first of them are the schema.
 */
public final class Inputs {
  private Inputs() {}

  public record Resolved(List<SourceText> migration, List<SourceText> schema, List<SourceText> seed) {}

  public static Resolved resolve(List<Path> args, Optional<Path> schema, Optional<Path> seed) {
    List<Path> migration = new ArrayList<>();
    List<Path> earlier = new ArrayList<>();
    Optional<Path> dirSeed = Optional.empty();
    if (args.size() == 1 && Files.isDirectory(args.get(0))) {
      List<Path> all = sqlFiles(args.get(0));
      if (all.isEmpty()) {
        throw new DbException("no .sql migrations in " + args.get(0));
      }
      migration.add(all.get(all.size() - 1));
      earlier.addAll(all.subList(0, all.size() - 1));
      dirSeed = seedIn(args.get(0));
    } else {
      for (Path p : args) {
        if (Files.isDirectory(p)) {
          throw new DbException(p + " is a directory: give one directory, or files");
        }
        if (!Files.isRegularFile(p)) {
          throw new DbException("no such file: " + p);
        }
        migration.add(p);
      }
      Path dir = migration.get(0).toAbsolutePath().getParent();
      if (dir != null) {
        String first = migration.get(0).getFileName().toString();
        for (Path p : sqlFiles(dir)) {
          if (NATURAL.compare(p.getFileName().toString(), first) < 0 && migration.stream().noneMatch(m -> sameFile(m, p))) {
            earlier.add(p);
          }
        }
        dirSeed = seedIn(dir);
      }
    }
    List<SourceText> schemaTexts = new ArrayList<>();
    if (schema.isPresent()) {
      schemaTexts.add(read(schema.get()));
    } else {
      for (Path p : earlier) {
        schemaTexts.add(read(p));
      }
    }
    List<SourceText> seedTexts = new ArrayList<>();
    Optional<Path> fallbackSeed = dirSeedIfNoSchema(schema, dirSeed);
    seed.or(() -> fallbackSeed).ifPresent(p -> seedTexts.add(read(p)));
    List<SourceText> mig = migration.stream().map(Inputs::read).toList();
    return new Resolved(mig, schemaTexts, seedTexts);
  }

  private static Optional<Path> dirSeedIfNoSchema(Optional<Path> schema, Optional<Path> dirSeed) {
    return schema.isPresent() ? Optional.empty() : dirSeed;
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private static Optional<Path> seedIn(Path dir) {
    Path s = dir.resolve("seed.sql");
    return Files.isRegularFile(s) ? Optional.of(s) : Optional.empty();
  }

  static boolean isSeed(Path p) {
    String n = p.getFileName().toString();
    return n.equals("seed.sql") || n.endsWith(".seed.sql");
  }

  private static List<Path> sqlFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p) && !isSeed(p))
          .sorted(Comparator.comparing(p -> p.getFileName().toString(), NATURAL))
          .toList();
    } catch (IOException e) {
      throw new DbException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  public static SourceText read(Path p) {
    try {
      return new SourceText(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DbException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  /** Natural order: digit runs compare as numbers, so V2 sorts before V10. */
  static final Comparator<String> NATURAL =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          char x = a.charAt(i);
          char y = b.charAt(j);
          if (Character.isDigit(x) && Character.isDigit(y)) {
            int si = i;
            int sj = j;
            while (i < a.length() && Character.isDigit(a.charAt(i))) {
              i++;
            }
            while (j < b.length() && Character.isDigit(b.charAt(j))) {
              j++;
            }
            String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
            String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
            int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
            if (c != 0) {
              return c;
            }
          } else {
            if (x != y) {
              return Character.compare(x, y);
            }
            i++;
            j++;
          }
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };
}
