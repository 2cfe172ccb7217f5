package dev.airlock.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkntSchemaValidatorTest {
  private final NetworkntSchemaValidator validator = new NetworkntSchemaValidator();
  private final Map<String, Object> schema =
      Map.of("type", "object", "properties", Map.of("sql", Map.of("type", "string")), "required", List.of("sql"), "additionalProperties", false);

  @Test
  void validatesInstancesAgainstASchema() {
    assertThat(validator.validate(schema, Map.of("sql", "SELECT 1")).valid()).isTrue();
    ValidationResponse wrong = validator.validate(schema, Map.of("sql", 5, "extra", true));
    assertThat(wrong.valid()).isFalse();
    assertThat(wrong.errorMessage()).contains("$.sql: integer found, string expected").contains("extra");
  }

  @Test
  void checksSchemasAgainstTheMetaSchemaWithoutTheNetwork() {
    assertThat(validator.validateSchema(schema).valid()).isTrue();
    assertThat(validator.validateSchema(Map.of("type", 5)).valid()).isFalse();
  }
}
