package dev.airlock.cli;

import dev.airlock.core.report.Json;
import dev.airlock.gateway.store.ApprovalJson;
import dev.airlock.gateway.store.ApprovalRequest;
import dev.airlock.gateway.store.Store;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock approvals}: the approval queue from a terminal, the same one the console shows. */
@Command(
    name = "approvals",
    mixinStandardHelpOptions = true,
    description = {
      "List, show, approve or deny the writes agents asked for through the gateway. A vote only",
      "changes the queue: the gateway runs an approved statement, exactly as approved, when the",
      "agent next asks for its status. The requester never approves its own request.",
      "",
      "Examples:",
      "  airlock approvals list",
      "  airlock approvals show req-x7xbl4uxzc",
      "  airlock approvals deny req-x7xbl4uxzc --reason 'Dana Testa is a real customer'",
      "  airlock approvals approve req-cb4z5f5ipz --reason 'order 5001 is open' --as alice",
      "",
      "Exit codes: 0 done, 2 usage, an unknown request, a refused vote or a store error."
    },
    subcommands = {ApprovalsCommand.ListRequests.class, ApprovalsCommand.Show.class, ApprovalsCommand.Approve.class, ApprovalsCommand.Deny.class})
final class ApprovalsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, show, approve or deny");
  }

  /** text or json. */
  enum Format {
    text,
    json
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Requests, newest first: the pending ones unless --status says otherwise.")
  static final class ListRequests implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Option(names = "--status", paramLabel = "STATUS", description = "pending (default), approved, denied, executing, executed, failed or all.")
    String status = "pending";

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format = Format.text;

    @Override
    public Integer call() {
      Optional<ApprovalRequest.Status> wanted = parseStatus(spec, status);
      PrintWriter out = spec.commandLine().getOut();
      try (Store s = store.open()) {
        List<ApprovalRequest> requests = s.list(wanted);
        if (format == Format.json) {
          out.print(Json.write(Json.object("requests", requests.stream().map(r -> (Object) ApprovalJson.of(r)).toList())));
        } else if (requests.isEmpty()) {
          out.println("no " + (wanted.isPresent() ? status.toLowerCase(Locale.ROOT) + " " : "") + "approval requests in " + store.describe());
        } else {
          ApprovalText.list(out, requests, Instant.now());
        }
      }
      return Main.OK;
    }
  }

  static Optional<ApprovalRequest.Status> parseStatus(CommandSpec spec, String status) {
    if (status.equalsIgnoreCase("all")) {
      return Optional.empty();
    }
    return Optional.of(
        Arrays.stream(ApprovalRequest.Status.values())
            .filter(s -> s.name().equalsIgnoreCase(status))
            .findFirst()
            .orElseThrow(
                () -> new CommandLine.ParameterException(
                    spec.commandLine(), "--status: `" + status + "` is not one of pending, approved, denied, executing, executed, failed, all")));
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "One request: the statement, its parameters, the preview, the votes.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Parameters(paramLabel = "ID", description = "The request id, e.g. req-x7xbl4uxzc.")
    String id;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format = Format.text;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store s = store.open()) {
        ApprovalRequest r = s.find(id).orElseThrow(() -> new IllegalArgumentException("no approval request " + id + " in " + store.describe()));
        if (format == Format.json) {
          out.print(Json.write(ApprovalJson.of(r)));
        } else {
          ApprovalText.show(out, r, Instant.now());
        }
      }
      return Main.OK;
    }
  }

  /** What approve and deny share: the request, the reason, who votes, where the store is. */
  abstract static class Vote implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Parameters(paramLabel = "ID", description = "The request id, e.g. req-x7xbl4uxzc.")
    String id;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (required; it goes to the audit log and the agent sees it).")
    String reason;

    @Option(names = "--as", paramLabel = "NAME", description = "Who votes (default: $USER).")
    String as;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format = Format.text;

    abstract boolean approve();

    @Override
    public Integer call() {
      if (reason.isBlank()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--reason must say why");
      }
      String approver = StoreOption.approver(as);
      PrintWriter out = spec.commandLine().getOut();
      try (Store s = store.open()) {
        if (s.find(id).isEmpty()) {
          throw new IllegalArgumentException("no approval request " + id + " in " + store.describe());
        }
        ApprovalRequest r = s.vote(id, approver, approve(), reason);
        if (format == Format.json) {
          out.print(Json.write(ApprovalJson.of(r)));
        } else {
          out.println(outcome(r, approver));
        }
      }
      return Main.OK;
    }

    private static String outcome(ApprovalRequest r, String approver) {
      long approvals = r.votes().stream().filter(ApprovalRequest.Vote::approve).count();
      return switch (r.status()) {
        case DENIED -> r.id() + " denied by " + approver + ": it will not run, and " + r.identity() + " sees the reason";
        case APPROVED -> r.id() + " approved by " + approver + ": " + r.identity() + "'s gateway runs it within a second (or at its next approval_status)";
        default -> r.id() + ": approval " + approvals + " of " + r.approvalsRequired() + " recorded for " + approver + "; it needs "
            + (r.approvalsRequired() - approvals) + " more";
      };
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a pending request (never your own).")
  static final class Approve extends Vote {
    @Override
    boolean approve() {
      return true;
    }
  }

  @Command(name = "deny", mixinStandardHelpOptions = true, description = "Deny a pending request; one deny stops it.")
  static final class Deny extends Vote {
    @Override
    boolean approve() {
      return false;
    }
  }
}
