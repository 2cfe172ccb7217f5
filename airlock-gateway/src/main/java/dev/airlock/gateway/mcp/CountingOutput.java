package dev.airlock.gateway.mcp;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The client's stdout, counting the messages (lines) written to it, so that when stdin ends the
 * server can wait for the answers to the requests it already took before it closes.
 */
final class CountingOutput extends OutputStream {
  private final OutputStream out;
  private long lines;

  CountingOutput(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    if (b == '\n') {
      counted(1);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    int n = 0;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        n++;
      }
    }
    if (n > 0) {
      counted(n);
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private synchronized void counted(int n) {
    lines += n;
    notifyAll();
  }

  /** Waits until at least {@code n} lines were written or the time is up; true if they were. */
  synchronized boolean awaitLines(long n, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (lines < n) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }
}
