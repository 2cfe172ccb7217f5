package dev.airlock.core.shell;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Unparsed;
import dev.airlock.core.source.SourceText;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Shell commands and scripts (POSIX sh and bash) to operations. One instance is bound to a {@link
 * ShellContext} for {@link #parse}; {@link #analyze} takes the context per call. Thread-safe and
 * total: any input, however broken, yields occurrences, and what is not understood is an {@link
 * Unparsed} operation.
 */
public final class ShellFrontend implements Frontend {
  private final ShellContext context;
  private final boolean commandMode;

  /** For scripts checked by {@code airlock check}: run at {@code /project}, disk unknown. */
  public ShellFrontend() {
    this(ShellContext.script(Path.of("/project")));
  }

  /** For scripts in a known context: variables not set in the script are unknown, not empty. */
  public ShellFrontend(ShellContext context) {
    this(context, false);
  }

  private ShellFrontend(ShellContext context, boolean commandMode) {
    this.context = context;
    this.commandMode = commandMode;
  }

  /**
   * For one command line about to run in {@code context} (the hook, {@code airlock exec}): {@link
   * #parse} reads the text as that command, and a variable that is neither assigned in it nor in
   * {@code context.env()} expands to nothing, as it will when it runs.
   */
  public static ShellFrontend forCommand(ShellContext context) {
    return new ShellFrontend(context, true);
  }

  /** A script: every command in it, in this frontend's context. */
  @Override
  public Parsed parse(SourceText source) {
    return Analyzer.analyzeScript(source, context, commandMode);
  }

  /**
   * One command line an agent wants to run (may hold several commands, new lines, heredocs).
   * Spans are offsets in {@code commandLine}. Commands that change nothing come back as {@code
   * Benign}; the list is never empty for a non-blank line.
   */
  public List<Occurrence> analyze(String commandLine, ShellContext context) {
    return Analyzer.analyzeScript(new SourceText("<command>", commandLine), context, true).occurrences();
  }

  /**
   * Like {@link #analyze}, for {@code airlock exec --dry-run}: every existing target, inside the
   * project too, gets its file count, bytes, newest file and git status (bounded walks). {@link
   * #analyze} does that only for targets outside the project, where a rule's message needs it, so
   * that a decision stays fast.
   */
  public List<Occurrence> dryRun(String commandLine, ShellContext context) {
    return Analyzer.analyzeScript(new SourceText("<command>", commandLine), context, true, true).occurrences();
  }

  /**
   * Whether {@code airlock check} should read a file as a shell script: {@code *.sh}, {@code
   * *.bash}, or a first line {@code #!/bin/sh}, {@code #!/usr/bin/env bash}, and the like.
   *
   * @param firstLine the file's first line, or empty when not read
   */
  public static boolean isShellScript(String fileName, Optional<String> firstLine) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".sh") || name.endsWith(".bash")) {
      return true;
    }
    return firstLine.map(ShellFrontend::isShellShebang).orElse(false);
  }

  static boolean isShellShebang(String line) {
    if (!line.startsWith("#!")) {
      return false;
    }
    String[] words = line.substring(2).strip().split("\\s+");
    if (words.length == 0) {
      return false;
    }
    String interp = words[0].substring(words[0].lastIndexOf('/') + 1);
    if (interp.equals("env")) {
      for (int i = 1; i < words.length; i++) {
        if (!words[i].startsWith("-")) {
          interp = words[i];
          break;
        }
      }
    }
    return switch (interp) {
      case "sh", "bash", "dash", "ksh", "zsh", "ash" -> true;
      default -> false;
    };
  }
}
