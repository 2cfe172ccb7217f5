package dev.airlock.migrations.js;

import java.nio.file.Path;
import java.util.Locale;

/** Path tests shared by the JavaScript formats. */
final class JsFiles {
  private JsFiles() {}

  /** A JavaScript or TypeScript source file (not a declaration file, not a test). */
  static boolean script(Path relative) {
    if (relative.getFileName() == null) {
      return false;
    }
    String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".d.ts") || name.contains(".test.") || name.contains(".spec.")) {
      return false;
    }
    return name.endsWith(".js")
        || name.endsWith(".ts")
        || name.endsWith(".mjs")
        || name.endsWith(".cjs")
        || name.endsWith(".mts")
        || name.endsWith(".cts");
  }

  /** Some directory on the path is named like {@code migrations} or {@code migration}. */
  static boolean inMigrationsDirectory(Path relative) {
    for (Path dir = relative.getParent(); dir != null; dir = dir.getParent()) {
      Path name = dir.getFileName();
      if (name != null
          && name.toString().toLowerCase(Locale.ROOT).matches("migrations?|.*[-_]migrations?")) {
        return true;
      }
    }
    return false;
  }
}
