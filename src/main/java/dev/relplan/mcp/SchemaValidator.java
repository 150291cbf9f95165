package dev.relplan.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks tool arguments and results against their JSON Schemas (2020-12) with json-schema-validator
 * 1.5.9, the version relplan's tests already use: the SDK's own validator needs 2.x, which shares
 * its package names, so the two cannot sit on one class path (see pom.xml).
 */
public final class SchemaValidator implements JsonSchemaValidator {
  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<Map<String, Object>, JsonSchema> compiled = new ConcurrentHashMap<>();

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    if (schema == null || structuredContent == null)
      throw new IllegalArgumentException("a schema and a value to check are both needed");
    try {
      JsonNode value =
          structuredContent instanceof String text
              ? mapper.readTree(text)
              : mapper.valueToTree(structuredContent);
      Set<ValidationMessage> errors =
          compiled
              .computeIfAbsent(schema, s -> factory.getSchema(mapper.valueToTree(s)))
              .validate(value);
      if (!errors.isEmpty())
        return ValidationResponse.asInvalid(
            errors.stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .collect(Collectors.joining("; ")));
      return ValidationResponse.asValid(value.toString());
    } catch (Exception e) {
      return ValidationResponse.asInvalid("cannot check against the schema: " + e.getMessage());
    }
  }
}
