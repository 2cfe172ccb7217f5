package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code airlock audit verify|export}: 0 intact, 1 broken (naming the entry), JSON lines out. */
class AuditCommandTest extends AirlockHomeFixture {
  /** Three entries: an ask, alice's deny of it, and a second ask. */
  private void history() {
    var r = ApprovalsCommandTest.file(home, 1);
    Cli.run("approvals", "deny", r.id(), "--reason", "a real customer");
    ApprovalsCommandTest.file(home, 1);
  }

  @Test
  void anIntactChainExitsZero() {
    history();
    Cli cli = Cli.run("audit", "verify");
    assertThat(cli.exitCode()).isEqualTo(Main.OK);
    assertThat(cli.out()).isEqualTo("audit chain intact: 3 entries verified in " + home.resolve("airlock.db") + "\n");
  }

  @Test
  void anEditedEntryExitsOneAndSaysWhere() throws Exception {
    history();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("airlock.db"))) {
      c.createStatement().execute("UPDATE audit SET decision = 'approved', approver = 'mallory' WHERE sequence = 2");
    }
    Cli cli = Cli.run("audit", "verify");
    assertThat(cli.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(cli.out())
        .isEqualTo("audit chain BROKEN at entry 2: entry 2 was changed after it was written: its contents no longer match its hash "
            + "(1 entry before it verified, in " + home.resolve("airlock.db") + ")\n");
    String json = Cli.run("audit", "verify", "--format", "json").out();
    assertThat(json).contains("\"intact\": false").contains("\"brokenAt\": 2").contains("\"entries\": 1");
  }

  @Test
  void aDeletedEntryExitsOne() throws Exception {
    history();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("airlock.db"))) {
      c.createStatement().execute("DELETE FROM audit WHERE sequence = 2");
    }
    Cli cli = Cli.run("audit", "verify");
    assertThat(cli.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(cli.out()).startsWith("audit chain BROKEN at entry 2: entry 2 is missing (deleted?): entry 3 follows entry 1");
  }

  @Test
  void exportWritesJsonLinesWithTheirHashes() throws Exception {
    history();
    Cli cli = Cli.run("audit", "export");
    assertThat(cli.exitCode()).isEqualTo(Main.OK);
    List<String> lines = cli.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("{\"sequence\":1,\"time\":\"").contains("\"identity\":\"claude-agent\",\"tool\":\"execute\"")
        .contains("\"previousHash\":\"" + "0".repeat(64) + "\",\"hash\":\"");
    assertThat(lines.get(1)).contains("\"tool\":\"deny\"").contains("\"decision\":\"denied\"").contains("\"approver\":\"alice\"");

    Path file = home.resolve("out/audit.jsonl");
    Files.createDirectories(file.getParent());
    Cli toFile = Cli.run("audit", "export", "--out", file.toString(), "--decision", "ask");
    assertThat(toFile.out()).isEmpty();
    assertThat(toFile.err()).isEqualTo("airlock: wrote 2 entries to " + file + "\n");
    assertThat(Files.readAllLines(file)).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"decision\":\"ask\""));
  }

  @Test
  void anUnwritableOutIsOneLine() {
    history();
    Cli cli = Cli.run("audit", "export", "--out", home.resolve("no/such/dir/a.jsonl").toString());
    assertThat(cli.exitCode()).isEqualTo(Main.ERROR);
    assertThat(cli.err().lines().count()).isEqualTo(1);
    assertThat(cli.err()).startsWith("airlock: ");
  }
}
