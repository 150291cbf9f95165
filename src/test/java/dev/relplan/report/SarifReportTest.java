package dev.relplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.RuleRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SARIF output validates against the SARIF 2.1.0 schema and points at the evidence lines. */
class SarifReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode sarif(String dir) throws IOException {
    Pipeline.Result r =
        Pipeline.run(
            new Pipeline.Request(List.of(Path.of(dir)), null, Context.defaults(), List.of()));
    return MAPPER.readTree(SarifRenderer.render(r.assessment(), RuleRegistry.all(), "test"));
  }

  @Test
  void sarifOfTheExampleValidatesAgainstTheSarifSchema() throws IOException {
    JsonSchema schema;
    try (InputStream in =
        SarifReportTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    assertThat(schema.validate(sarif("examples/orders-platform"))).isEmpty();
  }

  @Test
  void eachResultLocatesItsFirstEvidenceLine() throws IOException {
    JsonNode results = sarif("examples/orders-platform").path("runs").get(0).path("results");
    JsonNode nat = null;
    for (JsonNode r : results) if (r.path("ruleId").asText().equals("REL-NAT-SINGLE")) nat = r;
    assertThat(nat).isNotNull();
    JsonNode loc = nat.path("locations").get(0).path("physicalLocation");
    assertThat(loc.path("artifactLocation").path("uri").asText()).isEqualTo("network.yaml");
    assertThat(loc.path("region").path("startLine").asInt()).isEqualTo(145);
    assertThat(nat.path("level").asText()).isEqualTo("error");
  }

  @Test
  void everyResultHasALocationRelativeToTheSourceRoot() throws IOException {
    JsonNode results = sarif("examples/orders-platform").path("runs").get(0).path("results");
    assertThat(results).isNotEmpty();
    for (JsonNode r : results) {
      JsonNode artifact =
          r.path("locations").path(0).path("physicalLocation").path("artifactLocation");
      assertThat(artifact.path("uri").asText()).as(r.path("ruleId").asText()).isNotEmpty();
      assertThat(artifact.path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    }
  }

  @Test
  void theSourceRootBaseIsDeclared() throws IOException {
    JsonNode run = sarif("examples/orders-platform").path("runs").get(0);
    assertThat(run.path("originalUriBaseIds").has("%SRCROOT%")).isTrue();
  }

  @Test
  void fingerprintsAreUnique() throws IOException {
    Set<String> seen = new HashSet<>();
    for (JsonNode r : sarif("examples/orders-platform").path("runs").get(0).path("results"))
      assertThat(seen.add(r.path("partialFingerprints").path("relplanFinding/v2").asText()))
          .as("unique fingerprint")
          .isTrue();
  }

  @Test
  void uriIsPercentEncoded() {
    assertThat(SarifRenderer.percentEncoded("my dir/naïve#1.yaml"))
        .isEqualTo("my%20dir/na%C3%AFve%231.yaml");
  }
}
