package dev.airlock.gateway.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * JSON Schema (2020-12) validation for the SDK on the json-schema-validator the build already
 * has (1.5.x). The SDK's own validator is compiled against the 3.x API and fails to load with
 * it; this one is handed to every server and client explicitly, so the SDK never looks for it.
 */
final class NetworkntSchemaValidator implements JsonSchemaValidator {
  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private final Map<Map<String, Object>, JsonSchema> compiled = new ConcurrentHashMap<>();

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object instance) {
    JsonNode value = JACKSON.valueToTree(instance);
    Set<ValidationMessage> problems = compiled.computeIfAbsent(schema, s -> FACTORY.getSchema(JACKSON.<JsonNode>valueToTree(s))).validate(value);
    return problems.isEmpty() ? ValidationResponse.asValid(value.toString()) : ValidationResponse.asInvalid(describe(problems));
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));
    Set<ValidationMessage> problems = meta.validate(JACKSON.<JsonNode>valueToTree(schema));
    return problems.isEmpty() ? ValidationResponse.asValid(null) : ValidationResponse.asInvalid(describe(problems));
  }

  private static String describe(Set<ValidationMessage> problems) {
    return problems.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
  }
}
