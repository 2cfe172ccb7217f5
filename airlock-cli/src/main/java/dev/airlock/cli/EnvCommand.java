package dev.airlock.cli;

import dev.airlock.db.Connections;
import dev.airlock.db.DbException;
import dev.airlock.db.env.Environment;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "env",
    mixinStandardHelpOptions = true,
    description = {
      "Label a database with its environment, or show its label. The label is a line",
      "'airlock-env: <label>' in COMMENT ON DATABASE; every airlock command that connects prints it",
      "and refuses to go on when --expect-env names another.",
      "",
      "Examples:",
      "  airlock env label --db postgres://admin@db.internal/shop production",
      "  airlock env show --db postgres://admin@staging.internal/shop",
      "",
      "Exit codes: 0 done, 2 usage, connection error or --expect-env mismatch."
    },
    subcommands = {EnvCommand.Label.class, EnvCommand.Show.class})
final class EnvCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: label or show");
  }

  @Command(name = "label", mixinStandardHelpOptions = true, description = "Store the environment label (production, staging or dev) in the database.")
  static final class Label implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "URL", description = "postgres://user:password@host:5432/database")
    String db;

    @Parameters(paramLabel = "LABEL", description = "production, staging or dev")
    String label;

    @Override
    public Integer call() {
      if (!Environment.LABELS.contains(label.toLowerCase(Locale.ROOT))) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "LABEL: `" + label + "` is not one of production, staging, dev");
      }
      Connections.Target t = Connections.parse(db);
      try (Connection c = Connections.open(t)) {
        Optional<String> old = Environment.read(c);
        Environment.write(c, label);
        spec.commandLine().getOut().println(t.display() + " is now labelled " + label.toLowerCase(Locale.ROOT) + old.map(o -> " (was " + o + ")").orElse(""));
        return Main.OK;
      } catch (java.sql.SQLException e) {
        throw new DbException(e.getMessage(), e);
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the database's environment label.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "URL", description = "postgres://user:password@host:5432/database")
    String db;

    @Option(names = "--expect-env", paramLabel = "LABEL", description = "Fail (exit 2) unless the database carries this label.")
    String expectEnv;

    @Override
    public Integer call() throws java.sql.SQLException {
      Connections.Target t = Connections.parse(db);
      try (Connection c = open(t, Optional.ofNullable(expectEnv), spec.commandLine().getErr())) {
        spec.commandLine().getOut().println(Environment.read(c).orElse("(no label)"));
        return Main.OK;
      }
    }
  }

  /**
   * Connects, prints the database and its label on stderr, and refuses a label other than the
   * expected one. Shared by every command that connects.
   */
  static Connection open(Connections.Target t, Optional<String> expectEnv, PrintWriter err) {
    Connection c = Connections.open(t);
    Optional<String> label = Environment.read(c);
    err.println("airlock: connected to " + t.display() + " (environment: " + label.orElse("unlabelled") + ")");
    err.flush();
    if (expectEnv.isPresent() && !expectEnv.get().equalsIgnoreCase(label.orElse(""))) {
      close(c);
      throw new DbException(
          t.display() + " is labelled " + label.orElse("with no environment") + ", not " + expectEnv.get().toLowerCase(Locale.ROOT)
              + " (--expect-env); label it with 'airlock env label' if that is wrong");
    }
    return c;
  }

  static void close(Connection c) {
    try {
      c.close();
    } catch (java.sql.SQLException e) {
      // closing a connection that failed has nothing left to do
    }
  }
}
