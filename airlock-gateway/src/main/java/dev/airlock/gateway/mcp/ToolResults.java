package dev.airlock.gateway.mcp;

import dev.airlock.gateway.ToolAnswer;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ToolAnswer} as an MCP tool result: the summary as the first text block, the data as
 * JSON both in a second text block (for clients that read only text) and as {@code
 * structuredContent}, the same JSON in the same key order; {@code isError} when the gateway
 * refused or failed.
 */
final class ToolResults {
  private ToolResults() {}

  static CallToolResult of(ToolAnswer answer, McpJsonMapper json) {
    Map<String, Object> data = answer.data() == null ? Map.of() : answer.data();
    String dataJson;
    Map<String, Object> structured;
    try {
      dataJson = json.writeValueAsString(data);
      structured = json.readValue(dataJson, new TypeRef<LinkedHashMap<String, Object>>() {});
    } catch (IOException | RuntimeException e) {
      return error(answer.summary() + " (its data could not be written as JSON: " + e.getMessage() + ")");
    }
    return CallToolResult.builder()
        .addTextContent(answer.summary())
        .addTextContent(dataJson)
        .structuredContent(structured)
        .isError(answer.error())
        .build();
  }

  /** A call the gateway never saw: bad arguments, or a failure around it. */
  static CallToolResult error(String message) {
    return CallToolResult.builder()
        .addTextContent(message)
        .structuredContent(Map.of("error", message))
        .isError(true)
        .build();
  }
}
