package dev.airlock.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few connections, opened on demand and reused. A connection that saw an error is closed
 * rather than returned, so a dropped PostgreSQL connection is replaced by the next borrow.
 */
final class Pool implements AutoCloseable {
  /** Opens one connection to the store. */
  interface Opener {
    Connection open() throws SQLException;
  }

  private final Opener opener;
  private final Semaphore permits;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  Pool(Opener opener, int size) {
    this.opener = opener;
    this.permits = new Semaphore(size, true);
  }

  Connection borrow() throws SQLException {
    if (closed) {
      throw new SQLException("the store is closed");
    }
    try {
      if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
        throw new SQLException("no store connection free after 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a store connection", e);
    }
    Connection c = idle.pollFirst();
    if (c != null) {
      return c;
    }
    try {
      return opener.open();
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Returns a connection; a broken one (or any after close) is closed instead. */
  void release(Connection c, boolean broken) {
    if (broken || closed) {
      quietlyClose(c);
    } else {
      idle.addFirst(c);
    }
    permits.release();
    if (closed) {
      drain();
    }
  }

  @Override
  public void close() {
    closed = true;
    drain();
  }

  private void drain() {
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      quietlyClose(c);
    }
  }

  private static void quietlyClose(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // a connection that cannot even close has nothing more to lose
    }
  }
}
