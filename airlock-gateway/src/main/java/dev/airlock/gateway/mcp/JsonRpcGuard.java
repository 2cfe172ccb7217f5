package dev.airlock.gateway.mcp;

import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the client's stdin before the SDK does. The SDK's stdio transport ends the session on the
 * first line it cannot parse, so a single malformed message would take the agent's connection
 * down; here every line is checked first (UTF-8, one JSON object, a JSON-RPC 2.0 request,
 * notification or response, at most {@link #MAX_MESSAGE_BYTES}), a bad one is answered with a
 * JSON-RPC error, and only good ones reach the SDK.
 */
final class JsonRpcGuard implements Runnable {
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  /** How long the server still answers the requests it took after the client's stdin ended. */
  static final long DRAIN_MILLIS = 60_000;

  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final LineReader lines;
  private final ForwardedLines forward;
  private final ProtocolOutput out;
  private final Consumer<String> diagnostics;
  private final long drainMillis;
  private final List<String> tools;
  private long answersOwed;

  JsonRpcGuard(
      InputStream in,
      ForwardedLines forward,
      ProtocolOutput out,
      Consumer<String> diagnostics,
      long drainMillis,
      List<String> tools) {
    this.tools = List.copyOf(tools);
    this.lines = new LineReader(in, MAX_MESSAGE_BYTES);
    this.drainMillis = drainMillis;
    this.forward = forward;
    this.out = out;
    this.diagnostics = diagnostics;
  }

  @Override
  public void run() {
    try {
      for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
        check(line);
      }
    } catch (IOException e) {
      diagnostics.accept("stdin failed: " + e.getMessage());
    } finally {
      drain();
      forward.end();
    }
  }

  private void check(LineReader.Line line) {
    byte[] bytes = line.bytes();
    if (line.oversized()) {
      reject(
          RequestIds.salvage(bytes),
          ErrorCodes.INVALID_REQUEST,
          String.format(
              Locale.ROOT,
              "message too large: %,d bytes; the limit is %,d bytes (16 MiB)",
              line.length(),
              MAX_MESSAGE_BYTES));
      return;
    }
    if (isBlank(bytes)) {
      return;
    }
    try {
      strictUtf8().decode(ByteBuffer.wrap(bytes));
    } catch (MalformedInputException e) {
      reject(RequestIds.salvage(bytes), ErrorCodes.PARSE_ERROR, "not valid UTF-8: a malformed byte sequence at byte " + firstBadByte(bytes) + "; MCP messages are UTF-8 JSON");
      return;
    } catch (CharacterCodingException e) {
      reject(RequestIds.salvage(bytes), ErrorCodes.PARSE_ERROR, "not valid UTF-8; MCP messages are UTF-8 JSON");
      return;
    }
    JsonNode message;
    try {
      message = STRICT.readTree(bytes);
    } catch (JacksonException e) {
      reject(RequestIds.salvage(bytes), ErrorCodes.PARSE_ERROR, "not JSON: " + JsonRpcShape.describe(e));
      return;
    }
    String problem = JsonRpcShape.problem(message);
    if (problem != null) {
      reject(JsonRpcShape.id(message), ErrorCodes.INVALID_REQUEST, "invalid JSON-RPC message: " + problem);
      return;
    }
    String toolProblem = JsonRpcShape.toolCallProblem(message, tools);
    if (toolProblem != null) {
      reject(JsonRpcShape.id(message), ErrorCodes.INVALID_PARAMS, toolProblem);
      return;
    }
    if (message.has("method") && message.has("id")) {
      answersOwed++;
    }
    forward.forward(bytes);
  }

  /** Stdin ended: lets the requests already taken be answered before the session closes. */
  private void drain() {
    try {
      if (!out.stream().awaitLines(answersOwed, drainMillis)) {
        diagnostics.accept("stdin ended; gave up waiting for the answers to requests still running");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void reject(Object id, int code, String message) {
    diagnostics.accept("rejected a message: " + message);
    answersOwed++;
    out.error(id, code, message);
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Where decoding first fails, counted from 0. */
  private static int firstBadByte(byte[] bytes) {
    CharsetDecoder d = strictUtf8();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer outBuf = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = d.decode(in, outBuf, true);
    return r.isError() ? in.position() : bytes.length;
  }
}
