package dev.airlock.gateway.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper and schema validator every Airlock MCP server and client passes to the SDK
 * explicitly, instead of the SDK's service-loader defaults (its default validator does not load
 * on this class path).
 */
public final class McpJson {
  private static final McpJsonMapper MAPPER = new JacksonMcpJsonMapper(JsonMapper.shared());

  private McpJson() {}

  public static McpJsonMapper mapper() {
    return MAPPER;
  }

  public static JsonSchemaValidator schemaValidator() {
    return new NetworkntSchemaValidator();
  }
}
