package dev.airlock.gateway.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream into newline-terminated lines, as the MCP stdio transport frames messages.
 * A line longer than the limit is not kept: its first bytes are, to find the request id, and the
 * rest is skipped up to the next newline, so one oversized message never takes the memory or the
 * connection with it.
 */
final class LineReader {
  /** A line without its terminator ({@code \n} or {@code \r\n}). */
  record Line(byte[] bytes, long length, boolean oversized) {}

  static final int KEPT_OF_OVERSIZED = 4096;

  private final InputStream in;
  private final int maxBytes;
  private final byte[] chunk = new byte[64 * 1024];
  private int chunkPos;
  private int chunkEnd;

  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line, or null at the end of the stream (a last line without newline counts). */
  Line next() throws IOException {
    byte[] buf = new byte[256];
    int len = 0;
    long total = 0;
    boolean sawAny = false;
    while (true) {
      if (chunkPos == chunkEnd) {
        chunkEnd = in.read(chunk);
        chunkPos = 0;
        if (chunkEnd <= 0) {
          chunkEnd = 0;
          return sawAny ? finish(buf, len, total) : null;
        }
      }
      sawAny = true;
      int start = chunkPos;
      int nl = -1;
      for (int i = chunkPos; i < chunkEnd; i++) {
        if (chunk[i] == '\n') {
          nl = i;
          break;
        }
      }
      int stop = nl < 0 ? chunkEnd : nl;
      int n = stop - start;
      total += n;
      int keep = total <= maxBytes ? n : Math.max(0, Math.min(n, KEPT_OF_OVERSIZED - len));
      if (keep > 0) {
        if (len + keep > buf.length) {
          buf = Arrays.copyOf(buf, Math.max(len + keep, Math.min(buf.length * 2, maxBytes)));
        }
        System.arraycopy(chunk, start, buf, len, keep);
        len += keep;
      }
      if (total > maxBytes && len > KEPT_OF_OVERSIZED) {
        buf = Arrays.copyOf(buf, KEPT_OF_OVERSIZED);
        len = KEPT_OF_OVERSIZED;
      }
      chunkPos = nl < 0 ? chunkEnd : nl + 1;
      if (nl >= 0) {
        return finish(buf, len, total);
      }
    }
  }

  private Line finish(byte[] buf, int len, long total) {
    boolean oversized = total > maxBytes;
    int end = len;
    if (!oversized && end > 0 && buf[end - 1] == '\r') {
      end--;
      total--;
    }
    return new Line(Arrays.copyOf(buf, end), total, oversized);
  }
}
