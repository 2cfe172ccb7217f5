package dev.airlock.core.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a one-line program handed to an interpreter ({@code python -c}, {@code node -e}, {@code
 * perl -e}, {@code ruby -e}, {@code php -r}) does to files and processes: the calls of each
 * language's standard library that delete paths or run commands, with their argument when it is
 * a string literal. Airlock parses no Python or JavaScript; it reads the calls that matter, and a
 * call whose argument it cannot read is reported as such, so the caller can fail closed.
 */
final class InlineCode {
  /** What one call does: deletes a path, runs a command line, or evaluates code. */
  enum Effect {
    DELETE_TREE,
    DELETE_FILE,
    RUN,
    EVAL
  }

  /**
   * One call found in the code.
   *
   * @param api the call as written, e.g. {@code shutil.rmtree}
   * @param argument the literal path or command line, when the argument is one
   */
  record Call(Effect effect, String api, Optional<String> argument) {}

  /** A string literal in any of these languages: '...', "..." or `...` without interpolation. */
  private static final String LITERAL = "('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|`[^`$]*`)";

  private static final Pattern LITERAL_PATTERN = Pattern.compile(LITERAL);

  private static final Pattern LIST_OF_LITERALS =
      Pattern.compile("\\[\\s*" + LITERAL + "(?:\\s*,\\s*" + LITERAL + ")*\\s*,?\\s*]");

  private record Api(Pattern pattern, Effect effect) {}

  private static final List<Api> PYTHON =
      List.of(
          api(Effect.DELETE_TREE, "shutil.rmtree"),
          api(Effect.DELETE_FILE, "os.remove", "os.unlink", "os.rmdir", "os.removedirs", ".unlink", ".rmdir"),
          api(Effect.RUN, "os.system", "os.popen", ".system", ".popen", "subprocess.run", "subprocess.call", "subprocess.check_call",
              "subprocess.check_output", "subprocess.Popen", "subprocess.getoutput", "subprocess.getstatusoutput"),
          api(Effect.EVAL, "eval", "exec", "compile", "os.execv", "os.execvp", "os.spawnv", "os.spawnvp"));

  private static final List<Api> JAVASCRIPT =
      List.of(
          api(Effect.DELETE_TREE, ".rmSync", ".rm", ".rmdirSync", ".rmdir", ".remove", ".removeSync", ".emptyDirSync", "Deno.remove",
              "Deno.removeSync"),
          api(Effect.DELETE_FILE, ".unlinkSync", ".unlink"),
          api(Effect.RUN, "execSync", "execFileSync", "spawnSync", "exec", "execFile", "spawn", ".execSync", ".exec", ".spawn",
              ".spawnSync", "Bun.spawn", "Bun.spawnSync", "Deno.Command"),
          api(Effect.EVAL, "eval", "Function", ".runInThisContext", ".runInNewContext"));

  private static final List<Api> PERL =
      List.of(
          api(Effect.DELETE_TREE, "rmtree", "remove_tree", "File::Path::rmtree", "File::Path::remove_tree"),
          api(Effect.DELETE_FILE, "unlink", "rmdir"),
          api(Effect.RUN, "system", "exec", "qx"),
          api(Effect.EVAL, "eval"));

  private static final List<Api> RUBY =
      List.of(
          api(Effect.DELETE_TREE, "FileUtils.rm_rf", "FileUtils.rm_r", "FileUtils.remove_dir", "FileUtils.remove_entry",
              "FileUtils.remove_entry_secure", "FileUtils.rmtree"),
          api(Effect.DELETE_FILE, "FileUtils.rm", "FileUtils.rm_f", "FileUtils.remove", "File.delete", "File.unlink", "Dir.rmdir",
              "Dir.delete", "Dir.unlink"),
          api(Effect.RUN, "system", "exec", "spawn", "IO.popen", "Open3.capture2", "Open3.capture2e", "Open3.capture3", "Open3.popen3"),
          api(Effect.EVAL, "eval", "instance_eval", "class_eval"));

  private static final List<Api> PHP =
      List.of(
          api(Effect.DELETE_FILE, "unlink", "rmdir"),
          api(Effect.RUN, "system", "exec", "shell_exec", "passthru", "popen", "proc_open"),
          api(Effect.EVAL, "eval", "assert", "create_function"));

  /**
   * A call of one of {@code names}: a name with a leading dot is a method on anything ({@code
   * fs.rmSync}, {@code p.unlink}); any other starts a name of its own ({@code exec}, not {@code
   * myexec}). The call is {@code name(} or, in Perl and Ruby, {@code name 'literal'}.
   */
  private static Api api(Effect effect, String... names) {
    List<String> bare = new ArrayList<>();
    List<String> dotted = new ArrayList<>();
    for (String n : names) {
      (n.startsWith(".") ? dotted : bare).add(Pattern.quote(n.startsWith(".") ? n.substring(1) : n));
    }
    String alternatives = "";
    if (!bare.isEmpty()) {
      alternatives += "(?<![\\w$.:])(?:" + String.join("|", bare) + ")";
    }
    if (!dotted.isEmpty()) {
      alternatives += (alternatives.isEmpty() ? "" : "|") + "(?<=\\.)(?:" + String.join("|", dotted) + ")";
    }
    return new Api(Pattern.compile("(?:" + alternatives + ")(?![\\w$])\\s*(\\(|\\s+(?=['\"]))"), effect);
  }

