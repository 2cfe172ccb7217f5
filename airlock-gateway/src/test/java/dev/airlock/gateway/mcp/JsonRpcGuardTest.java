package dev.airlock.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reaches the SDK and what is answered in its place: every line of stdin either goes through
 * unchanged or gets exactly one JSON-RPC error, and the lines after a bad one still go through.
 */
class JsonRpcGuardTest {
  private static final String GOOD = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{}}";

  private final List<String> diagnostics = new ArrayList<>();

  /** Runs the guard over {@code input}; returns the forwarded lines and the answers written. */
  private Outcome guard(byte[] input) throws IOException {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    ForwardedLines forward = new ForwardedLines();
    CountingOutput out = new CountingOutput(written);
    new JsonRpcGuard(new ByteArrayInputStream(input), forward, new ProtocolOutput(out, new JacksonMcpJsonMapper(JsonMapper.shared())), diagnostics::add, 0, GatewayTools.NAMES)
        .run();
    String forwarded = new String(forward.readAllBytes(), StandardCharsets.UTF_8);
    List<JsonNode> answers = new ArrayList<>();
    for (String line : written.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        answers.add(JsonMapper.shared().readTree(line));
      }
    }
    return new Outcome(forwarded, answers);
  }

  private record Outcome(String forwarded, List<JsonNode> answers) {}

  private Outcome guard(String input) throws IOException {
    return guard(input.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aGoodMessageGoesThroughUnchangedAndCrlfIsCut() throws IOException {
    Outcome o = guard(GOOD + "\r\n" + GOOD);
    assertThat(o.forwarded()).isEqualTo(GOOD + "\n" + GOOD + "\n");
    assertThat(o.answers()).isEmpty();
  }

  @Test
  void notJsonIsAParseErrorAndTheNextLineStillGoesThrough() throws IOException {
    Outcome o = guard("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\n" + GOOD + "\n");
    assertThat(o.forwarded()).isEqualTo(GOOD + "\n");
    assertThat(o.answers()).hasSize(1);
    JsonNode error = o.answers().get(0);
    assertThat(error.get("id").asInt()).isEqualTo(3);
    assertThat(error.get("error").get("code").asInt()).isEqualTo(-32700);
    assertThat(error.get("error").get("message").asString())
        .isEqualTo("not JSON: Unexpected end-of-input within/between Object entries (column 34)");
    Outcome unclosed = guard("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"\n");
    assertThat(unclosed.answers().get(0).get("error").get("message").asString())
        .as("no parser internals")
        .isEqualTo("not JSON: Unexpected end-of-input: expected close marker for Object (column 40)");
    assertThat(diagnostics.get(0)).startsWith("rejected a message: not JSON: Unexpected end-of-input");
  }

  @Test
  void garbageWithoutAnIdIsAnsweredWithANullId() throws IOException {
    Outcome o = guard("hello\n");
    assertThat(o.answers()).hasSize(1);
    assertThat(o.answers().get(0).has("id")).isTrue();
    assertThat(o.answers().get(0).get("id").isNull()).isTrue();
    assertThat(o.answers().get(0).get("jsonrpc").asString()).isEqualTo("2.0");
  }

  @Test
  void invalidUtf8IsAParseErrorNamingTheByte() throws IOException {
    byte[] prefix = "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/call\",\"params\":{\"name\":\"query\",\"arguments\":{\"sql\":\"SELECT '".getBytes(StandardCharsets.UTF_8);
    byte[] suffix = "'\"}}}\n".getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[prefix.length + 2 + suffix.length];
    System.arraycopy(prefix, 0, line, 0, prefix.length);
    line[prefix.length] = (byte) 0xC3; // a lead byte followed by another lead byte
    line[prefix.length + 1] = (byte) 0xC3;
    System.arraycopy(suffix, 0, line, prefix.length + 2, suffix.length);
    Outcome o = guard(line);
    assertThat(o.forwarded()).isEmpty();
    JsonNode error = o.answers().get(0);
    assertThat(error.get("id").asString()).isEqualTo("a");
    assertThat(error.get("error").get("code").asInt()).isEqualTo(-32700);
    assertThat(error.get("error").get("message").asString()).isEqualTo("not valid UTF-8: a malformed byte sequence at byte " + prefix.length + "; MCP messages are UTF-8 JSON");
  }

  @Test
  void shapesThatAreJsonButNotJsonRpcAreInvalidRequests() throws IOException {
    String input =
        String.join(
            "\n",
            "[" + GOOD + "]",
            "42",
            "{\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"1.0\",\"id\":2,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":5}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":\"query\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":6}",
            "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\",\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"} {\"id\":10}",
            GOOD);
    Outcome o = guard(input);
    assertThat(o.forwarded()).isEqualTo(GOOD + "\n");
    assertThat(o.answers()).extracting(a -> a.get("error").get("message").asString())
        .containsExactly(
            "invalid JSON-RPC message: a JSON array (batch); send one JSON-RPC message per line",
            "invalid JSON-RPC message: a JSON number, not an object",
            "invalid JSON-RPC message: \"jsonrpc\" must be \"2.0\"",
            "invalid JSON-RPC message: \"jsonrpc\" must be \"2.0\"",
            "invalid JSON-RPC message: \"id\" must be a string or an integer",
            "invalid JSON-RPC message: \"method\" must be a non-empty string",
            "invalid JSON-RPC message: \"params\" must be an object",
            "invalid JSON-RPC message: neither a request (\"method\" and \"id\"), a notification (\"method\") nor a response (\"id\" and \"result\" or \"error\")",
            "not JSON: Duplicate Object property \"method\" (column 49)",
            "not JSON: more than one JSON value on one line (column 42)");
    assertThat(o.answers()).extracting(a -> a.get("id").isNull() ? null : a.get("id").asInt())
        .containsExactly(null, null, 1, 2, null, 4, 5, 6, 8, 9);
  }

  @Test
  void anOversizedMessageIsRefusedWithItsIdWithoutKeepingIt() throws IOException {
    StringBuilder big = new StringBuilder("{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"id\":11,\"params\":{\"name\":\"query\",\"arguments\":{\"sql\":\"");
    big.append("x".repeat(JsonRpcGuard.MAX_MESSAGE_BYTES));
    big.append("\"}}}\n").append(GOOD).append('\n');
    Outcome o = guard(big.toString());
    assertThat(o.forwarded()).isEqualTo(GOOD + "\n");
    JsonNode error = o.answers().get(0);
    assertThat(error.get("id").asInt()).isEqualTo(11);
    assertThat(error.get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(error.get("error").get("message").asString()).matches("message too large: 16,777,3\\d\\d bytes; the limit is 16,777,216 bytes \\(16 MiB\\)");
  }

  @Test
  void toolCallsWithoutAKnownToolNameAreInvalidParams() throws IOException {
    Outcome o =
        guard(
            String.join(
                "\n",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"approve\",\"arguments\":{\"id\":\"r1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":[\"query\"]}}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"query\",\"arguments\":[\"SELECT 1\"]}}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"query\",\"arguments\":{\"sql\":\"SELECT 1\"}}}"));
    assertThat(o.forwarded()).contains("\"id\":4").doesNotContain("\"id\":1").doesNotContain("\"id\":2").doesNotContain("\"id\":3");
    assertThat(o.answers()).extracting(a -> a.get("id").asInt() + " " + a.get("error").get("code").asInt() + " " + a.get("error").get("message").asString())
        .containsExactly(
            "1 -32602 unknown tool `approve`; the tools are list_tables, describe_table, query, preview, execute, approval_status",
            "2 -32602 tools/call needs \"name\", the tool's name as a string: one of list_tables, describe_table, query, preview, execute, approval_status",
            "3 -32602 \"arguments\" of tools/call must be an object");
  }

  @Test
  void blankLinesAreSkippedAndALastLineWithoutNewlineCounts() throws IOException {
    Outcome o = guard("\n  \n\r\n" + GOOD);
    assertThat(o.forwarded()).isEqualTo(GOOD + "\n");
    assertThat(o.answers()).isEmpty();
  }
}
