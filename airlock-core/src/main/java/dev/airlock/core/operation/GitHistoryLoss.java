package dev.airlock.core.operation;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A git command that throws away work or history: uncommitted changes, untracked files, commits
 * on a remote, branches, stashes.
 *
 * @param kind which family of loss
 * @param command the git command as a reviewer reads it, e.g. "git reset --hard HEAD~3"
 * @param detail what exactly is lost, e.g. "branch `main` on `origin`"
 * @param repository the work tree's top level when known locally
 * @param uncommittedFiles tracked files with uncommitted changes in the affected work tree, when
 *     counted (0 means the command loses no uncommitted work)
 */
public record GitHistoryLoss(
    Kind kind, String command, String detail, Optional<String> repository, OptionalInt uncommittedFiles)
    implements Operation {

  /** The families of git loss; each has its own rule. */
  public enum Kind {
    /** reset --hard, checkout -f, switch --discard-changes. */
    RESET_HARD,
    /** clean -f, -fd, -fdx: untracked (and ignored) files. */
    CLEAN,
    /** checkout -- path, restore path: uncommitted changes of those files. */
    DISCARD_CHANGES,
    /** push --force, --mirror, +refspec: commits on the remote. */
    FORCE_PUSH,
    /** branch -D, push --delete, push :branch, tag -d on a remote. */
    DELETE_BRANCH,
    /** stash drop, stash clear. */
    DROP_STASH,
    /** filter-branch, filter-repo, reflog expire, gc --prune=now, update-ref -d. */
    REWRITE_HISTORY
  }
}
