package dev.airlock.gateway.mcp;

import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What makes a parsed JSON value a JSON-RPC 2.0 message the SDK can take: an object with {@code
 * "jsonrpc": "2.0"} that is a request (method and id), a notification (method) or a response (id
 * and result or error). Anything else would end the SDK's session, so it is answered here.
 */
final class JsonRpcShape {
  private JsonRpcShape() {}

  /** Why the message is not a JSON-RPC message, or null when it is one. */
  static String problem(JsonNode m) {
    if (m.isArray()) {
      return "a JSON array (batch); send one JSON-RPC message per line";
    }
    if (!m.isObject()) {
      return "a JSON " + m.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object";
    }
    JsonNode version = m.get("jsonrpc");
    if (version == null || !version.isString() || !version.stringValue().equals("2.0")) {
      return "\"jsonrpc\" must be \"2.0\"";
    }
    JsonNode id = m.get("id");
    if (id != null && !(id.isString() || id.isIntegralNumber())) {
      return "\"id\" must be a string or an integer";
    }
    JsonNode method = m.get("method");
    if (method != null) {
      if (!method.isString() || method.stringValue().isEmpty()) {
        return "\"method\" must be a non-empty string";
      }
      JsonNode params = m.get("params");
      if (params != null && !params.isObject()) {
        return "\"params\" must be an object";
      }
      return null;
    }
    if (id != null && (m.has("result") != m.has("error"))) {
      return null;
    }
    return "neither a request (\"method\" and \"id\"), a notification (\"method\") nor a response (\"id\" and \"result\" or \"error\")";
  }

  /**
   * Why a {@code tools/call} request cannot reach a tool (no name, not a string, not one of
   * {@code tools}, arguments not an object), or null. The SDK would answer these with its own
   * internals in the message; here the agent reads what to send instead.
   */
  static String toolCallProblem(JsonNode m, List<String> tools) {
    JsonNode method = m.get("method");
    if (method == null || !method.isString() || !method.stringValue().equals("tools/call") || !m.has("id")) {
      return null;
    }
    JsonNode params = m.get("params");
    JsonNode name = params == null ? null : params.get("name");
    if (name == null || !name.isString()) {
      return "tools/call needs \"name\", the tool's name as a string: one of " + String.join(", ", tools);
    }
    if (!tools.contains(name.stringValue())) {
      return "unknown tool `" + name.stringValue() + "`; the tools are " + String.join(", ", tools);
    }
    JsonNode arguments = params.get("arguments");
    if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
      return "\"arguments\" of tools/call must be an object";
    }
    return null;
  }

  /** The message's id when it is a usable one (string or integer), else null. */
  static Object id(JsonNode m) {
    JsonNode id = m.isObject() ? m.get("id") : null;
    if (id == null) {
      return null;
    }
    if (id.isString()) {
      return id.stringValue();
    }
    return id.isIntegralNumber() ? id.numberValue() : null;
  }

  /** A parse error in one line, with its column, without echoing the input back. */
  static String describe(JacksonException e) {
    String m = e.getOriginalMessage();
    String first = m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    if (first.startsWith("Trailing token")) {
      first = "more than one JSON value on one line";
    }
    int source = first.indexOf(" (start marker at");
    if (source >= 0) {
      first = first.substring(0, source);
    }
    int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    return first + (column > 0 ? " (column " + column + ")" : "");
  }
}
