package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.gateway.store.ApprovalRequest;
import dev.airlock.gateway.store.ApprovalRequest.Status;
import dev.airlock.gateway.store.AuditEvent;
import dev.airlock.gateway.store.NewRequest;
import dev.airlock.gateway.store.Store;
import dev.airlock.gateway.store.Stores;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code airlock approvals list|show|approve|deny} on the store under $AIRLOCK_HOME: what they
 * print, exit codes (0 done, 2 bad input or a refused vote), one-line errors.
 */
class ApprovalsCommandTest extends AirlockHomeFixture {
  static final String PREVIEW =
      "{\"statement\":\"DELETE FROM customers WHERE email LIKE $1\",\"rolledBack\":true,\"totalRows\":3,\"statementRows\":3,"
          + "\"rowsPerTable\":[{\"table\":\"public.customers\",\"rows\":3,\"inserted\":0,\"updated\":0,\"deleted\":3}],"
          + "\"samples\":[{\"table\":\"public.customers\",\"what\":\"the rows the statement selects, before it ran\","
          + "\"columns\":[\"id\",\"email\"],\"rows\":[[17,\"dana.testa@example.com\"],[901,\"test1@example.com\"],[902,\"test2@example.com\"]],"
          + "\"truncated\":false}],"
          + "\"rules\":[{\"id\":\"pattern-delete\",\"severity\":\"high\",\"message\":\"deletes the rows of `customers` that match `email LIKE '%test%'`\"}],"
          + "\"locks\":[{\"relation\":\"public.customers\",\"mode\":\"RowExclusiveLock\"}],"
          + "\"decision\":{\"decision\":\"ask\",\"rule\":\"writes-need-approval\",\"reason\":\"every write on production needs a human\"}}";

  static ApprovalRequest file(Path home, int approvals) {
    try (Store s = Stores.open(Optional.empty(), home)) {
      ApprovalRequest r =
          s.create(
              new NewRequest(
                  "claude-agent", "production", "DELETE FROM customers WHERE email LIKE $1", List.of("%test%"), 3, PREVIEW,
                  "clean up test data before the demo", List.of("pattern-delete"), List.of(), approvals));
      s.append(new AuditEvent("claude-agent", "execute", Optional.of(r.statement()), "ask", Optional.of("pattern-delete"), Optional.of(3L),
          Optional.empty(), Optional.of(r.id()), 40, "every write on production needs a human"));
      return r;
    }
  }

  Status status(String id) {
    try (Store s = Stores.open(Optional.empty(), home)) {
      return s.find(id).orElseThrow().status();
    }
  }

  @Test
  void listShowsPendingRequestsOnePerLine() {
    assertThat(Cli.run("approvals", "list").out()).isEqualTo("no pending approval requests in " + home.resolve("airlock.db") + "\n");
    ApprovalRequest r = file(home, 1);
    Cli cli = Cli.run("approvals", "list");
    assertThat(cli.exitCode()).isEqualTo(Main.OK);
    assertThat(cli.out().lines().toList())
        .containsExactly(
            "ID              STATUS   ASKED     IDENTITY      ENV         ROWS  RULES           STATEMENT",
            r.id() + "  pending  just now  claude-agent  production     3  pattern-delete  DELETE FROM customers WHERE email LIKE $1");
    assertThat(Cli.run("approvals", "list", "--status", "approved").out()).startsWith("no approved approval requests");
    assertThat(Cli.run("approvals", "list", "--status", "all").out()).contains(r.id());
  }

  @Test
  void listAndShowAsJson() {
    ApprovalRequest r = file(home, 1);
    String list = Cli.run("approvals", "list", "--format", "json").out();
    assertThat(list).startsWith("{\n  \"requests\": [\n    {\n      \"id\": \"" + r.id() + "\",\n      \"status\": \"pending\"");
    String show = Cli.run("approvals", "show", r.id(), "--format", "json").out();
    assertThat(show).contains("\"statementHash\": \"" + r.statementHash() + "\"").contains("\"totalRows\": 3").contains("\"dana.testa@example.com\"");
  }

  @Test
  void showPrintsTheStatementThePreviewAndTheVotes() {
    ApprovalRequest r = file(home, 2);
    Cli.run("approvals", "approve", r.id(), "--reason", "checked the sample", "--as", "bob");
    Cli cli = Cli.run("approvals", "show", r.id());
    assertThat(cli.exitCode()).isEqualTo(Main.OK);
    String out = cli.out();
    assertThat(out).startsWith(r.id() + "  pending  (1 of 2 approvals)\n");
    assertThat(out).contains("asked by    claude-agent on production, just now (");
    assertThat(out).contains("reason      clean up test data before the demo\n");
    assertThat(out).contains("approvers   anyone but claude-agent\n");
    assertThat(out).contains("rows        at most 3 (more rolls the execution back)\n");
    assertThat(out).contains("statement\n  DELETE FROM customers WHERE email LIKE $1\n  $1 = '%test%'\n");
    assertThat(out).contains("  policy    ask (writes-need-approval): every write on production needs a human\n");
    assertThat(out).contains("  rows      public.customers: 3 (3 deleted)\n");
    assertThat(out).contains("  rule      high pattern-delete: deletes the rows of `customers` that match `email LIKE '%test%'`\n");
    assertThat(out).contains("  lock      RowExclusiveLock on public.customers\n");
    assertThat(out).contains("  sample of public.customers (3 rows)\n    id   email\n    17   dana.testa@example.com\n");
    assertThat(out).contains("votes\n  bob approved at ");
  }

