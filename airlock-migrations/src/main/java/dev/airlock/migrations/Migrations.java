package dev.airlock.migrations;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The registry of migration formats, in the order they are tried. */
public final class Migrations {
  private static final List<MigrationFormat> FORMATS = List.of();

  private Migrations() {}

  public static List<MigrationFormat> formats() {
    return FORMATS;
  }

  /** True when some format might read this path (checked by content later). */
  public static boolean candidate(Path relative) {
    return FORMATS.stream().anyMatch(f -> f.candidate(relative));
  }

  /** The format that reads this file, if any. */
  public static Optional<MigrationFormat> detect(Path relative, String content) {
    return FORMATS.stream().filter(f -> f.candidate(relative) && f.accepts(relative, content)).findFirst();
  }

  /** The format with this id, for --format-hint. */
  public static Optional<MigrationFormat> byId(String id) {
    return FORMATS.stream().filter(f -> f.id().equals(id)).findFirst();
  }
}
