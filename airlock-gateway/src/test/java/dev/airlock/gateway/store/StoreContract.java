package dev.airlock.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.gateway.store.ApprovalRequest.Status;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's contract, run against SQLite and PostgreSQL: the approval state machine exactly as
 * {@link Store} describes it, and an audit chain that notices an edited, deleted or reordered
 * entry made with raw SQL behind the store's back.
 */
abstract class StoreContract {
  protected Store store;

  /** A fresh, empty store. */
  abstract Store newStore();

  /** Runs SQL directly on the store's database, as someone tampering with it would. */
  abstract void rawSql(String sql);

  /** The audit table's name as raw SQL must write it. */
  abstract String table(String name);

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static NewRequest request(String identity, List<String> approvers, int approvals) {
    return new NewRequest(
        identity, "production", "DELETE FROM customers WHERE email LIKE $1", List.of("%test%"), 3, Fixtures.PREVIEW,
        "clean up test data before the demo", List.of("pattern-delete"), approvers, approvals);
  }

  @Test
  void createdRequestsAreFoundAndListedNewestFirst() {
    ApprovalRequest a = store.create(request("agent", List.of(), 1));
    ApprovalRequest b = store.create(request("agent", List.of(), 1));
    assertThat(a.id()).matches("req-[a-z2-7]{10}").isNotEqualTo(b.id());
    assertThat(a.status()).isEqualTo(Status.PENDING);
    assertThat(a.statementHash()).isEqualTo(StatementHash.of(a.statement(), a.parameters()));
    ApprovalRequest found = store.find(a.id()).orElseThrow();
    assertThat(found).isEqualTo(a);
    assertThat(found.previewJson()).isEqualTo(Fixtures.PREVIEW);
    assertThat(store.list(Optional.empty())).extracting(ApprovalRequest::id).containsExactly(b.id(), a.id());
    assertThat(store.list(Optional.of(Status.APPROVED))).isEmpty();
    assertThat(store.find("req-nosuchthing")).isEmpty();
  }

  @Test
  void oneApprovalApprovesAndTheVoteIsAudited() {
    ApprovalRequest r = store.create(request("agent", List.of(), 1));
    ApprovalRequest approved = store.vote(r.id(), "alice", true, "checked the one customer row");
    assertThat(approved.status()).isEqualTo(Status.APPROVED);
    assertThat(approved.votes()).singleElement().satisfies(v -> {
      assertThat(v.approver()).isEqualTo("alice");
      assertThat(v.approve()).isTrue();
      assertThat(v.reason()).isEqualTo("checked the one customer row");
    });
    List<AuditEntry> log = store.audit(AuditFilter.all());
    assertThat(log).singleElement().satisfies(e -> {
      assertThat(e.event().tool()).isEqualTo("approve");
      assertThat(e.event().decision()).isEqualTo("approved");
      assertThat(e.event().approver()).contains("alice");
      assertThat(e.event().identity()).isEqualTo("agent");
      assertThat(e.event().requestId()).contains(r.id());
    });
  }