  @Test
  void approveAsUserFromTheEnvironment() {
    ApprovalRequest r = file(home, 1);
    Cli cli = Cli.run("approvals", "approve", r.id(), "--reason", "the three rows are test accounts");
    assertThat(cli.exitCode()).isEqualTo(Main.OK);
    assertThat(cli.out()).isEqualTo(r.id() + " approved by alice: claude-agent's gateway runs it within a second (or at its next approval_status)\n");
    assertThat(status(r.id())).isEqualTo(Status.APPROVED);
  }

  @Test
  void twoApprovalsAndThenADenyThatComesTooLate() {
    ApprovalRequest r = file(home, 2);
    assertThat(Cli.run("approvals", "approve", r.id(), "--reason", "ok", "--as", "bob").out())
        .isEqualTo(r.id() + ": approval 1 of 2 recorded for bob; it needs 1 more\n");
    assertThat(Cli.run("approvals", "approve", r.id(), "--reason", "ok").out()).startsWith(r.id() + " approved by alice");
    Cli late = Cli.run("approvals", "deny", r.id(), "--reason", "wait", "--as", "carol");
    assertThat(late.exitCode()).isEqualTo(Main.ERROR);
    assertThat(late.err()).isEqualTo("airlock: " + r.id() + " is approved: only a pending request takes votes\n");
  }

  @Test
  void denyStopsIt() {
    ApprovalRequest r = file(home, 2);
    Cli cli = Cli.run("approvals", "deny", r.id(), "--reason", "Dana Testa is a real customer", "--as", "bob");
    assertThat(cli.exitCode()).isEqualTo(Main.OK);
    assertThat(cli.out()).isEqualTo(r.id() + " denied by bob: it will not run, and claude-agent sees the reason\n");
    assertThat(status(r.id())).isEqualTo(Status.DENIED);
  }

  @Test
  void theRequesterCannotApproveItsOwnRequest() {
    ApprovalRequest r = file(home, 1);
    Cli cli = Cli.run("approvals", "approve", r.id(), "--reason", "trust me", "--as", "claude-agent");
    assertThat(cli.exitCode()).isEqualTo(Main.ERROR);
    assertThat(cli.err()).isEqualTo("airlock: claude-agent asked for " + r.id() + " and cannot approve or deny it (the requester never approves)\n");
    assertThat(status(r.id())).isEqualTo(Status.PENDING);
  }

  @Test
  void badInputIsOneLineAndExitsTwo() {
    ApprovalRequest r = file(home, 1);
    Cli noReason = Cli.run("approvals", "approve", r.id());
    assertThat(noReason.exitCode()).isEqualTo(Main.ERROR);
    assertThat(noReason.err()).startsWith("airlock: Missing required option: '--reason=TEXT'\n");
    Cli blank = Cli.run("approvals", "deny", r.id(), "--reason", " ");
    assertThat(blank.exitCode()).isEqualTo(Main.ERROR);
    assertThat(blank.err()).startsWith("airlock: --reason must say why\n");
    Cli unknown = Cli.run("approvals", "show", "req-aaaaaaaaaa");
    assertThat(unknown.exitCode()).isEqualTo(Main.ERROR);
    assertThat(unknown.err()).isEqualTo("airlock: no approval request req-aaaaaaaaaa in " + home.resolve("airlock.db") + "\n");
    Cli status = Cli.run("approvals", "list", "--status", "maybe");
    assertThat(status.exitCode()).isEqualTo(Main.ERROR);
    assertThat(status.err()).startsWith("airlock: --status: `maybe` is not one of pending, approved, denied, executing, executed, failed, all\n");
    Cli store = Cli.run("approvals", "list", "--store", "mysql://root:pw@db/x");
    assertThat(store.exitCode()).isEqualTo(Main.ERROR);
    assertThat(store.err()).startsWith("airlock: not a store URL: 'mysql://root:***@db/x'").doesNotContain("pw");
    Cli missing = Cli.run("approvals");
    assertThat(missing.exitCode()).isEqualTo(Main.ERROR);
    assertThat(missing.err()).startsWith("airlock: missing subcommand: list, show, approve or deny\n");
    for (Cli c : List.of(noReason, blank, unknown, status, store, missing)) {
      assertThat(c.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
  }
}
