package dev.airlock.core.rules;

import dev.airlock.core.operation.GitHistoryLoss;

/** The message shared by the git rules: the command, what it loses, and the uncommitted count. */
final class GitLoss {
  static String message(GitHistoryLoss g) {
    StringBuilder b = new StringBuilder("`").append(g.command()).append("` loses ").append(g.detail());
    if (g.uncommittedFiles().isPresent()) {
      int n = g.uncommittedFiles().getAsInt();
      b.append(" (").append(n).append(n == 1 ? " file" : " files").append(" with uncommitted changes now)");
    }
    g.repository().ifPresent(r -> b.append(" in ").append(r));
    return b.toString();
  }

  private GitLoss() {}
}
