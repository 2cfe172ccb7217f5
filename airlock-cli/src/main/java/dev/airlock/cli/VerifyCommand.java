package dev.airlock.cli;

import dev.airlock.db.Connections;
import dev.airlock.db.DbException;
import dev.airlock.db.EmbeddedDatabase;
import dev.airlock.db.env.Environment;
import dev.airlock.db.report.VerifyReports;
import dev.airlock.db.verify.Finding;
import dev.airlock.db.verify.Inputs;
import dev.airlock.db.verify.StatementResult;
import dev.airlock.db.verify.Verifier;
import dev.airlock.db.verify.VerifyReport;
import dev.airlock.db.verify.VerifyRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run a migration for real inside BEGIN ... ROLLBACK on PostgreSQL and report what it destroys",
      "and breaks: per statement the exact error, time, rows and locks; the catalog difference; rows",
      "and values destroyed; views, keys, triggers and function bodies broken. Nothing is committed.",
      "",
      "Given a directory, its last .sql file is the migration, the earlier ones the schema and",
      "seed.sql the data. Without --db a throw-away PostgreSQL is started (no install needed).",
      "",
      "Examples:",
      "  airlock verify examples/incidents/orders",
      "  airlock verify --schema schema.sql --rows 10000 migrations/0042_restructure.sql",
      "  airlock verify --format html examples/incidents/orders > verify.html",
      "  airlock verify --db postgres://ci@staging/shop --expect-env staging --rollback-out undo.sql db/V42__x.sql",
      "",
      "Exit codes: 0 nothing found, 1 findings (data destroyed, dependents broken, not dry-runnable),",
      "2 a statement fails (the migration would not apply), or a usage, file or connection error."
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Migration files, or one directory of migrations.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--db", paramLabel = "URL", description = "embedded (default: a throw-away PostgreSQL) or postgres://user:password@host:5432/database.")
  String db = "embedded";

  @Option(names = "--schema", paramLabel = "FILE", description = "SQL loaded before the migration (default: the earlier migrations of its directory).")
  Path schema;

  @Option(names = "--seed", paramLabel = "FILE", description = "SQL data loaded after the schema (default: seed.sql beside the migrations).")
  Path seed;

  @Option(names = "--rows", paramLabel = "N", description = "Generate N rows per table, respecting types, NOT NULL and foreign keys.")
  int rows;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, markdown or html (one self-contained page; includes the tested rollback plan).")
  String format = "text";

  @Option(names = "--rollback-out", paramLabel = "FILE", description = "Write a rollback plan (backup before, restore after), tested in the same transaction.")
  Path rollbackOut;

  @Option(names = "--lock-timeout", paramLabel = "MS", description = "lock_timeout for each statement, in ms (default 5000).")
  long lockTimeoutMs = 5000;

  @Option(names = "--statement-timeout", paramLabel = "MS", description = "statement_timeout for each statement, in ms (default 300000).")
  long statementTimeoutMs = 300_000;

  @Option(names = "--expect-env", paramLabel = "LABEL", description = "Refuse unless the database is labelled so (see 'airlock env').")
  String expectEnv;

  @Option(names = "--allow-production", description = "Verify even on a database labelled production (still rolled back).")
  boolean allowProduction;

  @Override
  public Integer call() throws IOException, SQLException {
    if (!format.matches("text|json|markdown|html")) {
      throw new ParameterException(spec.commandLine(), "--format: `" + format + "` is not one of text, json, markdown, html");
    }
    if (rows < 0) {
      throw new ParameterException(spec.commandLine(), "--rows: must be 0 or more");
    }
    var err = spec.commandLine().getErr();
    Inputs.Resolved in = Inputs.resolve(paths, Optional.ofNullable(schema), Optional.ofNullable(seed));
    VerifyRequest req =
        VerifyRequest.of(in.migration())
            .withSchema(in.schema())
            .withSeed(in.seed())
            .withRows(rows)
            .withRollbackPlan(rollbackOut != null || format.equals("html"))
            .withTimeouts(Duration.ofMillis(lockTimeoutMs), Duration.ofMillis(statementTimeoutMs));
    VerifyReport report;
    if (db.equals("embedded")) {
      if (expectEnv != null) {
        throw new ParameterException(spec.commandLine(), "--expect-env needs --db: the embedded database has no environment");
      }
      try (EmbeddedDatabase pg = EmbeddedDatabase.start();
          Connection c = pg.connect()) {
        String name = "embedded PostgreSQL " + version(c);
        err.printf(Locale.ROOT, "airlock: started %s in %.1f s%n", name, pg.startTime().toMillis() / 1000.0);
        err.flush();
        report = Verifier.verify(c, req.withCommittedPreparation(true), name, Optional.empty());
      }
    } else {
      Connections.Target t = Connections.parse(db);
      try (Connection c = EnvCommand.open(t, Optional.ofNullable(expectEnv), err)) {
        Optional<String> label = Environment.read(c);
        if (label.filter("production"::equals).isPresent() && !allowProduction) {
          throw new DbException(t.display() + " is labelled production: verify takes locks there while it runs; pass --allow-production to go on anyway");
        }
        report = Verifier.verify(c, req, t.display(), label);
      }
    }
    spec.commandLine().getOut().print(VerifyReports.render(report, format));
    spec.commandLine().getOut().flush();
    if (rollbackOut != null && report.plan().isPresent()) {
      Files.writeString(rollbackOut, report.plan().get().script(), StandardCharsets.UTF_8);
      err.println("airlock: rollback plan written to " + rollbackOut);
    }
    Optional<StatementResult> failed = report.statements().stream().filter(s -> s.status() == StatementResult.Status.ERROR).findFirst();
    if (failed.isPresent()) {
      StatementResult s = failed.get();
      err.println("airlock: statement " + s.index() + " (" + s.location() + ") fails: " + s.error().orElse("").lines().findFirst().orElse("")
          + (report.count(StatementResult.Status.ERROR) > 1 ? " (and " + (report.count(StatementResult.Status.ERROR) - 1) + " more)" : ""));
      return Main.ERROR;
    }
    boolean findings = report.findings().stream().anyMatch(f -> f.severity().compareTo(Finding.Severity.MEDIUM) <= 0);
    return findings ? Main.FINDINGS : Main.OK;
  }

  private static String version(Connection c) throws SQLException {
    DatabaseMetaData m = c.getMetaData();
    return m.getDatabaseProductVersion();
  }
}
