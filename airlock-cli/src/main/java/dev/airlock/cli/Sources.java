package dev.airlock.cli;

import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.shell.ShellContext;
import dev.airlock.core.shell.ShellFrontend;
import dev.airlock.core.policy.Config;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.SqlFrontend;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Migrations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads files for checking and picks each one's frontend: a migration format recognised by
 * path and content, else SQL. Bad files (too large, unreadable, binary, not UTF-8) are reported
 * for that file and never stop the run.
 */
final class Sources {
  /** The result of reading one file: its text and frontend, or the report that replaces it. */
  record Loaded(Optional<SourceText> source, Optional<Frontend> frontend, Optional<FileReport> instead, List<String> warnings) {}

  private final Config config;
  private final Path root;
  private final long maxBytes;
  private final Optional<String> formatHint;
  private final FileProject project;

  Sources(Config config, Path root, long maxBytes, Optional<String> formatHint) {
    this.config = config;
    this.root = root;
    this.maxBytes = maxBytes;
    this.formatHint = formatHint;
    this.project = new FileProject(root);
  }

  /** Ids accepted by --format-hint. */
  static List<String> hints() {
    List<String> ids = new ArrayList<>(List.of("sql"));
    Migrations.formats().forEach(f -> ids.add(f.id()));
    return ids;
  }

  /** Whether a directory walk should pick this file up. */
  boolean wanted(Path file) {
    return SourceFiles.isSql(file) || Migrations.candidate(relative(file)) || isShellName(file);
  }

  private static boolean isShellName(Path file) {
    return ShellFrontend.isShellScript(file.getFileName().toString(), Optional.empty());
  }

  Path relative(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs) : abs;
  }

  Loaded load(Path file, Checker checker) {
    String display = file.normalize().toString().replace('\\', '/');
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        return skipped(checker.notChecked(display, "the file is " + size + " bytes, over the --max-file-size limit of " + maxBytes));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException | UncheckedIOException e) {
      return skipped(checker.notChecked(display, "cannot read the file: " + Main.oneLine(e)));
    }
    if (isBinary(bytes)) {
      // fail closed: a binary file where SQL was expected is not silently clean
      return skipped(checker.notChecked(display, "binary file (it contains NUL bytes); check what it is"));
    }
    List<String> warnings = new ArrayList<>();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.UTF_8);
      warnings.add("not valid UTF-8; invalid bytes were replaced with U+FFFD and the rest was checked");
    }
    if (text.startsWith("\uFEFF")) {
      text = " " + text.substring(1); // keep offsets: the BOM becomes white space
    }
    Path rel = relative(file);
    Optional<Frontend> frontend = frontendFor(file, rel, text);
    return new Loaded(Optional.of(new SourceText(display, text)), frontend, Optional.empty(), warnings);
  }

  private Optional<Frontend> frontendFor(Path file, Path rel, String text) {
    var dialect = config.dialectFor(rel);
    if (formatHint.isPresent()) {
      if (formatHint.get().equals("sql")) {
        return Optional.of(new SqlFrontend(dialect));
      }
      return Migrations.byId(formatHint.get()).map(f -> f.frontend(rel, dialect, project));
    }
    Optional<MigrationFormat> format = Migrations.detect(rel, text);
    String firstLine = text.lines().findFirst().orElse("");
    if (ShellFrontend.isShellScript(file.getFileName().toString(), Optional.of(firstLine))) {
      // a shell script: every command is checked; a build-tool reading adds flyway clean and the like
      Frontend shell = new ShellFrontend(ShellContext.script(root));
      return Optional.of(format.map(f -> both(shell, f.frontend(rel, dialect, project))).orElse(shell));
    }
    if (format.isPresent()) {
      return Optional.of(format.get().frontend(rel, dialect, project));
    }
    return SourceFiles.isSql(file) || explicitlyNamed(file) ? Optional.of(new SqlFrontend(dialect)) : Optional.empty();
  }

  private final List<Path> explicit = new ArrayList<>();

  /** Files named on the command line are SQL unless a migration format claims them. */
  void explicitFiles(List<Path> paths) {
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        explicit.add(p.toAbsolutePath().normalize());
      }
    }
  }

  private boolean explicitlyNamed(Path file) {
    return explicit.contains(file.toAbsolutePath().normalize());
  }

  /** Two readings of one file, reported together. */
  private static Frontend both(Frontend a, Frontend b) {
    return source -> {
      Parsed first = a.parse(source);
      Parsed second = b.parse(source);
      List<Occurrence> all = new ArrayList<>(first.occurrences());
      all.addAll(second.occurrences());
      return new Parsed(all, first.statements() + second.statements());
    };
  }

  private static Loaded skipped(FileReport report) {
    return new Loaded(Optional.empty(), Optional.empty(), Optional.of(report), List.of());
  }

  private static boolean isBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
