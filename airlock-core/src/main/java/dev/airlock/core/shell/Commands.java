package dev.airlock.core.shell;

import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.HiddenPayload;
import dev.airlock.core.operation.OverwritePaths;
import dev.airlock.core.operation.PathTarget;
import dev.airlock.core.operation.PathTarget.Place;
import dev.airlock.core.shell.Analyzer.Frame;
import dev.airlock.core.shell.Analyzer.Input;
import dev.airlock.core.shell.Expander.Arg;
import dev.airlock.core.shell.Expander.Value;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One command after expansion: unwraps wrappers (sudo, env, nice, timeout, xargs, ...), then
 * classifies the real command. File commands are here; git, clusters, clouds and database clients
 * are in {@link Tools}.
 */
final class Commands {
  private static final Set<String> SIMPLE_WRAPPERS = Set.of("builtin", "nohup", "time", "noglob", "nocorrect", "caffeinate", "unbuffer", "proxychains", "proxychains4", "torsocks");
  private static final Set<String> EVAL_INIT_TOOLS =
      Set.of("ssh-agent", "pyenv", "rbenv", "nodenv", "jenv", "goenv", "direnv", "brew", "starship", "zoxide", "conda", "fnm", "mise", "rtx",
          "opam", "keychain", "dircolors", "thefuck", "gh", "kubectl", "helm", "register-python-argcomplete", "atuin", "nvm", "luarocks", "rustup", "op");

  private final Analyzer a;
  private final Tools tools;

  Commands(Analyzer analyzer) {
    this.a = analyzer;
    this.tools = new Tools(analyzer, this);
  }

  static String base(String argv0) {
    int slash = argv0.lastIndexOf('/');
    return slash >= 0 ? argv0.substring(slash + 1) : argv0;
  }

  /** The index of the real command after wrappers with no analysis of their own (for producers). */
  static int unwrapIndex(List<Arg> argv) {
    int i = 0;
    while (i < argv.size()) {
      String n = base(argv.get(i).text());
      if (n.equals("sudo") || n.equals("doas")) {
        i = skipSudo(argv, i + 1);
      } else if (SIMPLE_WRAPPERS.contains(n) || n.equals("command") || n.equals("exec")) {
        i++;
      } else {
        return i;
      }
    }
    return i;
  }

  private static int skipSudo(List<Arg> argv, int i) {
    while (i < argv.size()) {
      String t = argv.get(i).text();
      if (t.equals("--")) {
        return i + 1;
      }
      if (!t.startsWith("-") || t.equals("-")) {
        return i;
      }
      if (t.matches("-[ugpCDhrtTUR]") || t.equals("--user") || t.equals("--group") || t.equals("--prompt") || t.equals("--chdir") || t.equals("--host")
          || t.equals("--close-from") || t.equals("--role") || t.equals("--type") || t.equals("--other-user") || t.equals("--command-timeout")) {
        i += 2;
      } else {
        i++;
      }
    }
    return i;
  }

