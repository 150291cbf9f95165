package dev.relplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.relplan.assess.Assessment;
import dev.relplan.cli.Main;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.cloudformation.ParameterFile;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.ParseException;
import dev.relplan.pipeline.Baseline;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON report validates against the schema shipped in the jar (SPEC §4), and the schema has
 * teeth.
 */
class JsonReportSchemaTest {
  static final String SCHEMA_RESOURCE = "/relplan-report.schema.json";
  static final ObjectMapper MAPPER = new ObjectMapper();
  static JsonSchema schema;

  @BeforeAll
  static void loadShippedSchema() throws IOException {
    try (InputStream in = JsonReportSchemaTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      assertThat(in).as("schema on the main classpath at " + SCHEMA_RESOURCE).isNotNull();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  static String render(Path dir, Context ctx, List<ParameterFile> params) throws IOException {
    Pipeline.Result r = Pipeline.run(new Pipeline.Request(List.of(dir), null, ctx, params));
    return JsonRenderer.render(r.assessment(), Main.VERSION, r.snippets());
  }

  static Set<ValidationMessage> validate(String json) throws IOException {
    return schema.validate(MAPPER.readTree(json));
  }

  static Set<ValidationMessage> validate(JsonNode json) {
    return schema.validate(json);
  }

  /**
   * The examples and every rule example directory
   * (src/test/resources/rules/RULE/FORMAT/{fail,pass,undetermined}).
   */
  static Stream<Arguments> workloads() throws IOException {
    List<String> dirs =
        new java.util.ArrayList<>(List.of("examples/orders-platform", "examples/resilient-web"));
    try (Stream<Path> examples = Files.walk(Path.of("src/test/resources/rules"), 3)) {
      examples
          .filter(p -> p.getNameCount() == 7 && Files.isDirectory(p))
          .sorted()
          .forEach(p -> dirs.add(p.toString().replace('\\', '/')));
    }
    assertThat(dirs).as("rule example directories").hasSizeGreaterThan(3);
    return dirs.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workloads")
  void reportOfWorkloadValidates(String dir) throws IOException {
    String json = render(Path.of(dir), Context.defaults(), List.of());
    assertThat(validate(json)).as("schema errors in the report of " + dir).isEmpty();
  }

  @Test
  void reportWithTargetAndRecoveryObjectivesValidates() throws IOException {
    String json =
        render(Path.of("examples/orders-platform"), new Context(99.95, "PT1H", "PT15M"), List.of());
    JsonNode tree = MAPPER.readTree(json);
    assertThat(tree.at("/workload/availabilityTarget").asText()).isEqualTo("99.95");
    assertThat(tree.at("/workload/availabilityTarget").isNumber()).isTrue();
    assertThat(validate(tree)).isEmpty();
  }

  @Test
  void reportWithSkippedFilesAndCannotDetermineValidates(@TempDir Path dir) throws IOException {
    Files.copy(
        Path.of(
            "src/test/resources/rules/REL-DB-SINGLE-AZ/cloudformation/undetermined/template.yaml"),
        dir.resolve("template.yaml"));
    Files.writeString(
        dir.resolve("broken.yaml"), "Resources:\n  A: [unclosed\n", StandardCharsets.UTF_8);
    Files.write(
        dir.resolve("bad.json"),
        new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
    JsonNode tree = MAPPER.readTree(render(dir, Context.defaults(), List.of()));
    assertThat(tree.get("skippedFiles")).hasSize(2);
    assertThat(tree.get("cannotDetermine")).isNotEmpty();
    assertThat(validate(tree)).isEmpty();
  }

  @Test
  void reportWithStagingParametersValidates() throws IOException, ParseException {
    Path dir = Path.of("examples/orders-platform");
    Path staging = dir.resolve("params/staging.json");
    SourceFile f =
        new SourceFile(
            staging,
            "params/staging.json",
            null,
            Files.readString(staging, StandardCharsets.UTF_8),
            List.of(
                JsonLoader.load(
                    "params/staging.json", Files.readString(staging, StandardCharsets.UTF_8))));
    String json = render(dir, Context.defaults(), List.of(ParameterFile.of(f)));
    assertThat(json).contains("params/staging.json");
    assertThat(validate(json)).isEmpty();
  }

  @Test
  void reportOfSeveralPathsValidates() throws IOException {
    Pipeline.Result r =
        Pipeline.run(
            new Pipeline.Request(
                List.of(Path.of("examples/orders-platform"), Path.of("examples/resilient-web")),
                null,
                Context.defaults(),
                List.of()));
    String json = JsonRenderer.render(r.assessment(), Main.VERSION, r.snippets());
    assertThat(json).contains("\"root\" : \"examples/resilient-web\"");
    assertThat(validate(json)).isEmpty();
  }

  @Test
  void reportAgainstABaselineWithADateValidates(@TempDir Path dir) throws IOException {
    Pipeline.Result r =
        Pipeline.run(
            new Pipeline.Request(
                List.of(Path.of("examples/orders-platform")), null, Context.defaults(), List.of()));
    ObjectNode previous =
        (ObjectNode)
            MAPPER.readTree(JsonRenderer.render(r.assessment(), Main.VERSION, r.snippets()));
    ((ObjectNode) previous.get("findings").get(0)).put("fingerprint", "0000000000000000");
    Path baseline = dir.resolve("baseline.json");
    Files.writeString(baseline, MAPPER.writeValueAsString(previous));
    Assessment marked = r.assessment().withBaseline(Baseline.load(baseline));
    JsonNode report =
        MAPPER.readTree(JsonRenderer.render(marked, Main.VERSION, r.snippets(), "2026-12-06"));
    assertThat(report.get("fixedSinceBaseline")).hasSize(1);
    assertThat(report.get("date").asText()).isEqualTo("2026-12-06");
    assertThat(validate(report)).isEmpty();
  }

  @Test
  void reportOfEmptyDirectoryValidates(@TempDir Path dir) throws IOException {
    assertThat(validate(render(dir, Context.defaults(), List.of()))).isEmpty();
  }

  @Test
  void shippedSchemaIsValidDraft202012() throws IOException {
    JsonSchema meta =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    JsonNode ours;
    try (InputStream in = JsonReportSchemaTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      ours = MAPPER.readTree(in);
    }
    assertThat(ours.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(meta.validate(ours)).isEmpty();
  }

  // ------------------------------------------------------------------ the schema rejects bad
  // reports

  static Stream<Arguments> mutations() {
    return Stream.of(
        mutation("missing top-level findings", r -> r.remove("findings")),
        mutation("missing top-level skippedFiles", r -> r.remove("skippedFiles")),
        mutation("missing schemaVersion", r -> r.remove("schemaVersion")),
        mutation(
            "missing summary.maturity", r -> ((ObjectNode) r.get("summary")).remove("maturity")),
        mutation("missing finding risk", r -> firstFinding(r).remove("risk")),
        mutation(
            "missing finding flag (null must be written, not omitted)",
            r -> firstFinding(r).remove("flag")),
        mutation("bad risk value", r -> firstFinding(r).put("risk", "Severe")),
        mutation("lower-case risk value", r -> firstFinding(r).put("risk", "high")),
        mutation(
            "risk not from the matrix",
            r ->
                firstFinding(r)
                    .put("impact", "Minor")
                    .put("likelihood", "Low")
                    .put("risk", "High")),
        mutation("bad impact", r -> firstFinding(r).put("impact", "Major")),
        mutation("bad likelihood", r -> firstFinding(r).put("likelihood", "Certain")),
        mutation("bad domain", r -> firstFinding(r).put("domain", "Security")),
        mutation("bad tier", r -> firstFinding(r).put("tier", "Later")),
        mutation("bad flag", r -> firstFinding(r).put("flag", "FT-NOT-A-FLAG")),
        mutation("bad finding id", r -> firstFinding(r).put("id", "F-1")),
        mutation(
            "bad best practice id",
            r -> ((ArrayNode) firstFinding(r).get("bestPractices")).add("REL5-BP1")),
        mutation(
            "bad WA question id in a finding",
            r -> ((ArrayNode) firstFinding(r).get("waQuestions")).add("REL14")),
        mutation(
            "zero-padded WA question id",
            r -> ((ArrayNode) firstFinding(r).get("waQuestions")).add("REL05")),
        mutation(
            "evidence line 0",
            r -> ((ObjectNode) firstFinding(r).get("evidence").get(0)).put("line", 0)),
        mutation(
            "evidence line as string",
            r -> ((ObjectNode) firstFinding(r).get("evidence").get(0)).put("line", "12")),
        mutation(
            "evidence without snippet",
            r -> ((ObjectNode) firstFinding(r).get("evidence").get(0)).remove("snippet")),
        mutation(
            "bad WA status", r -> ((ObjectNode) r.get("waQuestions").get(0)).put("status", "Done")),
        mutation(
            "bad WA question id",
            r -> ((ObjectNode) r.get("waQuestions").get(0)).put("id", "REL0")),
        mutation(
            "scorecard domain unknown",
            r -> ((ObjectNode) r.get("scorecard").get(0)).put("domain", "Cost")),
        mutation(
            "scorecard score 6", r -> ((ObjectNode) r.get("scorecard").get(0)).put("score", 6)),
        mutation("summary count negative", r -> ((ObjectNode) r.get("summary")).put("high", -1)),
        mutation(
            "skipped file without reason",
            r -> ((ArrayNode) r.get("skippedFiles")).addObject().put("file", "x.yaml")),
        mutation("finding status unknown", r -> firstFinding(r).put("status", "gone")),
        mutation("plan without quickWins", r -> ((ObjectNode) r.get("plan")).remove("quickWins")));
  }

  static Arguments mutation(String name, Consumer<ObjectNode> change) {
    return Arguments.of(name, change);
  }

  static ObjectNode firstFinding(ObjectNode report) {
    return (ObjectNode) report.get("findings").get(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void schemaRejects(String name, Consumer<ObjectNode> change) throws IOException {
    ObjectNode report =
        (ObjectNode)
            MAPPER.readTree(
                render(Path.of("examples/orders-platform"), Context.defaults(), List.of()));
    assertThat(validate(report)).as("the unmodified report is valid").isEmpty();
    change.accept(report);
    assertThat(validate(report)).as("schema errors after: " + name).isNotEmpty();
  }
}
