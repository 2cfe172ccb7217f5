package dev.airlock.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the SQLite file and a shared PostgreSQL: where the tables live, how a
 * write transaction takes its lock, and how a row is locked for the rest of the transaction.
 * Everything else is the same SQL.
 */
enum Dialect {
  /**
   * One file per machine. BEGIN IMMEDIATE takes the database's write lock up front, so two
   * processes never both read the audit head and then both append; busy_timeout makes the second
   * wait instead of failing.
   */
  SQLITE("", "") {
    @Override
    void begin(Connection c) throws SQLException {
      exec(c, "BEGIN IMMEDIATE");
    }

    @Override
    void beginRead(Connection c) throws SQLException {
      // a deferred transaction: its first read fixes the snapshot, and it blocks no writer (WAL)
      exec(c, "BEGIN");
    }

    @Override
    void commit(Connection c) throws SQLException {
      exec(c, "COMMIT");
    }

    @Override
    void rollback(Connection c) throws SQLException {
      // the JDBC connection stays in auto-commit; SQLite itself knows whether a transaction is open
      try {
        exec(c, "ROLLBACK");
      } catch (SQLException e) {
        if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
          throw e;
        }
      }
    }

    @Override
    void prepareMigration(Connection c) {
      // BEGIN IMMEDIATE already excludes every other writer
    }
  },

  /**
   * Several gateways on one server: the tables live in the schema {@code airlock}; rows are
   * locked with FOR UPDATE and migrations serialise on a transaction-scoped advisory lock.
   */
  POSTGRESQL("airlock.", " FOR UPDATE") {
    @Override
    void begin(Connection c) throws SQLException {
      c.setAutoCommit(false);
    }

    @Override
    void beginRead(Connection c) throws SQLException {
      // one snapshot for every statement, and a cursor: rows stream instead of loading at once
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }

    @Override
    void commit(Connection c) throws SQLException {
      c.commit();
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      c.setAutoCommit(true);
    }

    @Override
    void rollback(Connection c) throws SQLException {
      if (!c.getAutoCommit()) {
        c.rollback();
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
      }
    }

    @Override
    void prepareMigration(Connection c) throws SQLException {
      // two gateways starting at once: the second waits here, then finds the schema current
      exec(c, "SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
      exec(c, "CREATE SCHEMA IF NOT EXISTS airlock");
    }
  };

  /** "airlock" in ASCII: the advisory lock key of schema migrations. */
  private static final long MIGRATION_LOCK = 0x6169726c6f636bL;

  private final String prefix;
  private final String forUpdate;

  Dialect(String prefix, String forUpdate) {
    this.prefix = prefix;
    this.forUpdate = forUpdate;
  }

  /** The qualified name of one of the store's tables. */
  String table(String name) {
    return prefix + name;
  }

  /** Appended to a SELECT that must lock its rows until the transaction ends. */
  String forUpdate() {
    return forUpdate;
  }

  abstract void begin(Connection c) throws SQLException;

  /** A read-only transaction: one consistent snapshot for several statements. */
  abstract void beginRead(Connection c) throws SQLException;

  abstract void commit(Connection c) throws SQLException;

  abstract void rollback(Connection c) throws SQLException;

  /** Runs first in the migration transaction: excludes other migrators, creates the schema. */
  abstract void prepareMigration(Connection c) throws SQLException;

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