  /**
   * Unwraps and classifies one command.
   *
   * @param extra targets the command gets from elsewhere ({@code xargs} input, {@code find -exec}'s
   *     {@code {}}), or null
   */
  void run(List<Arg> argv, Input in, Frame f, List<PathTarget> extra) {
    int i = 0;
    List<String> wrappers = new ArrayList<>();
    while (i < argv.size()) {
      Arg head = argv.get(i);
      if (!head.known()) {
        String reason = "the command name comes from " + head.unknown().replaceFirst("^the output of", "the output of");
        a.emit(new HiddenPayload("runs a command whose name is not known here: `" + head.written() + "` (" + head.unknown() + ")"), f);
        return;
      }
      String n = base(head.text());
      switch (n) {
        case "sudo", "doas" -> {
          wrappers.add(n);
          int j = skipSudo(argv, i + 1);
          if (j >= argv.size()) {
            if (argv.subList(i + 1, argv.size()).stream().anyMatch(x -> x.text().equals("-i") || x.text().equals("-s"))) {
              shellFromStdin(n, in, f);
            } else {
              a.emit(new Benign(n), f);
            }
            return;
          }
          i = j;
        }
        case "env" -> {
          wrappers.add(n);
          i++;
          while (i < argv.size()) {
            String t = argv.get(i).text();
            if (t.equals("-u") || t.equals("--unset") || t.equals("-C") || t.equals("--chdir")) {
              if ((t.equals("-C") || t.equals("--chdir")) && i + 1 < argv.size()) {
                a.cwd = chdir(argv.get(i + 1));
              }
              i += 2;
            } else if (t.equals("-S") || t.equals("--split-string") || t.startsWith("--split-string=")) {
              String rest = t.startsWith("--split-string=") ? t.substring(15) : i + 1 < argv.size() ? argv.get(i + 1).text() : "";
              a.nested(rest + joinFrom(argv, t.startsWith("--split-string=") ? i + 1 : i + 2), f, "`env -S`", null);
              return;
            } else if (t.startsWith("-") && !t.equals("-")) {
              i++;
            } else if (t.indexOf('=') > 0 && Parser.isName(t, 0, t.indexOf('='))) {
              i++;
            } else {
              break;
            }
          }
        }
        case "command" -> {
          if (i + 1 < argv.size() && (argv.get(i + 1).text().equals("-v") || argv.get(i + 1).text().equals("-V"))) {
            a.emit(new Benign("command -v"), f);
            return;
          }
          i++;
          if (i < argv.size() && argv.get(i).text().equals("-p")) {
            i++;
          }
        }
        case "exec" -> {
          i++;
          while (i < argv.size() && argv.get(i).text().startsWith("-")) {
            i += argv.get(i).text().equals("-a") ? 2 : 1;
          }
        }
        case "nice" -> {
          i++;
          while (i < argv.size() && argv.get(i).text().startsWith("-")) {
            String t = argv.get(i).text();
            i += (t.equals("-n") || t.equals("--adjustment")) ? 2 : 1;
          }
        }
        case "ionice" -> {
          i++;
          while (i < argv.size() && argv.get(i).text().startsWith("-")) {
            String t = argv.get(i).text();
            if (t.equals("-p") || t.equals("-P") || t.equals("-u")) {
              a.emit(new Benign("ionice"), f);
              return;
            }
            i += (t.equals("-c") || t.equals("-n") || t.equals("--class") || t.equals("--classdata")) ? 2 : 1;
          }
        }
        case "timeout" -> {
          i++;
          while (i < argv.size() && argv.get(i).text().startsWith("-")) {
            String t = argv.get(i).text();
            i += (t.equals("-s") || t.equals("-k") || t.equals("--signal") || t.equals("--kill-after")) ? 2 : 1;
          }
          i++; // the duration
        }
        case "stdbuf" -> {
          i++;
          while (i < argv.size() && argv.get(i).text().startsWith("-")) {
            String t = argv.get(i).text();
            i += t.length() == 2 ? 2 : 1;
          }
        }
        case "chrt", "taskset" -> {
          i++;
          while (i < argv.size() && argv.get(i).text().startsWith("-")) {
            i++;
          }
          i++; // priority or mask
        }
        case "flock" -> {
          i++;
          while (i < argv.size() && argv.get(i).text().startsWith("-")) {
            String t = argv.get(i).text();
            if (t.equals("-c") || t.equals("--command")) {
              if (i + 1 < argv.size()) {
                nestedString(argv.get(i + 1), f, "`flock -c`", null);
              }
              return;
            }
            i += (t.equals("-w") || t.equals("--timeout") || t.equals("-E") || t.equals("--conflict-exit-code")) ? 2 : 1;
          }
          i++; // the lock file
          if (i < argv.size() && (argv.get(i).text().equals("-c") || argv.get(i).text().equals("--command"))) {
            if (i + 1 < argv.size()) {
              nestedString(argv.get(i + 1), f, "`flock -c`", null);
            }
            return;
          }
        }
        case "watch" -> {
          i++;
          while (i < argv.size() && argv.get(i).text().startsWith("-")) {
            String t = argv.get(i).text();
            i += (t.equals("-n") || t.equals("--interval") || t.equals("-q") || t.equals("--equexit")) ? 2 : 1;
          }
          if (i < argv.size()) {
            a.nested(joinFrom(argv, i), f, "`watch`", null);
          }
          return;
        }
        case "xargs" -> {
          i++;
          String replace = null;
          while (i < argv.size() && argv.get(i).text().startsWith("-")) {
            String t = argv.get(i).text();
            if (t.equals("-I") || t.equals("-i") && false) {
              replace = i + 1 < argv.size() ? argv.get(i + 1).text() : "{}";
              i += 2;
            } else if (t.startsWith("-I") && t.length() > 2) {
              replace = t.substring(2);
              i++;
            } else if (t.equals("-n") || t.equals("-L") || t.equals("-P") || t.equals("-d") || t.equals("-a") || t.equals("-E") || t.equals("-s")
                || t.equals("--max-args") || t.equals("--max-procs") || t.equals("--delimiter") || t.equals("--arg-file")) {
              i += 2;
            } else {
              i++;
            }
          }
          List<PathTarget> fromInput = in.xargsTargets() != null
              ? in.xargsTargets()
              : List.of(PathTarget.unknown("(xargs input)", "paths read by `xargs` from " + (in.producer() == null ? "its input" : "`" + in.producer() + "`")));
          List<Arg> rest = new ArrayList<>(argv.subList(Math.min(i, argv.size()), argv.size()));
          if (rest.isEmpty()) {
            a.emit(new Benign("xargs"), f);
            return;
          }
          if (replace != null) {
            String r = replace;
            rest.removeIf(x -> x.text().contains(r) && rest.indexOf(x) > 0);
          }
          Frame inner = f.nested("`xargs`", null);
          run(rest, Input.NONE, inner, concat(extra, fromInput));
          return;
        }
        default -> {
          if (SIMPLE_WRAPPERS.contains(n)) {
            i++;
            if (n.equals("time") && i < argv.size() && argv.get(i).text().equals("-p")) {
              i++;
            }
          } else {
            dispatch(n, argv.subList(i, argv.size()), in, f, extra);
            return;
          }
        }
      }
    }
    a.emit(new Benign(wrappers.isEmpty() ? base(argv.get(0).text()) : String.join(" ", wrappers)), f);
  }

