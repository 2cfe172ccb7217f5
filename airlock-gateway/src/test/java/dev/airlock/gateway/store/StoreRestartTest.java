package dev.airlock.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.gateway.store.ApprovalRequest.Status;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway restarted (or killed) with requests pending loses nothing: what was committed is in
 * the file, and a process killed while holding the write lock leaves no lock behind.
 */
class StoreRestartTest {
  @TempDir Path home;

  @Test
  void closeAndReopenKeepsRequestsVotesAndTheChain() {
    String pending;
    String approved;
    try (Store s = Stores.open(Optional.empty(), home)) {
      pending = s.create(StoreContract.request("agent", List.of(), 2)).id();
      approved = s.create(StoreContract.request("agent", List.of(), 1)).id();
      s.vote(pending, "alice", true, "first of two");
      s.vote(approved, "bob", true, "fine");
      s.append(Fixtures.event("agent", "execute", "ask"));
    }
    try (Store s = Stores.open(Optional.empty(), home)) {
      assertThat(s.find(pending).orElseThrow().status()).isEqualTo(Status.PENDING);
      assertThat(s.find(pending).orElseThrow().votes()).hasSize(1);
      assertThat(s.vote(pending, "carol", true, "second").status()).isEqualTo(Status.APPROVED);
      assertThat(s.claim(approved)).isTrue();
      assertThat(s.verifyAudit()).isEqualTo(new AuditVerification(4, Optional.empty(), Optional.empty()));
    }
  }

  @Test
  void aKilledGatewayLosesNothingItCommittedAndHoldsNoLock() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StoreChild.class.getName(),
                home.toString(),
                "5")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<String> ids = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("holding the write lock")) {
        ids.add(line);
      }
      assertThat(line).as("the child's last line").isEqualTo("holding the write lock");
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(ids).hasSize(5);
    try (Store s = Stores.open(Optional.empty(), home)) {
      for (String id : ids) {
        assertThat(s.find(id)).as(id).isPresent();
      }
      assertThat(s.list(Optional.of(Status.PENDING))).hasSize(5);
      // the half-written append of the killed process is gone; the chain goes on from entry 5
      assertThat(s.verifyAudit()).isEqualTo(new AuditVerification(5, Optional.empty(), Optional.empty()));
      assertThat(s.append(Fixtures.event("agent", "query", "allow")).sequence()).isEqualTo(6);
      assertThat(s.vote(ids.get(0), "alice", true, "after the restart").status()).isEqualTo(Status.APPROVED);
    }
  }
}
