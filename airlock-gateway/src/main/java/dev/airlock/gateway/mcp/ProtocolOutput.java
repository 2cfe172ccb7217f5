package dev.airlock.gateway.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's stdout, shared by the SDK and {@link JsonRpcGuard}. The SDK writes each message
 * while holding the stream's monitor; errors written here hold the same one, so lines never
 * interleave.
 */
final class ProtocolOutput {
  private final CountingOutput stream;
  private final McpJsonMapper json;

  ProtocolOutput(CountingOutput stream, McpJsonMapper json) {
    this.stream = stream;
    this.json = json;
  }

  CountingOutput stream() {
    return stream;
  }

  /** Writes a JSON-RPC error response; {@code id} null when the request's id is unknown. */
  void error(Object id, int code, String message) {
    try {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", code);
      error.put("message", message);
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("jsonrpc", "2.0");
      response.put("id", id);
      response.put("error", error);
      byte[] line = json.writeValueAsBytes(response);
      synchronized (stream) {
        stream.write(line);
        stream.write('\n');
        stream.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
