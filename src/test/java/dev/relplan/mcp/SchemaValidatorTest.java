package dev.relplan.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tool arguments and results are checked against their schemas, not waved through. */
class SchemaValidatorTest {
  private static final Map<String, Object> SCHEMA =
      Map.of(
          "type",
          "object",
          "properties",
          Map.of("paths", Map.of("type", "array", "items", Map.of("type", "string"))),
          "required",
          List.of("paths"));

  private final SchemaValidator validator = new SchemaValidator();

  @Test
  void aValueMatchingTheSchemaIsValidWithItsJson() {
    ValidationResponse r = validator.validate(SCHEMA, Map.of("paths", List.of("infra")));

    assertThat(r.valid()).isTrue();
    assertThat(r.jsonStructuredOutput()).isEqualTo("{\"paths\":[\"infra\"]}");
  }

  @Test
  void aMissingRequiredFieldIsNamed() {
    ValidationResponse r = validator.validate(SCHEMA, Map.of());

    assertThat(r.valid()).isFalse();
    assertThat(r.errorMessage()).contains("paths");
  }

  @Test
  void aWrongTypeIsInvalid() {
    assertThat(validator.validate(SCHEMA, Map.of("paths", "infra")).valid()).isFalse();
  }
}