  private static List<Api> apis(String interpreter) {
    if (interpreter.startsWith("python")) {
      return PYTHON;
    }
    return switch (interpreter) {
      case "node", "deno", "bun" -> JAVASCRIPT;
      case "perl" -> PERL;
      case "ruby" -> RUBY;
      case "php" -> PHP;
      default -> List.of();
    };
  }

  /** Python's pathlib: Path('x').unlink() / .rmdir() / shutil.rmtree(Path('x')). */
  private static final Pattern PATHLIB =
      Pattern.compile("Path\\(\\s*" + LITERAL + "\\s*\\)\\s*\\.\\s*(unlink|rmdir)\\s*\\(");

  private static final Pattern BACKTICKS = Pattern.compile("(?:%x\\{([^}]*)}|`([^`]*)`)");

  private InlineCode() {}

  /** The calls of {@code code} that delete, run or evaluate, grouped by kind of call. */
  static List<Call> calls(String code, String interpreter) {
    List<Call> out = new ArrayList<>();
    Matcher pathlib = PATHLIB.matcher(code);
    List<int[]> taken = new ArrayList<>();
    while (pathlib.find()) {
      out.add(new Call(Effect.DELETE_FILE, "Path(...)." + pathlib.group(2), Optional.of(unquote(pathlib.group(1)))));
      taken.add(new int[] {pathlib.start(), pathlib.end()});
    }
    for (Api api : apis(interpreter)) {
      Matcher m = api.pattern().matcher(code);
      while (m.find()) {
        if (inside(taken, m.start()) || inString(code, m.start())) {
          continue;
        }
        String name = code.substring(code.lastIndexOf(' ', m.start()) + 1, m.end()).replaceAll("[\\s(]+$", "");
        out.add(new Call(api.effect(), name, argument(code, m.end(), api.effect())));
        taken.add(new int[] {m.start(), m.end()});
      }
    }
    if (interpreter.equals("perl") || interpreter.equals("ruby") || interpreter.equals("php")) {
      // Perl, Ruby and PHP run `...` (and Ruby %x{...}) through the shell
      Matcher b = BACKTICKS.matcher(code);
      while (b.find()) {
        if (!inString(code, b.start())) {
          String cmd = b.group(1) != null ? b.group(1) : b.group(2);
          out.add(new Call(Effect.RUN, "`...`", cmd.contains("$") || cmd.contains("#{") ? Optional.empty() : Optional.of(cmd)));
        }
      }
    }
    return out;
  }

  /** The literal argument right after a call's opening, or empty when it is anything else. */
  private static Optional<String> argument(String code, int from, Effect effect) {
    String rest = code.substring(from).stripLeading();
    if (effect == Effect.RUN) {
      Matcher list = LIST_OF_LITERALS.matcher(rest);
      if (list.lookingAt() && followedByEnd(rest, list.end())) {
        List<String> words = new ArrayList<>();
        Matcher lit = LITERAL_PATTERN.matcher(list.group());
        while (lit.find()) {
          words.add("'" + unquote(lit.group(1)).replace("'", "'\\''") + "'");
        }
        return Optional.of(String.join(" ", words));
      }
    }
    Matcher lit = LITERAL_PATTERN.matcher(rest);
    if (lit.lookingAt() && followedByEnd(rest, lit.end())) {
      String value = unquote(lit.group(1));
      if (lit.group(1).startsWith("\"") && (value.contains("#{") || value.contains("$"))) {
        return Optional.empty(); // Ruby/Perl/PHP interpolate inside double quotes
      }
      return Optional.of(value);
    }
    return Optional.empty();
  }

  /** The literal is the whole argument: a closing parenthesis, a comma, or the end follows. */
  private static boolean followedByEnd(String s, int at) {
    String after = s.substring(at).stripLeading();
    return after.isEmpty() || after.startsWith(")") || after.startsWith(",") || after.startsWith(";");
  }

  private static String unquote(String literal) {
    String body = literal.substring(1, literal.length() - 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char n = body.charAt(++i);
        out.append(
            switch (n) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> n;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean inside(List<int[]> spans, int at) {
    for (int[] s : spans) {
      if (at >= s[0] && at < s[1]) {
        return true;
      }
    }
    return false;
  }

  /** Whether offset {@code at} lies inside a string literal (a call named in a message is no call). */
  private static boolean inString(String code, int at) {
    char quote = 0;
    for (int i = 0; i < at; i++) {
      char c = code.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(code.charAt(i - 1)))) {
        // a Python/Ruby/Perl comment runs to the end of the line
        int nl = code.indexOf('\n', i);
        if (nl < 0 || nl >= at) {
          return true;
        }
        i = nl;
      }
    }
    return quote != 0;
  }
}
