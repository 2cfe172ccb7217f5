package dev.airlock.gateway.mcp;

import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The input the SDK's stdio transport reads: only the lines {@link JsonRpcGuard} let through,
 * each ending in a newline, then the end of the stream once the client's stdin ends.
 */
final class ForwardedLines extends InputStream {
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
  private byte[] current = new byte[0];
  private int pos;

  /** Queues one message; a newline is added. */
  void forward(byte[] message) {
    byte[] line = new byte[message.length + 1];
    System.arraycopy(message, 0, line, 0, message.length);
    line[message.length] = '\n';
    lines.add(line);
  }

  /** No more lines: the reader sees the end of the stream after the queued ones. */
  void end() {
    lines.add(END);
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    while (pos == current.length) {
      if (current == END) {
        return -1;
      }
      try {
        current = lines.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        current = END;
      }
      pos = 0;
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() {
    return current.length - pos;
  }
}