  private static List<PathTarget> concat(List<PathTarget> a, List<PathTarget> b) {
    if (a == null) {
      return b;
    }
    List<PathTarget> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static String joinFrom(List<Arg> argv, int from) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < argv.size(); i++) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(argv.get(i).text());
    }
    return b.toString();
  }

  Path chdir(Arg target) {
    if (!target.known()) {
      return null;
    }
    String t = target.text();
    if (t.equals("-")) {
      return null;
    }
    try {
      if (a.cwd == null && !t.startsWith("/")) {
        return null;
      }
      Path p = (t.startsWith("/") ? Path.of(t) : a.cwd.resolve(t)).normalize();
      return a.ctx.fs().toRealPath(p).orElse(p);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** {@code git -C dir}: a directory relative to another. */
  Path chdirFrom(Path base, Arg target) {
    Path saved = a.cwd;
    a.cwd = base;
    Path p = chdir(target);
    a.cwd = saved;
    return p;
  }

  /** A {@code -c} string or similar: analyse its text if known, else it is a hidden payload. */
  void nestedString(Arg text, Frame f, String how, String host) {
    if (text.known()) {
      a.nested(text.text(), f, how, host);
    } else {
      a.emit(new HiddenPayload(how + " runs `" + text.written() + "`: " + text.unknown()), f);
    }
  }

  /** A shell reading commands from standard input. */
  void shellFromStdin(String shell, Input in, Frame f) {
    if (in.text() != null) {
      a.nested(in.text(), f, "`" + shell + "` reading " + (in.producer() == null ? "its input" : in.producer()), null);
    } else if (in.opaque() != null) {
      a.emit(new HiddenPayload("`" + shell + "` runs " + in.opaque()), f);
    } else {
      a.emit(new Benign(shell), f);
    }
  }

  private void dispatch(String n, List<Arg> argv, Input in, Frame f, List<PathTarget> extra) {
    List<Arg> args = argv.subList(1, argv.size());
    if (a.isShell(n)) {
      shell(n, args, in, f);
      return;
    }
    switch (n) {
      case "rm", "unlink", "srm", "trash", "gio" -> rm(n, args, f, extra);
      case "rmdir" -> a.emit(new Benign("rmdir"), f);
      case "shred" -> shred(args, f, extra);
      case "find", "fd" -> find(n, args, in, f);
      case "dd" -> dd(args, f);
      case "truncate" -> truncate(args, f, extra);
      case "cp", "mv", "install", "rsync" -> copy(n, args, f, extra);
      case "tee" -> tee(args, f);
      case "chmod", "chown", "chgrp", "setfacl" -> chmod(n, args, f, extra);
      case "mkswap", "wipefs", "mke2fs", "mkntfs", "fdisk", "sfdisk", "sgdisk", "parted", "blkdiscard" -> format(n, args, f);
      case "eval" -> eval(args, f);
      case "source", "." -> source(n, args, in, f);
      case "ssh" -> ssh(args, in, f);
      case "cd", "pushd" -> {
        a.cwd = args.isEmpty() ? a.ctx.home() : chdir(args.get(args.size() - 1).text().startsWith("-") && args.size() == 1 ? args.get(0) : args.get(args.size() - 1));
        a.emit(new Benign(n), f);
      }
      case "export", "local", "declare", "typeset", "readonly" -> {
        for (Arg x : args) {
          int eq = x.text().indexOf('=');
          if (eq > 0 && Parser.isName(x.text(), 0, eq)) {
            a.setVar(x.text().substring(0, eq), x.known() ? Value.known(x.text().substring(eq + 1)) : Value.unknown(x.unknown()));
          }
        }
        a.emit(new Benign(n), f);
      }
      case "read", "mapfile", "readarray" -> {
        for (Arg x : args) {
          if (!x.text().startsWith("-") && Parser.isName(x.text(), 0, x.text().length())) {
            a.setVar(x.text(), Value.unknown("`$" + x.text() + "` is read from input"));
          }
        }
        a.emit(new Benign(n), f);
      }
      case "unset" -> {
        for (Arg x : args) {
          if (!x.text().startsWith("-")) {
            a.setVar(x.text(), Value.UNSET);
          }
        }
        a.emit(new Benign(n), f);
      }
      case "python", "python3", "python2", "node", "perl", "ruby", "php", "pwsh", "powershell", "deno", "bun" -> {
        if (inlineCode(n, args, f)) {
          return;
        }
        boolean fromStdin = args.isEmpty() || args.get(0).text().equals("-") || args.stream().allMatch(x -> x.text().startsWith("-") && !x.text().equals("-c") && !x.text().equals("-e"));
        if (fromStdin && in.opaque() != null) {
          a.emit(new HiddenPayload("`" + n + (args.isEmpty() ? "" : " " + joinFrom(args, 0)) + "` runs " + in.opaque()), f);
        } else {
          a.emit(new Benign(n), f);
        }
      }
      default -> {
        if (n.startsWith("mkfs")) {
          format(n, args, f);
        } else if (argv.get(0).text().contains("/") && shellScript(argv.get(0).text(), f)) {
          return;
        } else if (!tools.dispatch(n, args, in, f)) {
          a.emit(new Benign(n), f);
        }
      }
    }
  }

  private static final Pattern SHELL_SHEBANG = Pattern.compile("#!\\s*(?:/usr)?(?:/local)?/bin/(?:env\\s+(?:-S\\s+)?)?(?:ba|z|da|k|mk)?sh\\b.*");

  /** {@code ./cleanup.sh}: a shell script run by its path is read like {@code bash cleanup.sh}. */
  private boolean shellScript(String path, Frame f) {
    Optional<String> text = a.readFile(path);
    if (text.isEmpty()) {
      return false;
    }
    if (text.get().indexOf('\0') >= 0) {
      return false; // a binary
    }
    String first = text.get().lines().findFirst().orElse("");
    if (first.startsWith("#!") && !SHELL_SHEBANG.matcher(first).matches()) {
      return false; // a Python or Node script: its code is not read here
    }
    a.nested(text.get(), f, "script `" + path + "`", null);
    return true;
  }

  // ---- interpreters: python -c, node -e, perl -e, ruby -e, php -r ----

  /** The options that take a program, other than Python's -c (for node, perl and ruby -c only checks syntax). */
  private static final Set<String> CODE_OPTIONS = Set.of("-e", "-E", "--eval", "-p", "--print", "-r");

  /** The program given on the command line, read for the calls that delete or run; false when there is none. */
  private boolean inlineCode(String n, List<Arg> args, Frame f) {
    boolean python = n.startsWith("python");
    int at = -1;
    for (int i = 0; i + 1 < args.size() && at < 0; i++) {
      String t = args.get(i).text();
      boolean program = python ? t.matches("-[a-zA-Z]*c") : CODE_OPTIONS.contains(t) || (n.equals("deno") && t.equals("eval"));
      if (program) {
        at = i + 1;
      } else if (!t.startsWith("-")) {
        return false; // a script file: its code is not read here
      }
    }
    if (at < 0) {
      return false;
    }
    Arg code = args.get(at);
    String how = "`" + n + " " + args.get(at - 1).text() + "`";
    if (!code.known()) {
      a.emit(new HiddenPayload(how + " runs code that is not known here: " + code.unknown()), f);
      return true;
    }
    List<InlineCode.Call> calls = InlineCode.calls(code.text(), n);
    for (int depth = 0; depth < 3 && calls.stream().anyMatch(c -> c.effect() == InlineCode.Effect.EVAL && c.argument().isPresent()); depth++) {
      List<InlineCode.Call> expanded = new ArrayList<>();
      for (InlineCode.Call c : calls) {
        if (c.effect() == InlineCode.Effect.EVAL && c.argument().isPresent()) {
          expanded.addAll(InlineCode.calls(c.argument().get(), n));
        } else {
          expanded.add(c);
        }
      }
      calls = expanded;
    }
    if (calls.isEmpty()) {
      a.emit(new Benign(n), f);
    }
    for (InlineCode.Call c : calls) {
      String what = how + " calls `" + c.api() + "`";
      if (c.argument().isEmpty()) {
        a.emit(new HiddenPayload(what + " with an argument computed at run time, which cannot be checked before it runs"), f);
        continue;
      }
      String value = c.argument().get();
      switch (c.effect()) {
        case DELETE_TREE, DELETE_FILE -> {
          Arg path = new Arg(value, Expander.escapeAll(value), false, null, List.of(), false, value);
          boolean tree = c.effect() == InlineCode.Effect.DELETE_TREE;
          a.emitRemove(n + " " + c.api(), a.paths.resolve(path, a.cwd, false, f.host()), tree, tree, f);
        }
        case RUN -> a.nested(value, f, what, null);
        case EVAL -> a.emit(new HiddenPayload(what + ": code evaluated more than three levels deep"), f);
      }
    }
    return true;
  }

  // ---- shells, eval, source, ssh ----

  private void shell(String n, List<Arg> args, Input in, Frame f) {
    int i = 0;
    if (n.equals("busybox")) {
      if (args.isEmpty() || !a.isShell(args.get(0).text())) {
        if (!args.isEmpty()) {
          run(args, in, f, null);
        } else {
          a.emit(new Benign(n), f);
        }
        return;
      }
      n = args.get(0).text();
      i = 1;
    }
    while (i < args.size()) {
      String t = args.get(i).text();
      if (t.equals("-c") || (t.startsWith("-") && !t.startsWith("--") && t.indexOf('c') > 0 && t.matches("-[a-zA-Z]+"))) {
        if (i + 1 < args.size()) {
          nestedString(args.get(i + 1), f, "`" + n + " -c`", null);
        } else {
          a.emit(new Benign(n), f);
        }
        return;
      }
      if (t.equals("-o") || t.equals("-O") || t.equals("+O") || t.equals("+o") || t.equals("--rcfile") || t.equals("--init-file")) {
        i += 2;
      } else if (t.equals("-s") || t.equals("--")) {
        i++;
        break;
      } else if (t.startsWith("-") || t.startsWith("+")) {
        i++;
      } else {
        break;
      }
    }
    if (i < args.size() && !args.get(i - (i > 0 && args.get(i - 1).text().equals("-s") ? 0 : 0)).text().isEmpty()
        && !(i > 0 && args.get(i - 1).text().equals("-s"))) {
      Arg script = args.get(i);
      if (script.written().startsWith("<(")) {
        a.emit(new HiddenPayload("`" + n + "` runs the output of `" + script.written() + "`, which cannot be seen before it runs"), f);
        return;
      }
      if (script.known()) {
        var text = a.readFile(script.text());
        if (text.isPresent()) {
          a.nested(text.get(), f, "script `" + script.text() + "`", null);
          return;
        }
      }
      a.emit(new Benign(n + " " + script.text()), f);
      return;
    }
    shellFromStdin(n, in, f);
  }

  private void eval(List<Arg> args, Frame f) {
    if (args.isEmpty()) {
      a.emit(new Benign("eval"), f);
      return;
    }
    for (Arg x : args) {
      if (!x.known()) {
        String tool = x.written().replaceAll("^\"?\\$\\(|^\"?`", "").strip();
        String first = tool.split("[\\s)`\"]+", 2)[0];
        if ((x.written().contains("$(") || x.written().contains("`")) && EVAL_INIT_TOOLS.contains(base(first))) {
          a.emit(new Benign("eval of `" + first + "` set-up"), f);
          return;
        }
        a.emit(new HiddenPayload("`eval` runs `" + x.written() + "`: " + x.unknown()), f);
        return;
      }
    }
    a.nested(joinFrom(args, 0), f, "`eval`", null);
  }

  private void source(String n, List<Arg> args, Input in, Frame f) {
    if (args.isEmpty()) {
      a.emit(new Benign(n), f);
      return;
    }
    Arg file = args.get(0);
    if (file.written().startsWith("<(")) {
      a.emit(new HiddenPayload("`" + n + "` runs the output of `" + file.written() + "`, which cannot be seen before it runs"), f);
    } else if (file.known() && (file.text().equals("/dev/stdin") || file.text().equals("-")) && in.present()) {
      shellFromStdin(n, in, f);
    } else {
      Optional<String> text = file.known() ? a.readFile(file.text()) : Optional.empty();
      if (text.isPresent()) {
        a.nested(text.get(), f, "`" + n + " " + file.text() + "`", null);
      } else {
        a.emit(new Benign(n), f);
      }
    }
  }

  private static final Set<String> SSH_VALUE_OPTIONS = Set.of("-p", "-i", "-l", "-o", "-F", "-J", "-L", "-R", "-D", "-b", "-c", "-e", "-m", "-O", "-S", "-W", "-w", "-E", "-B", "-Q", "-I");

  private void ssh(List<Arg> args, Input in, Frame f) {
    int i = 0;
    while (i < args.size() && args.get(i).text().startsWith("-")) {
      String t = args.get(i).text();
      i += SSH_VALUE_OPTIONS.contains(t) ? 2 : 1;
    }
    if (i >= args.size()) {
      a.emit(new Benign("ssh"), f);
      return;
    }
    String host = args.get(i).text();
    if (host.contains("@")) {
      host = host.substring(host.indexOf('@') + 1);
    }
    String how = "`ssh " + host + "`";
    if (i + 1 < args.size()) {
      List<Arg> rest = args.subList(i + 1, args.size());
      for (Arg x : rest) {
        if (!x.known()) {
          a.emit(new HiddenPayload(how + " runs `" + x.written() + "`: " + x.unknown()), f);
          return;
        }
      }
      a.nested(joinFrom(rest, 0), f, how, host);
      return;
    }
    if (in.text() != null) {
      a.nested(in.text(), f, how, host);
    } else if (in.opaque() != null) {
      a.emit(new HiddenPayload(how + " runs " + in.opaque()), f);
    } else {
      a.emit(new Benign("ssh"), f);
    }
  }

  // ---- files ----

  private List<PathTarget> resolveAll(List<Arg> args, Frame f, boolean followFinal) {
    List<PathTarget> out = new ArrayList<>();
    for (Arg x : args) {
      out.addAll(a.paths.resolve(x, a.cwd, followFinal, f.host()));
    }
    return out;
  }

  private void rm(String n, List<Arg> args, Frame f, List<PathTarget> extra) {
    boolean recursive = false;
    boolean force = false;
    boolean noPreserveRoot = false;
    List<Arg> operands = new ArrayList<>();
    boolean options = true;
    int start = 0;
    if (n.equals("gio")) {
      if (args.isEmpty() || !(args.get(0).text().equals("remove") || args.get(0).text().equals("trash"))) {
        a.emit(new Benign("gio"), f);
        return;
      }
      if (args.get(0).text().equals("trash")) {
        a.emit(new Benign("gio trash"), f);
        return;
      }
      start = 1;
    }
    if (n.equals("trash")) {
      a.emit(new Benign("trash"), f);
      return;
    }
    for (int i = start; i < args.size(); i++) {
      Arg x = args.get(i);
      String t = x.text();
      if (options && t.equals("--")) {
        options = false;
      } else if (options && t.startsWith("--") && x.known()) {
        switch (t) {
          case "--recursive" -> recursive = true;
          case "--force" -> force = true;
          case "--no-preserve-root" -> noPreserveRoot = true;
          default -> {
            // --verbose, --interactive, --one-file-system, --dir
          }
        }
      } else if (options && t.startsWith("-") && t.length() > 1 && x.known()) {
        for (char c : t.substring(1).toCharArray()) {
          if (c == 'r' || c == 'R') {
            recursive = true;
          } else if (c == 'f') {
            force = true;
          }
        }
      } else {
        operands.add(x);
      }
    }
    if (n.equals("srm")) {
      force = true;
    }
    List<PathTarget> targets = resolveAll(operands, f, false);
    if (extra != null) {
      targets.addAll(extra);
    }
    if (targets.isEmpty()) {
      a.emit(new Benign(n), f);
      return;
    }
    if (noPreserveRoot) {
      targets = noted(targets, "--no-preserve-root");
    }
    String flags = (recursive ? "r" : "") + (force ? "f" : "");
    String tool = n.equals("gio") ? "gio remove" : n + (flags.isEmpty() ? "" : " -" + flags);
    a.emitRemove(tool, targets, recursive, force, f);
  }

  private static List<PathTarget> noted(List<PathTarget> targets, String note) {
    List<PathTarget> out = new ArrayList<>();
    for (PathTarget t : targets) {
      List<String> notes = new ArrayList<>(t.notes());
      notes.add(note);
      out.add(new PathTarget(t.written(), t.path(), t.place(), t.host(), t.linkedFrom(), t.exists(), t.directory(), t.contents(), t.git(), notes));
    }
    return out;
  }

  private void shred(List<Arg> args, Frame f, List<PathTarget> extra) {
    boolean remove = false;
    List<Arg> operands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String t = args.get(i).text();
      if (t.equals("-n") || t.equals("-s") || t.equals("--iterations") || t.equals("--size") || t.equals("--random-source")) {
        i++;
      } else if (t.equals("-u") || t.startsWith("--remove") || (t.matches("-[a-zA-Z]+") && t.contains("u"))) {
        remove = true;
      } else if (!t.startsWith("-")) {
        operands.add(args.get(i));
      }
    }
    List<PathTarget> targets = resolveAll(operands, f, true);
    if (extra != null) {
      targets.addAll(extra);
    }
    if (targets.isEmpty()) {
      a.emit(new Benign("shred"), f);
      return;
    }
    a.emit(new OverwritePaths("shred" + (remove ? " -u" : ""), remove ? "overwrites with random data and deletes" : "overwrites with random data", targets), f);
  }

  /** find's start paths, with place PROJECT_ROOT lowered to PROJECT when an expression filters. */
  List<PathTarget> findStarts(List<Arg> args, Frame f, boolean forOutput) {
    List<Arg> starts = new ArrayList<>();
    int i = 0;
    while (i < args.size() && (args.get(i).text().equals("-H") || args.get(i).text().equals("-L") || args.get(i).text().equals("-P"))) {
      i++;
    }
    for (; i < args.size(); i++) {
      String t = args.get(i).text();
      if (t.startsWith("-") || t.equals("(") || t.equals("!") || t.equals(",")) {
        break;
      }
      starts.add(args.get(i));
    }
    boolean filtered = false;
    StringBuilder filter = new StringBuilder();
    for (; i < args.size(); i++) {
      String t = args.get(i).text();
      if (t.equals("-delete") || t.startsWith("-exec") || t.startsWith("-ok")) {
        break;
      }
      if (t.equals("-name") || t.equals("-iname") || t.equals("-path") || t.equals("-ipath") || t.equals("-regex") || t.equals("-type") || t.equals("-mtime")
          || t.equals("-mmin") || t.equals("-newer") || t.equals("-size") || t.equals("-empty") || t.equals("-user") || t.equals("-wholename")) {
        filtered = true;
      }
      if (!t.equals("-maxdepth") && !t.equals("-mindepth")) {
        filter.append(filter.length() > 0 ? " " : "").append(t);
      }
    }
    List<PathTarget> out = new ArrayList<>();
    List<PathTarget> resolved = starts.isEmpty()
        ? (a.cwd == null ? List.of(PathTarget.unknown(".", "relative to an unknown directory")) : List.of(a.paths.target(".", a.cwd, true, List.of(), filtered)))
        : a.paths.resolveAll(starts, a.cwd, f.host(), filtered);
    for (PathTarget t : resolved) {
      List<String> notes = new ArrayList<>(t.notes());
      notes.add(filtered ? "only what matches `" + Expander.shorten(filter.toString()) + "`" : "everything under it");
      Place place = filtered && t.place() == Place.PROJECT_ROOT ? Place.PROJECT : t.place();
      out.add(new PathTarget(t.written(), t.path(), place, t.host(), t.linkedFrom(), t.exists(), t.directory(), t.contents(), t.git(), notes));
    }
    return out;
  }

  private void find(String n, List<Arg> args, Input in, Frame f) {
    if (n.equals("fd")) {
      // fd PATTERN [PATH] -x/--exec CMD, -X/--exec-batch CMD
      for (int i = 0; i < args.size(); i++) {
        String t = args.get(i).text();
        if (t.equals("-x") || t.equals("--exec") || t.equals("-X") || t.equals("--exec-batch")) {
          List<Arg> cmd = new ArrayList<>(args.subList(i + 1, args.size()));
          int end = 0;
          while (end < cmd.size() && !cmd.get(end).text().equals(";")) {
            end++;
          }
          cmd = new ArrayList<>(cmd.subList(0, end));
          cmd.removeIf(x -> x.text().startsWith("{") && x.text().endsWith("}"));
          List<PathTarget> found = a.cwd == null ? List.of(PathTarget.unknown(".", "relative to an unknown directory")) : List.of(projectLowered(a.paths.target(".", a.cwd, true, List.of("files found by `fd`"))));
          if (!cmd.isEmpty()) {
            run(cmd, Input.NONE, f.nested("`fd --exec`", null), found);
          }
          return;
        }
      }
      a.emit(new Benign("fd"), f);
      return;
    }
    List<PathTarget> starts = findStarts(args, f, false);
    boolean acted = false;
    for (int i = 0; i < args.size(); i++) {
      String t = args.get(i).text();
      if (t.equals("-delete")) {
        a.emitRemove("find -delete", starts, true, true, f);
        acted = true;
      } else if (t.equals("-exec") || t.equals("-execdir") || t.equals("-ok") || t.equals("-okdir")) {
        int end = i + 1;
        while (end < args.size() && !args.get(end).text().equals(";") && !(args.get(end).text().equals("+") && end > i + 1 && args.get(end - 1).text().equals("{}"))) {
          end++;
        }
        List<Arg> cmd = new ArrayList<>(args.subList(i + 1, Math.min(end, args.size())));
        boolean hasBraces = cmd.stream().anyMatch(x -> x.text().contains("{}"));
        cmd.removeIf(x -> x.text().equals("{}"));
        if (!cmd.isEmpty()) {
          run(cmd, Input.NONE, f.nested("`find " + t + "`", null), hasBraces ? starts : null);
        }
        acted = true;
        i = end;
      }
    }
    if (!acted) {
      a.emit(new Benign("find"), f);
    }
  }

  private static PathTarget projectLowered(PathTarget t) {
    Place place = t.place() == Place.PROJECT_ROOT ? Place.PROJECT : t.place();
    return new PathTarget(t.written(), t.path(), place, t.host(), t.linkedFrom(), t.exists(), t.directory(), t.contents(), t.git(), t.notes());
  }

  /** Keeps the targets whose contents a write would destroy: existing files, system paths, unknowns. */
  List<PathTarget> overwritten(List<PathTarget> targets) {
    List<PathTarget> out = new ArrayList<>();
    for (PathTarget t : targets) {
      if (Paths.harmlessDevice(t.path())) {
        continue;
      }
      if ((t.exists() && !t.directory()) || t.place() == Place.SYSTEM && !t.directory() || (t.place() == Place.REMOTE && t.host().isPresent())) {
        out.add(t);
      }
    }
    return out;
  }

  private void dd(List<Arg> args, Frame f) {
    for (Arg x : args) {
      if (x.text().startsWith("of=")) {
        Arg target = new Arg(x.text().substring(3), x.pattern().startsWith("of=") ? x.pattern().substring(3) : x.pattern(), false, x.unknown(), x.emptyVars(), false,
            x.written().startsWith("of=") ? x.written().substring(3) : x.written());
        List<PathTarget> targets = a.paths.resolve(target, a.cwd, true, f.host());
        List<PathTarget> hit = new ArrayList<>(overwritten(targets));
        for (PathTarget t : targets) {
          if (t.place() == Place.UNKNOWN) {
            hit.add(t);
          }
        }
        if (!hit.isEmpty()) {
          a.emit(new OverwritePaths("dd of=", "overwrites", hit), f);
          return;
        }
      }
    }
    a.emit(new Benign("dd"), f);
  }

  private void truncate(List<Arg> args, Frame f, List<PathTarget> extra) {
    String size = null;
    List<Arg> operands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String t = args.get(i).text();
      if ((t.equals("-s") || t.equals("--size") || t.equals("-r") || t.equals("--reference")) && i + 1 < args.size()) {
        if (t.equals("-s") || t.equals("--size")) {
          size = args.get(i + 1).text();
        }
        i++;
      } else if (t.startsWith("--size=")) {
        size = t.substring(7);
      } else if (t.startsWith("-s") && t.length() > 2) {
        size = t.substring(2);
      } else if (!t.startsWith("-")) {
        operands.add(args.get(i));
      }
    }
    List<PathTarget> targets = overwritten(resolveAll(operands, f, true));
    if (extra != null) {
      targets.addAll(extra);
    }
    if (targets.isEmpty() || size != null && (size.startsWith("+") || size.startsWith(">"))) {
      a.emit(new Benign("truncate"), f);
      return;
    }
    a.emit(new OverwritePaths("truncate" + (size == null ? "" : " -s " + size), "truncates", targets), f);
  }

  private void copy(String n, List<Arg> args, Frame f, List<PathTarget> extra) {
    boolean noClobber = false;
    boolean noTargetDir = false;
    Arg targetDir = null;
    List<Arg> operands = new ArrayList<>();
    boolean options = true;
    for (int i = 0; i < args.size(); i++) {
      Arg x = args.get(i);
      String t = x.text();
      if (options && t.equals("--")) {
        options = false;
      } else if (options && t.startsWith("-") && t.length() > 1) {
        if (t.equals("-t") || t.equals("--target-directory")) {
          targetDir = i + 1 < args.size() ? args.get(++i) : null;
        } else if (t.startsWith("--target-directory=")) {
          targetDir = new Arg(t.substring(19), Expander.escapeAll(t.substring(19)), false, x.unknown(), x.emptyVars(), false, t.substring(19));
        } else if (t.equals("-n") || t.equals("--no-clobber") || t.equals("-i") || t.equals("--interactive") || t.startsWith("--backup") || t.equals("-b")
            || t.equals("--update=none") || t.equals("-u") || t.equals("--update") || t.equals("--ignore-existing")) {
          noClobber = true;
        } else if (t.equals("-T") || t.equals("--no-target-directory")) {
          noTargetDir = true;
        } else if (t.equals("-S") || t.equals("--suffix") || t.equals("-m") || t.equals("--mode") || t.equals("-o") || t.equals("-g") || t.equals("-e")
            || t.equals("--exclude") || t.equals("--include") || t.equals("--filter")) {
          i++;
        } else if (!t.startsWith("--") && t.matches("-[a-zA-Z]+") && (t.contains("n") && !n.equals("rsync") || t.contains("i") && !n.equals("rsync") || t.contains("b"))) {
          noClobber = true;
        }
      } else {
        operands.add(x);
      }
    }
    if (n.equals("rsync")) {
      boolean delete = args.stream().anyMatch(x -> x.text().startsWith("--delete") || x.text().equals("--remove-source-files"));
      if (delete && operands.size() >= 2 && args.stream().noneMatch(x -> x.text().equals("-n") || x.text().equals("--dry-run") || x.text().matches("-[a-zA-Z]*n[a-zA-Z]*"))) {
        Arg dest = operands.get(operands.size() - 1);
        if (dest.text().contains(":") && !dest.text().startsWith("/")) {
          String host = dest.text().substring(0, dest.text().indexOf(':'));
          String path = dest.text().substring(dest.text().indexOf(':') + 1);
          a.emitRemove("rsync --delete", List.of(new PathTarget(dest.text(), path, Paths.isSystem(path) ? Place.SYSTEM : Place.REMOTE, java.util.Optional.of(host),
              java.util.Optional.empty(), false, false, java.util.Optional.empty(), PathTarget.Git.UNKNOWN, List.of("files not in the source are deleted"))), true, true, f);
        } else {
          List<PathTarget> t = a.paths.resolve(dest, a.cwd, true, f.host());
          a.emitRemove("rsync --delete", noted(t, "files not in the source are deleted"), true, true, f);
        }
        return;
      }
      a.emit(new Benign("rsync"), f);
      return;
    }
    if (operands.size() + (targetDir != null ? 1 : 0) < 2 && extra == null) {
      a.emit(new Benign(n), f);
      return;
    }
    if (n.equals("mv") && targetDir == null && !operands.isEmpty() && operands.get(operands.size() - 1).known() && operands.get(operands.size() - 1).text().equals("/dev/null")) {
      a.emitRemove("mv to /dev/null", resolveAll(operands.subList(0, operands.size() - 1), f, false), true, true, f);
      return;
    }
    if (noClobber) {
      a.emit(new Benign(n), f);
      return;
    }
    Arg dest = targetDir != null ? targetDir : operands.isEmpty() ? null : operands.get(operands.size() - 1);
    List<Arg> sources = targetDir != null ? operands : operands.isEmpty() ? List.of() : operands.subList(0, operands.size() - 1);
    if (dest == null) {
      a.emit(new Benign(n), f);
      return;
    }
    List<PathTarget> destTargets = a.paths.resolve(dest, a.cwd, true, f.host());
    List<PathTarget> hit = new ArrayList<>();
    for (PathTarget d : destTargets) {
      if (d.directory() && !noTargetDir) {
        for (Arg src : sources) {
          if (!src.known()) {
            continue;
          }
          String name = src.text().replaceAll("/+$", "");
          name = name.substring(name.lastIndexOf('/') + 1);
          if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            continue;
          }
          PathTarget inside = a.paths.target(dest.written().replaceAll("/+$", "") + "/" + name, Path.of(d.path()).resolve(name), true, List.of());
          if (inside.exists() && !inside.directory()) {
            hit.add(inside);
          }
        }
      } else if ((d.exists() && !d.directory()) || (d.place() == Place.SYSTEM && !d.directory())) {
        hit.add(d);
      }
    }
    if (hit.isEmpty()) {
      a.emit(new Benign(n), f);
      return;
    }
    a.emit(new OverwritePaths(n, n.equals("mv") ? "replaces" : "overwrites", hit), f);
  }

  private void tee(List<Arg> args, Frame f) {
    List<Arg> operands = new ArrayList<>();
    for (Arg x : args) {
      String t = x.text();
      if (t.equals("-a") || t.equals("--append") || t.matches("-[a-zA-Z]*a[a-zA-Z]*")) {
        a.emit(new Benign("tee -a"), f);
        return;
      }
      if (!t.startsWith("-")) {
        operands.add(x);
      }
    }
    List<PathTarget> targets = overwritten(resolveAll(operands, f, true));
    if (targets.isEmpty()) {
      a.emit(new Benign("tee"), f);
      return;
    }
    a.emit(new OverwritePaths("tee", "truncates", targets), f);
  }

  private void chmod(String n, List<Arg> args, Frame f, List<PathTarget> extra) {
    boolean recursive = false;
    List<Arg> operands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Arg x = args.get(i);
      String t = x.text();
      if (t.equals("-R") || t.equals("--recursive") || (t.matches("-[a-zA-Z]+") && t.contains("R"))) {
        recursive = true;
      } else if (t.startsWith("--reference=")) {
        operands.add(0, new Arg("(as " + t.substring(12) + ")", "", false, null, List.of(), false, t));
      } else if (n.equals("setfacl") && (t.equals("-m") || t.equals("-x") || t.equals("-M") || t.equals("-X") || t.equals("--modify") || t.equals("--remove"))) {
        if (i + 1 < args.size()) {
          operands.add(0, args.get(++i));
        }
      } else if (t.startsWith("-") && t.length() > 1 && !(n.equals("chmod") && t.matches("-[rwxXst]+"))) {
        // -v, -c, -h, --preserve-root ...
      } else {
        operands.add(x);
      }
    }
    if (!recursive || operands.size() < (n.equals("setfacl") ? 1 : 2)) {
      a.emit(new Benign(n), f);
      return;
    }
    String mode = n.equals("setfacl") && !operands.isEmpty() && operands.size() == 1 ? "" : operands.get(0).text();
    List<PathTarget> targets = resolveAll(operands.subList(n.equals("setfacl") && operands.size() == 1 ? 0 : 1, operands.size()), f, true);
    if (extra != null) {
      targets.addAll(extra);
    }
    a.emitMode(n + " -R", mode, targets, f);
  }

  private void format(String n, List<Arg> args, Frame f) {
    List<Arg> operands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String t = args.get(i).text();
      if (t.equals("-t") || t.equals("-L") || t.equals("-n") || t.equals("-b") || t.equals("-O") || t.equals("-U") || t.equals("-E") || t.equals("-T")
          || t.equals("-C") || t.equals("-I") || t.equals("-i") || t.equals("-m") || t.equals("-N") || t.equals("-c")) {
        i++;
      } else if (!t.startsWith("-")) {
        operands.add(args.get(i));
      }
    }
    if (operands.isEmpty() || n.equals("fdisk") && args.stream().anyMatch(x -> x.text().equals("-l"))) {
      a.emit(new Benign(n), f);
      return;
    }
    List<Arg> device = List.of(operands.get(0));
    if (n.startsWith("mkfs") || n.equals("mke2fs") || n.equals("mkswap") || n.equals("mkntfs")) {
      device = List.of(operands.get(0));
    }
    List<PathTarget> targets = resolveAll(device, f, true);
    String how = n.startsWith("mkfs") || n.equals("mke2fs") || n.equals("mkntfs") ? "formats (erasing every file on it)"
        : n.equals("mkswap") ? "turns into swap space (erasing it)"
        : n.equals("blkdiscard") ? "discards every block of"
        : n.equals("wipefs") ? "wipes the file-system signatures of"
        : "repartitions";
    a.emit(new OverwritePaths(n, how, targets), f);
  }
}
