package dev.airlock.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.transport.ServerParameters;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server process fed raw bytes, as a buggy or hostile client would: broken JSON, invalid
 * UTF-8, a batch, a message over 16 MiB, an unknown method. Each gets a JSON-RPC error, the
 * session goes on, stdout never carries anything but JSON-RPC, and closing stdin ends the process
 * after the last answer.
 */
class McpRawProtocolTest {
  private static final JsonMapper JSON = JsonMapper.shared();

  @TempDir Path dir;

  @Test
  void badBytesAreAnsweredOneByOneAndTheSessionGoesOn() throws Exception {
    try (McpWorld world = McpWorld.create(dir)) {
      ServerParameters p = world.serverProcess("support-agent");
      List<String> command = new ArrayList<>();
      command.add(p.getCommand());
      command.addAll(p.getArgs());
      Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try {
        OutputStream in = server.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));

        send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
        assertThat(read(out).get("result").get("serverInfo").get("name").asString()).isEqualTo("airlock");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

        send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"query\",\"arguments\":{\"sql\":\"SELECT 1\"");
        assertError(read(out), 2, -32700, "not JSON: Unexpected end-of-input");

        send(in, "this is not json at all");
        assertError(read(out), null, -32700, "not JSON: Unrecognized token 'this'");

        ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.write("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"query\",\"arguments\":{\"sql\":\"SELECT '".getBytes(StandardCharsets.UTF_8));
        invalid.write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0x80});
        invalid.write("'\"}}}".getBytes(StandardCharsets.UTF_8));
        send(in, invalid.toByteArray());
        assertError(read(out), 3, -32700, "not valid UTF-8: a malformed byte sequence at byte 99; MCP messages are UTF-8 JSON");

        send(in, "[{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}]");
        assertError(read(out), null, -32600, "invalid JSON-RPC message: a JSON array (batch)");

        send(in, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/unsubscribe-everything\"}");
        assertError(read(out), 5, -32601, "Method not found");

        String huge = "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"query\",\"arguments\":{\"sql\":\"SELECT '" + "x".repeat(17 * 1024 * 1024) + "'\"}}}";
        send(in, huge);
        assertError(read(out), 6, -32600, "message too large: 17,825,896 bytes; the limit is 16,777,216 bytes (16 MiB)");

        send(in, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"query\",\"arguments\":{\"sql\":\"SELECT name FROM customers WHERE id = 4\"}}}");
        JsonNode works = read(out);
        assertThat(works.get("id").asInt()).isEqualTo(7);
        assertThat(works.get("result").get("isError").asBoolean()).isFalse();
        assertThat(works.get("result").get("structuredContent").toString()).contains("Jane Testaverde");

        send(in, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"query\",\"arguments\":{\"sql\":\"SELECT count(*) FROM orders\"}}}");
        in.close();
        assertThat(read(out).get("id").asInt()).as("answered although stdin closed right after").isEqualTo(8);
        assertThat(out.readLine()).as("nothing after the last answer").isNull();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isZero();
      } finally {
        server.destroyForcibly();
      }
    }
  }

  private static void send(OutputStream in, String line) throws IOException {
    send(in, line.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(OutputStream in, byte[] line) throws IOException {
    in.write(line);
    in.write('\n');
    in.flush();
  }

  /** The next stdout line, which must be a JSON-RPC 2.0 message. */
  private static JsonNode read(BufferedReader out) throws IOException {
    String line = out.readLine();
    assertThat(line).as("the server is still answering").isNotNull();
    JsonNode m = JSON.readTree(line);
    assertThat(m.get("jsonrpc").asString()).isEqualTo("2.0");
    return m;
  }

  private static void assertError(JsonNode m, Integer id, int code, String messageStart) {
    if (id == null) {
      assertThat(m.get("id").isNull()).as(m.toString()).isTrue();
    } else {
      assertThat(m.get("id").asInt()).as(m.toString()).isEqualTo(id);
    }
    assertThat(m.get("error").get("code").asInt()).as(m.toString()).isEqualTo(code);
    assertThat(m.get("error").get("message").asString()).startsWith(messageStart);
  }
}
