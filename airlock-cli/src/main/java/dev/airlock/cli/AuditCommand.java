package dev.airlock.cli;

import dev.airlock.core.report.Json;
import dev.airlock.gateway.store.AuditEntry;
import dev.airlock.gateway.store.AuditFilter;
import dev.airlock.gateway.store.AuditJson;
import dev.airlock.gateway.store.AuditVerification;
import dev.airlock.gateway.store.Store;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock audit}: check the gateway's hash-chained audit log, or export it. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "The gateway's audit log: every tool call and every vote, each entry carrying the hash of the",
      "one before. 'verify' walks the chain and names the first entry that was edited, deleted or",
      "moved; 'export' writes the entries as JSON lines (with their hashes, so a copy can be checked).",
      "",
      "Examples:",
      "  airlock audit verify",
      "  airlock audit export --out audit.jsonl",
      "  airlock audit export --identity claude-agent --decision deny",
      "",
      "Exit codes: 0 intact (or exported), 1 the chain is broken, 2 usage or store error."
    },
    subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: verify or export");
  }

  @Command(name = "verify", mixinStandardHelpOptions = true, description = "Walk the hash chain; exit 1 and name the entry where it breaks.")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    ApprovalsCommand.Format format = ApprovalsCommand.Format.text;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      AuditVerification v;
      try (Store s = store.open()) {
        v = s.verifyAudit();
      }
      if (format == ApprovalsCommand.Format.json) {
        out.print(Json.write(Json.object(
            "store", store.describe(), "intact", v.intact(), "entries", v.entries(),
            "brokenAt", v.brokenAt().orElse(null), "problem", v.problem().orElse(null))));
      } else if (v.intact()) {
        out.println("audit chain intact: " + v.entries() + (v.entries() == 1 ? " entry" : " entries") + " verified in " + store.describe());
      } else {
        out.println("audit chain BROKEN at entry " + v.brokenAt().orElseThrow() + ": " + v.problem().orElse("")
            + " (" + v.entries() + (v.entries() == 1 ? " entry" : " entries") + " before it verified, in " + store.describe() + ")");
      }
      return v.intact() ? Main.OK : Main.FINDINGS;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the audit log as JSON lines, oldest first.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path outFile;

    @Option(names = "--identity", paramLabel = "NAME", description = "Only this identity's entries.")
    String identity;

    @Option(names = "--tool", paramLabel = "TOOL", description = "Only this tool's entries (query, execute, approve, deny, ...).")
    String tool;

    @Option(names = "--decision", paramLabel = "DECISION", description = "Only entries with this decision (allow, deny, ask, approved, ...).")
    String decision;

    @Override
    public Integer call() throws IOException {
      List<AuditEntry> entries;
      try (Store s = store.open()) {
        entries = s.audit(new AuditFilter(Optional.ofNullable(identity), Optional.ofNullable(tool), Optional.ofNullable(decision), Integer.MAX_VALUE));
      }
      if (outFile == null) {
        write(spec.commandLine().getOut(), entries);
        return Main.OK;
      }
      try (BufferedWriter w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
        write(w, entries);
      }
      spec.commandLine().getErr().println("airlock: wrote " + entries.size() + (entries.size() == 1 ? " entry" : " entries") + " to " + outFile);
      return Main.OK;
    }

    private static void write(Writer w, List<AuditEntry> entries) throws IOException {
      for (AuditEntry e : entries) {
        w.write(AuditJson.line(e));
        w.write('\n');
      }
      w.flush();
    }
  }
}
