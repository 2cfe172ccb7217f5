package dev.airlock.core.shell;

import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.CloudDestroy;
import dev.airlock.core.operation.ClusterChange;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.GitHistoryLoss;
import dev.airlock.core.operation.GitHistoryLoss.Kind;
import dev.airlock.core.operation.KeyStoreFlush;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.PathTarget;
import dev.airlock.core.operation.Predicate;
import dev.airlock.core.operation.UpdateRows;
import dev.airlock.core.shell.Analyzer.Frame;
import dev.airlock.core.shell.Analyzer.Input;
import dev.airlock.core.shell.Expander.Arg;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.EmbeddedSql;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Git, container and cluster tools, cloud and IaC CLIs, database clients. */
final class Tools {
  private final Analyzer a;
  private final Commands commands;

  Tools(Analyzer analyzer, Commands commands) {
    this.a = analyzer;
    this.commands = commands;
  }

  /** Classifies the command if it is one of these tools; false if it is none of them. */
  boolean dispatch(String n, List<Arg> args, Input in, Frame f) {
    switch (n) {
      case "git" -> git(args, f);
      case "kubectl", "oc", "k" -> kubectl(n, args, in, f);
      case "helm" -> helm(args, f);
      case "docker", "podman", "nerdctl" -> docker(n, args, in, f);
      case "docker-compose", "podman-compose" -> composeArgs(n, args, f);
      case "terraform", "tofu", "terragrunt" -> terraform(n, args, f);
      case "pulumi" -> pulumi(args, f);
      case "aws" -> aws(args, f);
      case "gcloud", "az" -> gcloudAz(n, args, f);
      case "gsutil" -> gsutil(args, f);
      case "psql", "pgcli" -> sqlClient(n, args, in, f, Dialect.POSTGRESQL);
      case "mysql", "mariadb" -> sqlClient(n, args, in, f, Dialect.MYSQL);
      case "sqlite3", "sqlite" -> sqlite(n, args, in, f);
      case "mongosh", "mongo" -> mongo(n, args, in, f);
      case "redis-cli", "valkey-cli", "keydb-cli" -> redis(n, args, in, f);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static List<String> texts(List<Arg> args) {
    List<String> out = new ArrayList<>(args.size());
    for (Arg x : args) {
      out.add(x.text());
    }
    return out;
  }

  private static boolean has(List<String> args, String... flags) {
    for (String t : args) {
      for (String f : flags) {
        if (t.equals(f) || (f.startsWith("--") && t.startsWith(f + "="))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a short option letter appears in any bundle such as {@code -fdx}. */
  private static boolean shortFlag(List<String> args, char c) {
    for (String t : args) {
      if (t.length() > 1 && t.charAt(0) == '-' && t.charAt(1) != '-' && t.indexOf(c) > 0) {
        return true;
      }
    }
    return false;
  }

  private static String shown(String tool, List<String> args) {
    return Expander.shorten(tool + " " + String.join(" ", args));
  }

  // ---- git ----

  private static final Set<String> LOSSY =
      Set.of("reset", "checkout", "restore", "switch", "clean", "push", "branch", "stash", "filter-branch", "filter-repo", "reflog", "gc", "prune", "update-ref");

  private void git(List<Arg> all, Frame f) {
    List<String> args = texts(all);
    Path dir = a.cwd;
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      String t = args.get(i);
      if (t.equals("-C") && i + 1 < args.size()) {
        dir = dir == null && !args.get(i + 1).startsWith("/") ? null : commands.chdirFrom(dir, all.get(i + 1));
        i += 2;
      } else if (t.equals("-c") || t.equals("--git-dir") || t.equals("--work-tree") || t.equals("--namespace") || t.equals("--exec-path") && false) {
        i += 2;
      } else {
        i++;
      }
    }
    if (i >= args.size()) {
      a.emit(new Benign("git"), f);
      return;
    }
    String sub = args.get(i);
    List<String> rest = args.subList(i + 1, args.size());
    String cmd = shown("git", args);
    Optional<String> repo = Optional.empty();
    if (dir != null && f.host() == null && LOSSY.contains(sub)) {
      repo = a.ctx.fs().gitTopLevel(dir).map(Path::toString);
    }
    switch (sub) {
      case "reset" -> {
        if (has(rest, "--hard")) {
          String ref = rest.stream().filter(t -> !t.startsWith("-")).findFirst().orElse("HEAD");
          String detail = "every uncommitted change to tracked files" + (ref.equals("HEAD") ? "" : "; the branch moves to `" + ref + "`, leaving later commits only in the reflog");
          emitGit(Kind.RESET_HARD, cmd, detail, repo, uncommitted(repo, List.of()), f, !ref.equals("HEAD"));
          return;
        }
      }
      case "checkout" -> {
        int dd = rest.indexOf("--");
        if (has(rest, "-f", "--force")) {
          emitGit(Kind.RESET_HARD, cmd, "every uncommitted change to tracked files (checkout --force)", repo, uncommitted(repo, List.of()), f, false);
          return;
        }
        if (has(rest, "-b", "-B", "--orphan", "--track", "-t")) {
          break;
        }
        List<String> pathspecs = new ArrayList<>();
        if (dd >= 0) {
          pathspecs.addAll(rest.subList(dd + 1, rest.size()));
        } else {
          for (String t : rest) {
            if (!t.startsWith("-") && (t.equals(".") || t.equals(":/") || looksLikeExistingPath(dir, t))) {
              pathspecs.add(t);
            }
          }
        }
        if (!pathspecs.isEmpty()) {
          emitGit(Kind.DISCARD_CHANGES, cmd, "uncommitted changes to " + quoteAll(pathspecs), repo, uncommitted(repo, resolvePathspecs(dir, pathspecs)), f, false);
          return;
        }
      }
      case "restore" -> {
        boolean staged = has(rest, "--staged", "-S");
        boolean worktree = has(rest, "--worktree", "-W");
        if (!staged || worktree) {
          List<String> pathspecs = new ArrayList<>();
          for (int j = 0; j < rest.size(); j++) {
            String t = rest.get(j);
            if (t.equals("-s") || t.equals("--source")) {
              j++;
            } else if (!t.startsWith("-")) {
              pathspecs.add(t);
            }
          }
          if (!pathspecs.isEmpty()) {
            emitGit(Kind.DISCARD_CHANGES, cmd, "uncommitted changes to " + quoteAll(pathspecs), repo, uncommitted(repo, resolvePathspecs(dir, pathspecs)), f, false);
            return;
          }
        }
      }
      case "switch" -> {
        if (has(rest, "--discard-changes", "-f", "--force")) {
          emitGit(Kind.RESET_HARD, cmd, "every uncommitted change to tracked files (switch --discard-changes)", repo, uncommitted(repo, List.of()), f, false);
          return;
        }
      }
      case "clean" -> {
        boolean force = has(rest, "--force") || shortFlag(rest, 'f');
        boolean dry = has(rest, "--dry-run") || shortFlag(rest, 'n');
        boolean interactive = has(rest, "--interactive") || shortFlag(rest, 'i');
        if (force && !dry && !interactive) {
          boolean dirs = shortFlag(rest, 'd');
          boolean ignored = shortFlag(rest, 'x');
          boolean onlyIgnored = shortFlag(rest, 'X');
          String detail = onlyIgnored ? "every ignored file" : "every untracked file" + (dirs ? " and directory" : "") + (ignored ? ", including ignored ones (.env, build output, local data)" : "");
          emitGit(Kind.CLEAN, cmd, detail, repo, OptionalInt.empty(), f, true);
          return;
        }
      }
      case "push" -> {
        push(rest, cmd, repo, f);
        return;
      }
      case "branch" -> {
        boolean forceDelete = has(rest, "-D") || (has(rest, "-d", "--delete") && has(rest, "-f", "--force"));
        if (forceDelete) {
          List<String> names = rest.stream().filter(t -> !t.startsWith("-")).toList();
          emitGit(Kind.DELETE_BRANCH, cmd, (names.size() == 1 ? "branch " : "branches ") + quoteAll(names) + " even if not merged", repo, OptionalInt.empty(), f, true);
          return;
        }
      }
      case "stash" -> {
        if (!rest.isEmpty() && (rest.get(0).equals("drop") || rest.get(0).equals("clear"))) {
          String detail = rest.get(0).equals("clear") ? "every stash entry" : "stash entry " + (rest.size() > 1 ? "`" + rest.get(1) + "`" : "`stash@{0}`");
          emitGit(Kind.DROP_STASH, cmd, detail, repo, OptionalInt.empty(), f, true);
          return;
        }
      }
      case "filter-branch", "filter-repo" -> {
        emitGit(Kind.REWRITE_HISTORY, cmd, "the original commits: every commit it touches is rewritten, and the old ones survive only in the reflog and backups", repo, OptionalInt.empty(), f, true);
        return;
      }
      case "reflog" -> {
        if (!rest.isEmpty() && (rest.get(0).equals("expire") || rest.get(0).equals("delete"))) {
          emitGit(Kind.REWRITE_HISTORY, cmd, "reflog entries, the only way back to reset or rebased commits", repo, OptionalInt.empty(), f, true);
          return;
        }
      }
      case "gc" -> {
        if (rest.stream().anyMatch(t -> t.equals("--prune=now") || t.equals("--prune=all"))) {
          emitGit(Kind.REWRITE_HISTORY, cmd, "every unreachable commit at once", repo, OptionalInt.empty(), f, true);
          return;
        }
      }
      case "prune" -> {
        if (!has(rest, "-n", "--dry-run")) {
          emitGit(Kind.REWRITE_HISTORY, cmd, "unreachable commits", repo, OptionalInt.empty(), f, true);
          return;
        }
      }
      case "update-ref" -> {
        if (has(rest, "-d")) {
          List<String> refs = rest.stream().filter(t -> !t.startsWith("-")).toList();
          emitGit(Kind.DELETE_BRANCH, cmd, "ref " + quoteAll(refs.isEmpty() ? List.of("?") : refs.subList(0, 1)), repo, OptionalInt.empty(), f, true);
          return;
        }
      }
      default -> {
        // status, log, diff, add, commit, fetch, pull, ...
      }
    }
    a.emit(new Benign("git " + sub), f);
  }

  private void push(List<String> rest, String cmd, Optional<String> repo, Frame f) {
    boolean force = has(rest, "--force", "-f") || (shortFlag(rest, 'f') && rest.stream().anyMatch(t -> t.matches("-[a-zA-Z]*f[a-zA-Z]*")));
    boolean mirror = has(rest, "--mirror");
    boolean delete = has(rest, "--delete", "-d");
    boolean prune = has(rest, "--prune");
    boolean dry = has(rest, "--dry-run", "-n");
    List<String> positional = new ArrayList<>();
    for (int j = 0; j < rest.size(); j++) {
      String t = rest.get(j);
      if (t.equals("-o") || t.equals("--push-option") || t.equals("--repo") || t.equals("--receive-pack") || t.equals("--exec")) {
        j++;
      } else if (!t.startsWith("-")) {
        positional.add(t);
      }
    }
    String remote = positional.isEmpty() ? "the default remote" : "`" + positional.get(0) + "`";
    List<String> refspecs = positional.size() > 1 ? positional.subList(1, positional.size()) : List.of();
    if (dry) {
      a.emit(new Benign("git push --dry-run"), f);
      return;
    }
    List<String> forced = refspecs.stream().filter(r -> r.startsWith("+")).map(r -> r.substring(1)).toList();
    List<String> deleted = new ArrayList<>(refspecs.stream().filter(r -> r.startsWith(":") && r.length() > 1).map(r -> r.substring(1)).toList());
    if (delete) {
      deleted.addAll(refspecs.stream().filter(r -> !r.startsWith(":") && !r.startsWith("+")).toList());
    }
    if (mirror) {
      emitGit(Kind.FORCE_PUSH, cmd, "every ref on " + remote + ": --mirror overwrites them all and deletes the ones missing here", repo, OptionalInt.empty(), f, true);
    } else if (force || !forced.isEmpty()) {
      List<String> which = !forced.isEmpty() ? forced : refspecs;
      String what = which.isEmpty() ? "the current branch" : (which.size() == 1 ? "branch " : "branches ") + quoteAll(which.stream().map(r -> r.contains(":") ? r.substring(r.indexOf(':') + 1) : r).toList());
      emitGit(Kind.FORCE_PUSH, cmd, "commits on " + what + " of " + remote + " that are not in the local branch", repo, OptionalInt.empty(), f, true);
    }
    if (!deleted.isEmpty()) {
      emitGit(Kind.DELETE_BRANCH, cmd, (deleted.size() == 1 ? "branch " : "branches ") + quoteAll(deleted) + " on " + remote, repo, OptionalInt.empty(), f, true);
    } else if (prune) {
      emitGit(Kind.DELETE_BRANCH, cmd, "every branch on " + remote + " that does not exist locally (--prune)", repo, OptionalInt.empty(), f, true);
    } else if (!mirror && !force && forced.isEmpty()) {
      a.emit(new Benign("git push"), f);
    }
  }

  private void emitGit(Kind kind, String cmd, String detail, Optional<String> repo, OptionalInt uncommitted, Frame f, boolean ignored) {
    a.emit(new GitHistoryLoss(kind, cmd, detail + (f.host() != null ? " on host " + f.host() : ""), repo, uncommitted), f);
  }

  private OptionalInt uncommitted(Optional<String> repo, List<Path> paths) {
    if (repo.isEmpty()) {
      return OptionalInt.empty();
    }
    if (paths.isEmpty()) {
      return a.ctx.fs().modifiedTrackedFiles(Path.of(repo.get()), 10_000);
    }
    int sum = 0;
    for (Path p : paths) {
      OptionalInt n = a.ctx.fs().modifiedTrackedFiles(p, 10_000);
      if (n.isEmpty()) {
        return OptionalInt.empty();
      }
      sum += n.getAsInt();
    }
    return OptionalInt.of(sum);
  }

  private List<Path> resolvePathspecs(Path dir, List<String> specs) {
    List<Path> out = new ArrayList<>();
    for (String s : specs) {
      if (dir == null || Glob.hasMagic(s) || s.startsWith(":")) {
        return List.of();
      }
      out.add(dir.resolve(s).normalize());
    }
    return out;
  }

  private boolean looksLikeExistingPath(Path dir, String t) {
    if (dir == null) {
      return false;
    }
    try {
      return a.ctx.fs().exists(dir.resolve(t)) && a.ctx.fs().git(dir.resolve(t)) != PathTarget.Git.NO_REPOSITORY
          && !a.ctx.fs().exists(dir.resolve(".git/refs/heads/" + t));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String quoteAll(List<String> names) {
    List<String> q = new ArrayList<>();
    for (String n : names) {
      q.add("`" + n + "`");
    }
    return String.join(", ", q);
  }

  // ---- kubernetes, helm, docker ----

  private static final Set<String> KUBECTL_VALUE_OPTIONS =
      Set.of("-n", "--namespace", "--context", "--cluster", "--kubeconfig", "-l", "--selector", "-f", "--filename", "-o", "--output", "--user", "-s",
          "--server", "--field-selector", "--grace-period", "--timeout", "--replicas", "-c", "--container", "--as", "--token", "-k", "--kustomize",
          "--cascade", "--current-replicas", "--request-timeout", "-p", "--pod-running-timeout");

  private void kubectl(String n, List<Arg> all, Input in, Frame f) {
    List<String> args = texts(all);
    List<String> positional = new ArrayList<>();
    Optional<String> namespace = Optional.empty();
    String context = null;
    String file = null;
    String replicas = null;
    String selector = null;
    int dashdash = args.indexOf("--");
    int limit = dashdash >= 0 ? dashdash : args.size();
    for (int j = 0; j < limit; j++) {
      String t = args.get(j);
      String value = null;
      String key = t;
      if (t.startsWith("--") && t.contains("=")) {
        key = t.substring(0, t.indexOf('='));
        value = t.substring(t.indexOf('=') + 1);
      } else if (KUBECTL_VALUE_OPTIONS.contains(t) && j + 1 < limit) {
        value = args.get(++j);
      } else if (t.startsWith("-n") && t.length() > 2 && !t.startsWith("--")) {
        key = "-n";
        value = t.substring(2);
      }
      if (value != null) {
        switch (key) {
          case "-n", "--namespace" -> namespace = Optional.of(value);
          case "--context" -> context = value;
          case "-f", "--filename", "-k", "--kustomize" -> file = value;
          case "--replicas" -> replicas = value;
          case "-l", "--selector" -> selector = value;
          default -> {
            // other options
          }
        }
      } else if (!t.startsWith("-")) {
        positional.add(t);
      }
    }
    if (context != null) {
      namespace = Optional.of(namespace.map(ns -> ns + ", ").orElse("") + "context " + context);
    }
    boolean allNs = has(args, "-A", "--all-namespaces");
    boolean dry = args.stream().anyMatch(t -> t.startsWith("--dry-run") && !t.equals("--dry-run=none"));
    if (positional.isEmpty()) {
      a.emit(new Benign(n), f);
      return;
    }
    String sub = positional.get(0);
    if (dry) {
      a.emit(new Benign(n + " " + sub + " --dry-run"), f);
      return;
    }
    switch (sub) {
      case "delete" -> {
        List<String> objects = positional.subList(1, positional.size());
        boolean every = has(args, "--all") || selector != null || allNs;
        if (objects.isEmpty() && file == null && !every) {
          a.emit(new Benign(n + " delete"), f);
          return;
        }
        String resource = objects.isEmpty() ? (file != null ? "objects in " + file : "?") : objects.get(0);
        List<String> names = new ArrayList<>(objects.size() > 1 ? objects.subList(1, objects.size()) : List.of());
        if (resource.contains("/")) {
          names.clear();
          for (String o : objects) {
            names.add(o.substring(o.indexOf('/') + 1));
          }
          resource = resource.substring(0, resource.indexOf('/'));
        }
        String kind = resource.toLowerCase(Locale.ROOT);
        if (kind.equals("namespace") || kind.equals("namespaces") || kind.equals("ns")) {
          a.emit(new CloudDestroy(n, "delete namespace", names.isEmpty() ? List.of(every ? "every namespace" : "?") : names, false, false), f);
          return;
        }
        boolean data = Set.of("pvc", "pvcs", "persistentvolumeclaim", "persistentvolumeclaims", "pv", "pvs", "persistentvolume", "persistentvolumes", "statefulset",
                "statefulsets", "sts", "all", "secret", "secrets", "configmap", "configmaps", "crd", "crds", "customresourcedefinition", "customresourcedefinitions")
            .stream().anyMatch(k -> List.of(kind.split(",")).contains(k));
        a.emit(new ClusterChange(n, "delete", resource, names, namespace, every, data), f);
      }
      case "drain" -> a.emit(new ClusterChange(n, "drain", "node", positional.subList(1, positional.size()), namespace, false, has(args, "--delete-emptydir-data", "--delete-local-data")), f);
      case "scale" -> {
        if ("0".equals(replicas)) {
          List<String> objects = positional.subList(1, positional.size());
          String resource = objects.isEmpty() ? "?" : objects.get(0);
          List<String> names = objects.size() > 1 ? objects.subList(1, objects.size()) : List.of();
          if (resource.contains("/")) {
            names = List.of(resource.substring(resource.indexOf('/') + 1));
            resource = resource.substring(0, resource.indexOf('/'));
          }
          a.emit(new ClusterChange(n, "scale to 0 replicas", resource, names, namespace, has(args, "--all") || selector != null, false), f);
        } else {
          a.emit(new Benign(n + " scale"), f);
        }
      }
      case "exec" -> {
        if (dashdash >= 0 && dashdash + 1 < all.size()) {
          String pod = positional.size() > 1 ? positional.get(1) : "?";
          commands.run(new ArrayList<>(all.subList(dashdash + 1, all.size())), in, f.nested("`" + n + " exec " + pod + "`", "pod " + pod), null);
          return;
        }
        a.emit(new Benign(n + " exec"), f);
      }
      default -> a.emit(new Benign(n + " " + sub), f);
    }
  }

  private void helm(List<Arg> all, Frame f) {
    List<String> args = texts(all);
    List<String> positional = new ArrayList<>();
    Optional<String> namespace = Optional.empty();
    for (int j = 0; j < args.size(); j++) {
      String t = args.get(j);
      if ((t.equals("-n") || t.equals("--namespace") || t.equals("--kube-context")) && j + 1 < args.size()) {
        if (!t.equals("--kube-context")) {
          namespace = Optional.of(args.get(j + 1));
        }
        j++;
      } else if (t.equals("--timeout") || t.equals("--cascade") || t.equals("--description")) {
        j++;
      } else if (!t.startsWith("-")) {
        positional.add(t);
      }
    }
    if (!positional.isEmpty() && Set.of("uninstall", "delete", "del", "un").contains(positional.get(0)) && !has(args, "--dry-run")) {
      a.emit(new ClusterChange("helm", "uninstall", "release", positional.subList(1, positional.size()), namespace, false, !has(args, "--keep-history")), f);
      return;
    }
    a.emit(new Benign("helm" + (positional.isEmpty() ? "" : " " + positional.get(0))), f);
  }

  private void docker(String n, List<Arg> all, Input in, Frame f) {
    List<String> args = texts(all);
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      String t = args.get(i);
      i += (t.equals("-H") || t.equals("--host") || t.equals("--context") || t.equals("-c") || t.equals("--config") || t.equals("-l") || t.equals("--log-level")) ? 2 : 1;
    }
    if (i >= args.size()) {
      a.emit(new Benign(n), f);
      return;
    }
    String sub = args.get(i);
    List<String> rest = args.subList(i + 1, args.size());
    if (sub.equals("container") || sub.equals("volume") || sub.equals("system") || sub.equals("image")) {
      String op = rest.isEmpty() ? "" : rest.get(0);
      List<String> more = rest.isEmpty() ? List.of() : rest.subList(1, rest.size());
      if (sub.equals("container") && (op.equals("rm") || op.equals("remove"))) {
        dockerRm(n, more, f);
        return;
      }
      if (sub.equals("volume") && (op.equals("rm") || op.equals("remove") || op.equals("prune"))) {
        List<String> names = more.stream().filter(t -> !t.startsWith("-")).toList();
        boolean prune = op.equals("prune");
        a.emit(new ClusterChange(n, "volume " + op, "volume", names, Optional.empty(), prune, true), f);
        return;
      }
      if (sub.equals("system") && op.equals("prune")) {
        boolean volumes = has(more, "--volumes");
        boolean allImages = has(more, "-a", "--all") || shortFlag(more, 'a');
        if (volumes || allImages) {
          a.emit(new ClusterChange(n, "system prune" + (allImages ? " -a" : "") + (volumes ? " --volumes" : ""), volumes ? "containers, images and volumes" : "containers and images",
              List.of(), Optional.empty(), true, volumes), f);
          return;
        }
      }
      a.emit(new Benign(n + " " + sub + " " + op), f);
      return;
    }
    switch (sub) {
      case "rm" -> dockerRm(n, rest, f);
      case "compose" -> compose(n + " compose", rest, f);
      case "exec" -> {
        int j = 0;
        while (j < rest.size() && rest.get(j).startsWith("-")) {
          String t = rest.get(j);
          j += (t.equals("-e") || t.equals("--env") || t.equals("-u") || t.equals("--user") || t.equals("-w") || t.equals("--workdir") || t.equals("--env-file")) ? 2 : 1;
        }
        if (j + 1 < rest.size()) {
          String container = rest.get(j);
          int offset = i + 1 + j + 1;
          commands.run(new ArrayList<>(all.subList(offset, all.size())), in, f.nested("`" + n + " exec " + container + "`", "container " + container), null);
          return;
        }
        a.emit(new Benign(n + " exec"), f);
      }
      default -> a.emit(new Benign(n + " " + sub), f);
    }
  }

  private void dockerRm(String n, List<String> rest, Frame f) {
    boolean volumes = has(rest, "-v", "--volumes") || shortFlag(rest, 'v');
    boolean force = has(rest, "-f", "--force") || shortFlag(rest, 'f');
    List<String> names = rest.stream().filter(t -> !t.startsWith("-")).toList();
    if (volumes || force) {
      a.emit(new ClusterChange(n, "rm" + (force ? " -f" : "") + (volumes ? " -v" : ""), "container", names, Optional.empty(), false, volumes), f);
    } else {
      a.emit(new Benign(n + " rm"), f);
    }
  }

  private void compose(String n, List<String> args, Frame f) {
    int down = args.indexOf("down");
    if (down >= 0) {
      List<String> rest = args.subList(down + 1, args.size());
      if (has(rest, "-v", "--volumes") || shortFlag(rest, 'v')) {
        a.emit(new ClusterChange(n, "down -v", "volumes of the compose project", List.of(), Optional.empty(), true, true), f);
        return;
      }
    }
    a.emit(new Benign(n), f);
  }

  private void composeArgs(String n, List<Arg> all, Frame f) {
    compose(n, texts(all), f);
  }

  // ---- IaC and clouds ----

  private static final Set<String> TERRAFORM_VALUE_OPTIONS =
      Set.of("-var", "-var-file", "-target", "-replace", "-parallelism", "-lock-timeout", "-state", "-state-out", "-backup", "-chdir", "--terragrunt-working-dir");

  private void terraform(String n, List<Arg> all, Frame f) {
    List<String> args = texts(all);
    List<String> positional = new ArrayList<>();
    for (int j = 0; j < args.size(); j++) {
      String t = args.get(j);
      if (TERRAFORM_VALUE_OPTIONS.contains(t)) {
        j++;
      } else if (!t.startsWith("-")) {
        positional.add(t);
      }
    }
    if (positional.isEmpty()) {
      a.emit(new Benign(n), f);
      return;
    }
    String sub = positional.get(0);
    if (n.equals("terragrunt") && (sub.equals("run-all") || sub.equals("run")) && positional.size() > 1) {
      sub = positional.get(1);
    }
    boolean auto = has(args, "-auto-approve", "--auto-approve");
    switch (sub) {
      case "destroy" -> {
        a.emit(new CloudDestroy(n, "destroy" + (auto ? " -auto-approve" : ""), targets(args), auto, false), f);
        return;
      }
      case "apply" -> {
        if (has(args, "-destroy", "--destroy")) {
          a.emit(new CloudDestroy(n, "apply -destroy" + (auto ? " -auto-approve" : ""), targets(args), auto, false), f);
          return;
        }
        boolean savedPlan = positional.size() > 1 && !positional.get(positional.size() - 1).equals("apply");
        if (auto && !savedPlan) {
          a.emit(new CloudDestroy(n, "apply -auto-approve", targets(args), true, false), f);
          return;
        }
      }
      case "state" -> {
        if (positional.size() > 1 && positional.get(1).equals("rm")) {
          a.emit(new CloudDestroy(n, "state rm", positional.subList(2, positional.size()), false, false), f);
          return;
        }
      }
      case "workspace" -> {
        if (positional.size() > 2 && positional.get(1).equals("delete")) {
          a.emit(new CloudDestroy(n, "workspace delete", positional.subList(2, positional.size()), false, has(args, "-force")), f);
          return;
        }
      }
      default -> {
        // plan, init, validate, fmt, output, show
      }
    }
    a.emit(new Benign(n + " " + sub), f);
  }

  private static List<String> targets(List<String> args) {
    List<String> out = new ArrayList<>();
    for (int j = 0; j < args.size(); j++) {
      String t = args.get(j);
      if (t.startsWith("-target=")) {
        out.add(t.substring(8));
      } else if (t.equals("-target") && j + 1 < args.size()) {
        out.add(args.get(++j));
      }
    }
    return out;
  }

  private void pulumi(List<Arg> all, Frame f) {
    List<String> args = texts(all);
    List<String> positional = new ArrayList<>();
    String stack = null;
    for (int j = 0; j < args.size(); j++) {
      String t = args.get(j);
      if ((t.equals("-s") || t.equals("--stack") || t.equals("-C") || t.equals("--cwd")) && j + 1 < args.size()) {
        if (!t.equals("-C") && !t.equals("--cwd")) {
          stack = args.get(j + 1);
        }
        j++;
      } else if (t.startsWith("--stack=")) {
        stack = t.substring(8);
      } else if (!t.startsWith("-")) {
        positional.add(t);
      }
    }
    List<String> names = stack == null ? List.of() : List.of(stack);
    boolean yes = has(args, "--yes", "-y", "--skip-preview", "-f");
    if (!positional.isEmpty()) {
      String sub = positional.get(0);
      if (sub.equals("destroy") || sub.equals("down")) {
        a.emit(new CloudDestroy("pulumi", "destroy", names, yes, false), f);
        return;
      }
      if ((sub.equals("up") || sub.equals("update")) && yes) {
        a.emit(new CloudDestroy("pulumi", "up --yes", names, true, false), f);
        return;
      }
      if (sub.equals("stack") && positional.size() > 1 && positional.get(1).equals("rm")) {
        a.emit(new CloudDestroy("pulumi", "stack rm", positional.size() > 2 ? positional.subList(2, positional.size()) : names, yes, has(args, "--force")), f);
        return;
      }
    }
    a.emit(new Benign("pulumi" + (positional.isEmpty() ? "" : " " + positional.get(0))), f);
  }

  private static final Set<String> AWS_VALUE_OPTIONS = Set.of("--profile", "--region", "--output", "--endpoint-url", "--query", "--cli-input-json", "--color", "--ca-bundle");

  private void aws(List<Arg> all, Frame f) {
    List<String> args = texts(all);
    List<String> positional = new ArrayList<>();
    for (int j = 0; j < args.size(); j++) {
      String t = args.get(j);
      if (AWS_VALUE_OPTIONS.contains(t)) {
        j++;
      } else if (t.startsWith("--")) {
        if (j + 1 < args.size() && !args.get(j + 1).startsWith("-") && positional.size() >= 2 && !isAwsFlag(t)) {
          j++;
        }
      } else if (!t.startsWith("-")) {
        positional.add(t);
      }
    }
    if (positional.size() < 2) {
      a.emit(new Benign("aws"), f);
      return;
    }
    String service = positional.get(0);
    String op = positional.get(1);
    boolean dry = has(args, "--dryrun", "--dry-run");
    if (dry) {
      a.emit(new Benign("aws " + service + " " + op + " --dry-run"), f);
      return;
    }
    if (service.equals("s3")) {
      List<String> uris = positional.subList(2, positional.size());
      boolean recursive = has(args, "--recursive");
      switch (op) {
        case "rm" -> {
          if (recursive) {
            a.emit(new CloudDestroy("aws", "s3 rm --recursive", uris, false, false), f);
            return;
          }
        }
        case "rb" -> {
          boolean force = has(args, "--force");
          a.emit(new CloudDestroy("aws", "s3 rb" + (force ? " --force" : ""), uris, false, force), f);
          return;
        }
        case "sync", "mv" -> {
          if (op.equals("sync") && has(args, "--delete")) {
            a.emit(new CloudDestroy("aws", "s3 sync --delete", uris.isEmpty() ? List.of() : uris.subList(uris.size() - 1, uris.size()), false, false), f);
            return;
          }
        }
        default -> {
          // cp, ls, presign
        }
      }
      a.emit(new Benign("aws s3 " + op), f);
      return;
    }
    if (op.startsWith("delete-") || op.startsWith("terminate-") || op.startsWith("remove-") || op.equals("purge-queue") || op.startsWith("deregister-")) {
      List<String> names = new ArrayList<>();
      for (int j = 0; j < args.size(); j++) {
        String t = args.get(j);
        if (t.startsWith("--") && (t.endsWith("-id") || t.endsWith("-ids") || t.endsWith("-name") || t.endsWith("-identifier") || t.endsWith("-arn") || t.equals("--bucket")
            || t.equals("--key") || t.equals("--stack-name")) && j + 1 < args.size()) {
          names.add(args.get(j + 1));
        }
      }
      boolean noRecovery = has(args, "--skip-final-snapshot", "--delete-automated-backups", "--force-delete-without-recovery", "--force");
      a.emit(new CloudDestroy("aws", service + " " + op, names, false, noRecovery), f);
      return;
    }
    a.emit(new Benign("aws " + service + " " + op), f);
  }

  private static boolean isAwsFlag(String t) {
    return t.startsWith("--no-") || Set.of("--recursive", "--force", "--skip-final-snapshot", "--delete-automated-backups", "--dryrun", "--dry-run", "--quiet",
        "--force-delete-without-recovery", "--delete", "--exact-timestamps", "--only-show-errors", "--debug").contains(t);
  }

  private void gcloudAz(String n, List<Arg> all, Frame f) {
    List<String> args = texts(all);
    List<String> groups = new ArrayList<>();
    List<String> names = new ArrayList<>();
    boolean deleting = false;
    for (int j = 0; j < args.size(); j++) {
      String t = args.get(j);
      if (t.startsWith("-")) {
        if (n.equals("az") && (t.equals("--name") || t.equals("-n") || t.equals("--resource-group") || t.equals("-g") || t.equals("--ids")) && j + 1 < args.size()) {
          if (deleting) {
            names.add(args.get(j + 1));
          }
          j++;
        } else if (!t.contains("=") && j + 1 < args.size() && !args.get(j + 1).startsWith("-") && !isGcloudFlag(t)) {
          j++;
        }
        continue;
      }
      if (deleting) {
        names.add(t);
      } else {
        groups.add(t);
        if (t.equals("delete") || t.equals("purge")) {
          deleting = true;
        }
      }
    }
    boolean storageRm = n.equals("gcloud") && groups.size() >= 2 && groups.get(0).equals("storage") && (groups.get(1).equals("rm") && has(args, "-r", "--recursive") || groups.get(1).equals("buckets") && groups.contains("delete"));
    if (storageRm && !deleting) {
      a.emit(new CloudDestroy(n, "storage rm --recursive", groups.subList(2, groups.size()), false, false), f);
      return;
    }
    if (deleting) {
      a.emit(new CloudDestroy(n, String.join(" ", groups), names, has(args, "--quiet", "-q", "--yes", "-y"), false), f);
      return;
    }
    a.emit(new Benign(n + (groups.isEmpty() ? "" : " " + String.join(" ", groups.subList(0, Math.min(2, groups.size()))))), f);
  }

  private static boolean isGcloudFlag(String t) {
    return Set.of("--quiet", "-q", "--yes", "-y", "--async", "--recursive", "-r", "--no-wait", "--force", "--all", "--verbose", "--debug").contains(t) || t.startsWith("--no-");
  }

  private void gsutil(List<Arg> all, Frame f) {
    List<String> args = texts(all);
    List<String> positional = args.stream().filter(t -> !t.startsWith("-")).toList();
    if (!positional.isEmpty()) {
      String sub = positional.get(0);
      if (sub.equals("rm") && (has(args, "-r", "-R", "-a") || shortFlag(args, 'r') || positional.stream().anyMatch(p -> p.endsWith("/**") || p.endsWith("/*")))) {
        a.emit(new CloudDestroy("gsutil", "rm -r", positional.subList(1, positional.size()), false, false), f);
        return;
      }
      if (sub.equals("rb")) {
        a.emit(new CloudDestroy("gsutil", "rb", positional.subList(1, positional.size()), false, has(args, "-f")), f);
        return;
      }
      if (sub.equals("rsync") && has(args, "-d")) {
        a.emit(new CloudDestroy("gsutil", "rsync -d", positional.subList(Math.max(1, positional.size() - 1), positional.size()), false, false), f);
        return;
      }
    }
    a.emit(new Benign("gsutil"), f);
  }

  // ---- database clients ----

  private void sqlClient(String n, List<Arg> args, Input in, Frame f, Dialect dialect) {
    List<String> sql = new ArrayList<>();
    boolean any = false;
    for (int j = 0; j < args.size(); j++) {
      Arg x = args.get(j);
      String t = x.text();
      String value = null;
      boolean isFile = false;
      Arg valueArg = null;
      if (t.equals("-c") || t.equals("--command") || t.equals("-e") || t.equals("--execute")) {
        if (j + 1 < args.size()) {
          valueArg = args.get(++j);
        }
      } else if (t.startsWith("--command=") || t.startsWith("--execute=")) {
        value = t.substring(t.indexOf('=') + 1);
      } else if ((t.startsWith("-c") || t.startsWith("-e")) && t.length() > 2 && dialect == (t.startsWith("-c") ? Dialect.POSTGRESQL : Dialect.MYSQL)) {
        value = t.substring(2);
      } else if ((t.equals("-f") || t.equals("--file")) && dialect == Dialect.POSTGRESQL) {
        isFile = true;
        if (j + 1 < args.size()) {
          valueArg = args.get(++j);
        }
      } else if (t.startsWith("--file=") && dialect == Dialect.POSTGRESQL) {
        isFile = true;
        value = t.substring(7);
      }
      if (valueArg != null) {
        if (!valueArg.known()) {
          a.emit(new DynamicSql("`" + n + "` runs SQL that is not known here: `" + valueArg.written() + "`"), f);
          any = true;
          continue;
        }
        value = valueArg.text();
      }
      if (value == null) {
        continue;
      }
      any = true;
      if (isFile) {
        Optional<String> text = value.equals("-") ? Optional.ofNullable(in.text()) : readSqlFile(value);
        if (text.isPresent()) {
          embedded(text.get(), dialect, f, "`" + n + " -f " + value + "`");
        } else {
          a.emit(new DynamicSql("`" + n + "` runs the SQL file `" + value + "`, which Airlock cannot read here"), f);
        }
      } else {
        embedded(value, dialect, f, "`" + n + "`");
      }
    }
    if (!any) {
      stdinSql(n, in, f, dialect);
    }
  }

  private Optional<String> readSqlFile(String path) {
    return a.readFile(path);
  }

  private void stdinSql(String n, Input in, Frame f, Dialect dialect) {
    if (in.text() != null) {
      embedded(in.text(), dialect, f, "`" + n + "` reading " + (in.producer() == null ? "its input" : in.producer()));
    } else if (in.opaque() != null) {
      a.emit(new DynamicSql("`" + n + "` runs SQL from " + in.opaque()), f);
    } else {
      a.emit(new Benign(n), f);
    }
  }

  private void embedded(String sql, Dialect dialect, Frame f, String how) {
    if (dialect == Dialect.SQLITE && sql.indexOf('.') >= 0) {
      StringBuilder b = new StringBuilder();
      for (String line : sql.split("\n", -1)) {
        if (!line.stripLeading().startsWith(".")) {
          b.append(line).append('\n');
        }
      }
      sql = b.toString();
    }
    if (sql.isBlank()) {
      a.emit(new Benign(how), f);
      return;
    }
    String within = f.within() == null ? how : how + " in " + f.within();
    List<Occurrence> found = EmbeddedSql.analyze(a.source, sql, dialect, f.span(), f.statement(), within, f.allowances());
    if (found.isEmpty()) {
      a.emit(new Benign(how), f);
    }
    a.emitAll(found);
  }

  private void sqlite(String n, List<Arg> args, Input in, Frame f) {
    List<Arg> positional = new ArrayList<>();
    for (int j = 0; j < args.size(); j++) {
      String t = args.get(j).text();
      if (t.equals("-cmd") || t.equals("-init") || t.equals("-separator") || t.equals("-newline") || t.equals("-nullvalue") || t.equals("-vfs") || t.equals("-maxsize")) {
        if (t.equals("-cmd") && j + 1 < args.size()) {
          embedded(args.get(j + 1).text(), Dialect.SQLITE, f, "`" + n + " -cmd`");
        }
        j++;
      } else if (!t.startsWith("-")) {
        positional.add(args.get(j));
      }
    }
    if (positional.size() >= 2) {
      Arg sql = positional.get(1);
      if (!sql.known()) {
        a.emit(new DynamicSql("`" + n + "` runs SQL that is not known here: `" + sql.written() + "`"), f);
        return;
      }
      StringBuilder b = new StringBuilder();
      for (int j = 1; j < positional.size(); j++) {
        b.append(positional.get(j).text()).append(j + 1 < positional.size() ? " " : "");
      }
      embedded(b.toString(), Dialect.SQLITE, f, "`" + n + " " + positional.get(0).text() + "`");
      return;
    }
    stdinSql(n, in, f, Dialect.SQLITE);
  }

  private static final Pattern MONGO_DROP = Pattern.compile("db\\s*\\.\\s*(?:getCollection\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)|([A-Za-z_$][\\w$]*))\\s*\\.\\s*drop\\s*\\(\\s*\\)");
  private static final Pattern MONGO_DROP_DB = Pattern.compile("db\\s*\\.\\s*dropDatabase\\s*\\(");
  private static final Pattern MONGO_DELETE =
      Pattern.compile("db\\s*\\.\\s*(?:getCollection\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)|([A-Za-z_$][\\w$]*))\\s*\\.\\s*(deleteMany|remove|updateMany|update)\\s*\\(\\s*(\\{[^}]*\\})?");

  private void mongo(String n, List<Arg> args, Input in, Frame f) {
    String js = null;
    String database = null;
    for (int j = 0; j < args.size(); j++) {
      String t = args.get(j).text();
      if (t.equals("--eval") && j + 1 < args.size()) {
        Arg x = args.get(++j);
        if (!x.known()) {
          a.emit(new DynamicSql("`" + n + " --eval` runs code that is not known here: `" + x.written() + "`"), f);
          return;
        }
        js = (js == null ? "" : js + "\n") + x.text();
      } else if (t.startsWith("--eval=")) {
        js = (js == null ? "" : js + "\n") + t.substring(7);
      } else if (t.equals("--file") || t.equals("-f")) {
        if (j + 1 < args.size()) {
          js = (js == null ? "" : js + "\n") + a.readFile(args.get(++j).text()).orElse("");
        }
      } else if (!t.startsWith("-") && database == null) {
        database = t.contains("/") ? t.substring(t.lastIndexOf('/') + 1).replaceAll("\\?.*", "") : t;
      } else if (t.startsWith("-") && !t.startsWith("--") && j + 1 < args.size() && (t.equals("-u") || t.equals("-p") || t.equals("--host"))) {
        j++;
      }
    }
    if (js == null) {
      js = in.text();
    }
    if (js == null) {
      a.emit(in.opaque() != null ? new DynamicSql("`" + n + "` runs code from " + in.opaque()) : new Benign(n), f);
      return;
    }
    boolean found = false;
    Matcher m = MONGO_DROP.matcher(js);
    while (m.find()) {
      String coll = m.group(1) != null ? m.group(1) : m.group(2);
      a.emit(new Drop(ObjectKind.TABLE, "collection", List.of(coll), false, false), f);
      found = true;
    }
    if (MONGO_DROP_DB.matcher(js).find()) {
      a.emit(new Drop(ObjectKind.DATABASE, "database", List.of(database == null || database.isEmpty() ? "the current database" : database), false, false), f);
      found = true;
    }
    m = MONGO_DELETE.matcher(js);
    while (m.find()) {
      String coll = m.group(1) != null ? m.group(1) : m.group(2);
      String filter = m.group(4);
      boolean everything = filter == null || filter.replaceAll("\\s", "").equals("{}");
      Optional<Predicate> where = everything ? Optional.empty() : Optional.of(Predicate.opaque(filter.replaceAll("\\s+", " ")));
      if (m.group(3).startsWith("update")) {
        a.emit(new UpdateRows(coll, List.of(), where), f);
      } else {
        a.emit(new DeleteRows(coll, where), f);
      }
      found = true;
    }
    if (!found) {
      a.emit(new Benign(n), f);
    }
  }

  private void redis(String n, List<Arg> args, Input in, Frame f) {
    List<String> positional = new ArrayList<>();
    String db = null;
    List<String> t = texts(args);
    for (int j = 0; j < t.size(); j++) {
      String x = t.get(j);
      if (x.equals("-n") && j + 1 < t.size()) {
        db = t.get(++j);
      } else if (Set.of("-h", "-p", "-a", "-u", "--user", "--pass", "-s", "-r", "-i", "--cacert", "--cert", "--key", "--sni").contains(x)) {
        j++;
      } else if (!x.startsWith("-")) {
        positional.add(x);
      }
    }
    List<String> commandsSeen = new ArrayList<>();
    if (!positional.isEmpty()) {
      commandsSeen.add(String.join(" ", positional));
    } else if (in.text() != null) {
      commandsSeen.addAll(List.of(in.text().split("\n")));
    }
    for (String c : commandsSeen) {
      String[] words = c.strip().split("\\s+");
      String verb = words[0].toUpperCase(Locale.ROOT);
      if (verb.equals("FLUSHALL")) {
        a.emit(new KeyStoreFlush(n, "FLUSHALL", "every database"), f);
        return;
      }
      if (verb.equals("FLUSHDB")) {
        a.emit(new KeyStoreFlush(n, "FLUSHDB", db == null ? "the current database (0)" : "database " + db), f);
        return;
      }
    }
    a.emit(new Benign(n), f);
  }
}
