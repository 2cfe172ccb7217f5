package dev.airlock.gateway.engine;

import dev.airlock.db.DbException;
import dev.airlock.gateway.ToolAnswer;
import dev.airlock.gateway.db.DatabaseSession;
import dev.airlock.gateway.sql.Refused;
import dev.airlock.gateway.store.AuditEvent;
import dev.airlock.gateway.store.Store;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one tool call and appends it to the audit log, whatever happened: identity, tool, statement,
 * decision, rule, rows and time. Exceptions become answers the agent can read (one line, never a
 * stack trace, never a password); nothing escapes to the protocol layer.
 */
public final class Audited {
  /** Statements longer than this are cut in the audit log (approval requests keep them whole). */
  static final int MAX_AUDITED_STATEMENT = 100_000;

  /** A tool's work. */
  public interface Call {
    Result run() throws Refused, SQLException;
  }

  private final Store store;
  private final String identity;

  public Audited(Store store, String identity) {
    this.store = store;
    this.identity = identity;
  }

  public ToolAnswer call(String tool, Optional<String> statement, Call call) {
    long t0 = System.nanoTime();
    Result r;
    try {
      r = call.run();
    } catch (Refused e) {
      r = Result.refused(e);
    } catch (DatabaseSession.Lost e) {
      r = Result.error(e.getMessage());
    } catch (SQLException e) {
      r = Result.error(database(e));
    } catch (DbException e) {
      r = Result.error(e.getMessage());
    } catch (RuntimeException e) {
      r =
          Result.error(
              "the gateway failed: " + e.getClass().getSimpleName() + oneLine(e.getMessage()));
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    return append(tool, statement, r, millis);
  }

  private ToolAnswer append(String tool, Optional<String> statement, Result r, long millis) {
    try {
      store.append(
          new AuditEvent(
              identity,
              tool,
              statement.map(Audited::cut),
              r.decision(),
              r.rule(),
              r.rows(),
              r.approver(),
              r.requestId(),
              millis,
              r.answer().summary()));
      return r.answer();
    } catch (RuntimeException e) {
      // the answer stands (a write may have committed), but the agent and the server see that it
      // was not recorded
      Map<String, Object> data = new LinkedHashMap<>(r.answer().data());
      data.put(
          "auditError", "the audit log could not record this call: " + oneLine(e.getMessage()));
      return new ToolAnswer(
          true,
          r.answer().summary()
              + " (not recorded in the audit log: "
              + oneLine(e.getMessage()).strip()
              + ")",
          data);
    }
  }

  static String database(SQLException e) {
    String state = e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]";
    String m = oneLine(e.getMessage()).strip();
    if (m.startsWith("ERROR: ")) {
      m = m.substring("ERROR: ".length());
    }
    return "the database refused the statement: " + m + state;
  }

  private static String oneLine(String s) {
    if (s == null || s.isBlank()) {
      return "";
    }
    String first = s.lines().findFirst().orElse("").strip();
    return " " + (first.length() > 500 ? first.substring(0, 500) + "…" : first);
  }

  private static String cut(String s) {
    return s.length() <= MAX_AUDITED_STATEMENT
        ? s
        : s.substring(0, MAX_AUDITED_STATEMENT) + "… (" + s.length() + " characters)";
  }
}