  @Test
  void theRequesterNeverApprovesNorDenies() {
    ApprovalRequest r = store.create(request("agent", List.of(), 1));
    assertThatThrownBy(() -> store.vote(r.id(), "agent", true, "looks fine to me"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("agent asked for " + r.id() + " and cannot approve or deny it (the requester never approves)");
    assertThatThrownBy(() -> store.vote(r.id(), "AGENT", false, "never mind")).isInstanceOf(IllegalStateException.class);
    assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(Status.PENDING);
    assertThat(store.find(r.id()).orElseThrow().votes()).isEmpty();
    assertThat(store.audit(AuditFilter.all())).extracting(e -> e.event().decision()).containsExactly("refused", "refused");
  }

  @Test
  void onlyTheNamedApproversMayVote() {
    ApprovalRequest r = store.create(request("agent", List.of("alice", "bob"), 1));
    assertThatThrownBy(() -> store.vote(r.id(), "mallory", true, "trust me"))
        .hasMessage("mallory is not an approver of " + r.id() + " (approvers: alice, bob)");
    assertThat(store.vote(r.id(), "Bob", true, "fine").status()).isEqualTo(Status.APPROVED);
  }

  @Test
  void twoPersonRuleNeedsTwoDistinctApprovers() {
    ApprovalRequest r = store.create(request("agent", List.of(), 2));
    ApprovalRequest once = store.vote(r.id(), "alice", true, "one customer, verified");
    assertThat(once.status()).isEqualTo(Status.PENDING);
    assertThatThrownBy(() -> store.vote(r.id(), "Alice", true, "again")).hasMessage("Alice has already voted on " + r.id());
    assertThat(store.claim(r.id())).isFalse();
    ApprovalRequest twice = store.vote(r.id(), "bob", true, "agreed");
    assertThat(twice.status()).isEqualTo(Status.APPROVED);
    assertThat(twice.votes()).extracting(ApprovalRequest.Vote::approver).containsExactly("alice", "bob");
    assertThat(store.audit(AuditFilter.all())).extracting(e -> e.event().decision() + ": " + e.event().detail())
        .containsExactly("pending: one customer, verified (approval 1 of 2)", "refused: Alice has already voted on " + r.id(), "approved: agreed (approval 2 of 2)");
  }

  @Test
  void oneDenyWinsOverApprovals() {
    ApprovalRequest r = store.create(request("agent", List.of(), 2));
    store.vote(r.id(), "alice", true, "ok");
    assertThat(store.vote(r.id(), "bob", false, "that customer is real").status()).isEqualTo(Status.DENIED);
    assertThatThrownBy(() -> store.vote(r.id(), "carol", true, "late"))
        .hasMessage(r.id() + " is denied: only a pending request takes votes");
    assertThat(store.claim(r.id())).isFalse();
  }

  @Test
  void aReasonAndAnApproverAreRequired() {
    ApprovalRequest r = store.create(request("agent", List.of(), 1));
    assertThatThrownBy(() -> store.vote(r.id(), "alice", true, "  ")).hasMessage("a reason is required to approve or deny " + r.id());
    assertThatThrownBy(() -> store.vote(r.id(), " ", true, "why not")).hasMessage("an approver name is required to vote on " + r.id());
    assertThatThrownBy(() -> store.vote("req-aaaaaaaaaa", "alice", true, "why not")).hasMessage("no approval request req-aaaaaaaaaa");
  }

  @Test
  void claimIsOnceAndOnlyForwards() {
    ApprovalRequest r = store.create(request("agent", List.of(), 1));
    assertThat(store.claim(r.id())).isFalse();
    store.vote(r.id(), "alice", true, "ok");
    assertThat(store.claim(r.id())).isTrue();
    assertThat(store.claim(r.id())).isFalse();
    assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(Status.EXECUTING);
    store.finish(r.id(), true, "deleted 1 row");
    ApprovalRequest done = store.find(r.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(Status.EXECUTED);
    assertThat(done.outcome()).contains("deleted 1 row");
    assertThatThrownBy(() -> store.finish(r.id(), false, "again")).hasMessage("cannot finish " + r.id() + ": it is executed, not executing");
    assertThatThrownBy(() -> store.vote(r.id(), "bob", false, "too late")).hasMessage(r.id() + " is executed: only a pending request takes votes");
  }

  @Test
  void aFailedExecutionIsRecorded() {
    ApprovalRequest r = store.create(request("agent", List.of(), 1));
    store.vote(r.id(), "alice", true, "ok");
    assertThat(store.claim(r.id())).isTrue();
    store.finish(r.id(), false, "would touch 4 rows, approved 3: rolled back");
    assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(Status.FAILED);
  }

  @Test
  void claimRacesHaveOneWinner() throws Exception {
    ApprovalRequest r = store.create(request("agent", List.of(), 1));
    store.vote(r.id(), "alice", true, "ok");
    List<java.util.concurrent.Callable<Boolean>> racers = java.util.Collections.nCopies(8, () -> store.claim(r.id()));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      long winners = 0;
      for (var f : pool.invokeAll(racers)) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void auditEntriesChainAndFilter() {
    AuditEntry first = store.append(Fixtures.event("agent-a", "query", "allow"));
    AuditEntry second = store.append(Fixtures.event("agent-b", "execute", "ask"));
    store.append(Fixtures.event("agent-a", "execute", "deny"));
    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.previousHash()).isEqualTo("0".repeat(64));
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(second.hash()).matches("[0-9a-f]{64}").isNotEqualTo(first.hash());
    assertThat(store.audit(AuditFilter.all())).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
    assertThat(store.audit(AuditFilter.all()).get(1)).isEqualTo(second);
    assertThat(store.audit(filter(Optional.of("agent-a"), Optional.empty(), Optional.empty(), 100))).extracting(AuditEntry::sequence).containsExactly(1L, 3L);
    assertThat(store.audit(filter(Optional.empty(), Optional.of("execute"), Optional.of("deny"), 100))).extracting(AuditEntry::sequence).containsExactly(3L);
    assertThat(store.audit(filter(Optional.empty(), Optional.empty(), Optional.empty(), 2))).extracting(AuditEntry::sequence).containsExactly(2L, 3L);
    assertThat(store.verifyAudit()).isEqualTo(new AuditVerification(3, Optional.empty(), Optional.empty()));
  }

  @Test
  void anEmptyLogVerifies() {
    assertThat(store.verifyAudit().intact()).isTrue();
    assertThat(store.verifyAudit().entries()).isZero();
  }

  static AuditFilter filter(Optional<String> identity, Optional<String> tool, Optional<String> decision, int limit) {
    return new AuditFilter(identity, tool, decision, limit);
  }

  private void fiveEntries() {
    for (int i = 1; i <= 5; i++) {
      store.append(Fixtures.event("agent", "execute", i % 2 == 0 ? "allow" : "deny"));
    }
    assertThat(store.verifyAudit().intact()).isTrue();
  }

  @Test
  void anEditedEntryBreaksTheChain() {
    fiveEntries();
    rawSql("UPDATE " + table("audit") + " SET decision = 'allow' WHERE sequence = 3");
    AuditVerification v = store.verifyAudit();
    assertThat(v.brokenAt()).contains(3L);
    assertThat(v.entries()).isEqualTo(2);
    assertThat(v.problem()).contains("entry 3 was changed after it was written: its contents no longer match its hash");
  }

  @Test
  void anEditedEntryWithARecomputedHashBreaksTheNextLink() {
    fiveEntries();
    // a careful forger rewrites entry 3 and its own hash, but cannot fix entry 4's back-pointer
    AuditEntry three = store.audit(AuditFilter.all()).get(2);
    AuditEvent e = three.event();
    AuditEvent forged =
        new AuditEvent(e.identity(), e.tool(), e.statement(), "allow", e.ruleId(), e.rows(), e.approver(), e.requestId(), e.millis(), e.detail());
    String hash = AuditJson.hash(three.previousHash(), 3, three.time().toEpochMilli(), forged);
    rawSql("UPDATE " + table("audit") + " SET decision = 'allow', hash = '" + hash + "' WHERE sequence = 3");
    assertThat(store.verifyAudit().brokenAt()).contains(4L);
    assertThat(store.verifyAudit().problem()).contains("entry 4 does not point back to entry 3's hash (entries were reordered, replaced or rewritten)");
  }

  @Test
  void aDeletedEntryBreaksTheChain() {
    fiveEntries();
    rawSql("DELETE FROM " + table("audit") + " WHERE sequence = 2");
    AuditVerification v = store.verifyAudit();
    assertThat(v.brokenAt()).contains(2L);
    assertThat(v.problem()).contains("entry 2 is missing (deleted?): entry 3 follows entry 1");
  }

  @Test
  void aDeletedAndRenumberedEntryBreaksTheChain() {
    fiveEntries();
    rawSql("DELETE FROM " + table("audit") + " WHERE sequence = 2");
    rawSql("UPDATE " + table("audit") + " SET sequence = sequence - 1 WHERE sequence > 2");
    assertThat(store.verifyAudit().brokenAt()).contains(2L);
  }

  @Test
  void deletingTheNewestEntriesBreaksTheChain() {
    fiveEntries();
    rawSql("DELETE FROM " + table("audit") + " WHERE sequence >= 4");
    AuditVerification v = store.verifyAudit();
    assertThat(v.brokenAt()).contains(4L);
    assertThat(v.entries()).isEqualTo(3);
    assertThat(v.problem()).contains("entries 4 to 5 are missing (deleted?): the log ends at entry 3 but 5 were appended");
  }

  @Test
  void reorderedEntriesBreakTheChain() {
    fiveEntries();
    rawSql("UPDATE " + table("audit") + " SET sequence = -1 WHERE sequence = 2");
    rawSql("UPDATE " + table("audit") + " SET sequence = 2 WHERE sequence = 3");
    rawSql("UPDATE " + table("audit") + " SET sequence = 3 WHERE sequence = -1");
    AuditVerification v = store.verifyAudit();
    assertThat(v.brokenAt()).contains(2L);
    assertThat(v.problem()).contains("entry 2 does not point back to entry 1's hash (entries were reordered, replaced or rewritten)");
  }

  @Test
  void theChainContinuesAfterVerification() {
    fiveEntries();
    store.append(Fixtures.event("agent", "query", "allow"));
    assertThat(store.verifyAudit()).isEqualTo(new AuditVerification(6, Optional.empty(), Optional.empty()));
  }
}
