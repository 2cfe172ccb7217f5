package dev.airlock.gateway.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, created and migrated when a store opens. Each version is a list of
 * statements applied in one transaction together with the new version number, so a store is
 * never half-migrated; a store newer than this airlock is refused rather than misread.
 */
final class Schema {
  /** The hash an empty chain starts from. */
  static final String GENESIS = "0".repeat(64);

  /** Version N is {@code VERSIONS.get(N - 1)}; append, never edit. {p} is the table prefix. */
  private static final List<List<String>> VERSIONS =
      List.of(
          List.of(
              """
              CREATE TABLE {p}requests (
                id TEXT PRIMARY KEY,
                ordinal BIGINT NOT NULL,
                created BIGINT NOT NULL,
                identity TEXT NOT NULL,
                environment TEXT NOT NULL,
                statement TEXT NOT NULL,
                parameters TEXT NOT NULL,
                statement_hash TEXT NOT NULL,
                max_rows BIGINT NOT NULL,
                preview_json TEXT NOT NULL,
                reason TEXT NOT NULL,
                rule_ids TEXT NOT NULL,
                approvers TEXT NOT NULL,
                approvals_required INTEGER NOT NULL,
                status TEXT NOT NULL,
                outcome TEXT)""",
              "CREATE INDEX requests_by_status ON {p}requests (status, ordinal)",
              """
              CREATE TABLE {p}votes (
                request_id TEXT NOT NULL REFERENCES {p}requests (id),
                approver TEXT NOT NULL,
                approve BOOLEAN NOT NULL,
                reason TEXT NOT NULL,
                at BIGINT NOT NULL,
                PRIMARY KEY (request_id, approver))""",
              """
              CREATE TABLE {p}audit (
                sequence BIGINT PRIMARY KEY,
                time BIGINT NOT NULL,
                identity TEXT NOT NULL,
                tool TEXT NOT NULL,
                statement TEXT,
                decision TEXT NOT NULL,
                rule_id TEXT,
                row_count BIGINT,
                approver TEXT,
                request_id TEXT,
                millis BIGINT NOT NULL,
                detail TEXT NOT NULL,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL)""",
              // the last sequence and hash, updated with every append: deleting the newest
              // entries (which no later entry points back to) still shows
              """
              CREATE TABLE {p}audit_head (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                sequence BIGINT NOT NULL,
                hash TEXT NOT NULL)""",
              "INSERT INTO {p}audit_head (id, sequence, hash) VALUES (1, 0, '" + GENESIS + "')"));

  private Schema() {}

  static int latest() {
    return VERSIONS.size();
  }

  /** Brings the store to the latest version; returns the version it found. */
  static int migrate(Connection c, Dialect dialect) throws SQLException {
    dialect.begin(c);
    try {
      dialect.prepareMigration(c);
      String versionTable = dialect.table("schema_version");
      Dialect.exec(c, "CREATE TABLE IF NOT EXISTS " + versionTable + " (version INTEGER NOT NULL)");
      int found = 0;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT version FROM " + versionTable)) {
        if (rs.next()) {
          found = rs.getInt(1);
        } else {
          Dialect.exec(c, "INSERT INTO " + versionTable + " (version) VALUES (0)");
        }
      }
      if (found > latest()) {
        throw new StoreException(
            "the store is at schema version " + found + " but this airlock knows only up to " + latest() + "; upgrade airlock");
      }
      for (int v = found + 1; v <= latest(); v++) {
        for (String sql : VERSIONS.get(v - 1)) {
          Dialect.exec(c, sql.replace("{p}", dialect.table("")));
        }
      }
      Dialect.exec(c, "UPDATE " + versionTable + " SET version = " + latest());
      dialect.commit(c);
      return found;
    } catch (SQLException | RuntimeException e) {
      dialect.rollback(c);
      throw e;
    }
  }
}
