package dev.airlock.cli;

import dev.airlock.core.policy.Config;
import dev.airlock.core.policy.GatewayPolicy;
import dev.airlock.db.Connections;
import dev.airlock.db.EmbeddedDatabase;
import dev.airlock.gateway.GatewaySettings;
import dev.airlock.gateway.mcp.McpGatewayServer;
import dev.airlock.gateway.store.Store;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code airlock mcp}: the database gateway as an MCP server on stdio, for one agent identity. */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a PostgreSQL database to an AI agent as an MCP server on stdio",
      "(MCP 2025-11-25). Tools: list_tables, describe_table, query (one read-only",
      "statement), preview (a write, always rolled back), execute (allowed, denied",
      "or filed for a person's approval) and approval_status. No tool approves:",
      "people do, with 'airlock approvals' or 'airlock console'. The agent never",
      "sees the database URL or its password. stdout carries only JSON-RPC; notes",
      "go to stderr. Approved requests run within a second, even if the agent",
      "never asks again.",
      "",
      "Examples:",
      "  airlock mcp --db postgres://agent_gw@db.internal/shop \\",
      "      --policy airlock.yaml --identity support-agent",
      "  claude mcp add airlock -- /path/to/bin/airlock mcp \\",
      "      --db postgres://agent_gw@db.internal/shop --identity claude",
      "  airlock mcp --db embedded --identity try-me   # empty, throw-away",
      "",
      "Exit codes: 0 the client closed the session, 2 usage, connection or policy",
      "error."
    })
final class McpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOption store;

  @Option(
      names = "--db",
      required = true,
      paramLabel = "URL",
      description = "postgres://user:password@host:5432/database (the password may come from PGPASSWORD), or `embedded` for a throw-away server.")
  String db;

  @Option(names = "--policy", paramLabel = "FILE", description = "airlock.yaml with a gateway: section (default: reads allowed, every write asks, DDL/privilege/server denied).")
  Path policy;

  @Option(names = "--identity", required = true, paramLabel = "NAME", description = "The agent identity whose rules apply (airlock.yaml gateway.identities).")
  String identity;

  @Option(names = "--environment", paramLabel = "NAME", description = "The environment whose rules apply (default: the database's 'airlock env' label, else default).")
  String environment;

  @Option(names = "--statement-timeout", paramLabel = "SECONDS", description = "How long one statement may run (default: ${DEFAULT-VALUE}).")
  int statementTimeoutSeconds = (int) GatewaySettings.DEFAULT_STATEMENT_TIMEOUT.toSeconds();

  @Option(names = "--row-cap", paramLabel = "N", description = "The most rows query returns (default: ${DEFAULT-VALUE}).")
  int rowCap = GatewaySettings.DEFAULT_ROW_CAP;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    GatewayPolicy rules = policy == null ? GatewayPolicy.defaults() : readPolicy(policy);
    if (statementTimeoutSeconds < 1) {
      throw new ParameterException(spec.commandLine(), "--statement-timeout must be at least 1 second");
    }
    // the protocol owns file descriptor 1; anything a library prints goes to stderr instead
    FileOutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    EmbeddedDatabase embedded = db.equals("embedded") ? EmbeddedDatabase.start() : null;
    String url = embedded == null ? db : "postgres://postgres@localhost:" + embedded.port() + "/postgres";
    try (Store s = store.open()) {
      GatewaySettings settings = GatewaySettings.of(url, identity, rules, s).withStatementTimeout(Duration.ofSeconds(statementTimeoutSeconds)).withRowCap(rowCap);
      if (environment != null) {
        settings = settings.withEnvironment(environment);
      }
      err.println("airlock mcp: " + identity + " on " + Connections.parse(url).display() + (embedded == null ? "" : " (embedded, empty)") + ", store " + store.describe());
      err.flush();
      McpGatewayServer.serve(settings, System.in, protocol, Version.value(), note -> {
        err.println("airlock mcp: " + note);
        err.flush();
      });
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
    return Main.OK;
  }

  private GatewayPolicy readPolicy(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(spec.commandLine(), "--policy: no file " + file);
    }
    return Config.parse(Files.readString(file), file.toString()).gateway();
  }
}
