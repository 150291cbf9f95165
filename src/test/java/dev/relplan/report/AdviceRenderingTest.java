package dev.relplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each output shows the finding's fitted advice and its snippet in the finding's dialect. */
class AdviceRenderingTest {
  private static final String DATABASE =
      """
      resource "aws_db_instance" "main" {
        engine                  = "postgres"
        instance_class          = "db.t3.micro"
        multi_az                = false
        backup_retention_period = 7
        deletion_protection     = true
      }
      """;

  @TempDir static Path dir;
  private static Pipeline.Result result;
  private static Assessment assessment;

  @BeforeAll
  static void assess() throws IOException {
    Files.writeString(dir.resolve("main.tf"), DATABASE);
    result =
        Pipeline.run(new Pipeline.Request(List.of(dir), "shop", Context.defaults(), List.of()));
    assessment = result.assessment();
  }

  @Test
  void markdownShowsTheTerraformSnippetInAnHclBlockUnderTheRecommendation() {
    String md = MarkdownRenderer.render(assessment, "-");
    assertThat(md)
        .contains("- **Recommendation**: Set multi_az = true on the aws_db_instance")
        .contains(
            "  ```hcl\n  resource \"aws_db_instance\" \"main\" {\n    # ...\n    multi_az = true\n  }\n  ```\n");
  }

  @Test
  void htmlCarriesTheSnippetAndItsLanguageInItsReportData() throws IOException {
    String html = HtmlRenderer.render(assessment, "-", "test", result.snippets());
    JsonNode singleAz = null;
    for (JsonNode f :
        new ObjectMapper().readTree(HtmlReportTest.embeddedJson(html)).get("findings"))
      if (f.get("rule").asText().equals("REL-DB-SINGLE-AZ")) singleAz = f;
    assertThat(singleAz).isNotNull();
    assertThat(singleAz.get("fixLanguage").asText()).isEqualTo("hcl");
    assertThat(singleAz.get("fixSnippet").asText())
        .startsWith("resource \"aws_db_instance\" \"main\" {\n")
        .contains("  multi_az = true\n}");
  }

  @Test
  void jsonCarriesRecommendationSnippetAndItsLanguage() throws IOException {
    JsonNode findings =
        new ObjectMapper()
            .readTree(JsonRenderer.render(assessment, "test", result.snippets()))
            .get("findings");
    JsonNode singleAz = null;
    for (JsonNode f : findings) if (f.get("rule").asText().equals("REL-DB-SINGLE-AZ")) singleAz = f;
    assertThat(singleAz).isNotNull();
    assertThat(singleAz.get("recommendation").asText()).startsWith("Set multi_az = true");
    assertThat(singleAz.get("fixLanguage").asText()).isEqualTo("hcl");
    assertThat(singleAz.get("fixSnippet").asText()).contains("multi_az = true");
  }

  @Test
  void sarifResultPropertiesCarryTheSnippet() throws IOException {
    JsonNode results =
        new ObjectMapper()
            .readTree(SarifRenderer.render(assessment, RuleRegistry.all(), "test"))
            .at("/runs/0/results");
    JsonNode singleAz = null;
    for (JsonNode r : results)
      if (r.get("ruleId").asText().equals("REL-DB-SINGLE-AZ")) singleAz = r.get("properties");
    assertThat(singleAz).isNotNull();
    assertThat(singleAz.get("fixLanguage").asText()).isEqualTo("hcl");
    assertThat(singleAz.get("fixSnippet").asText()).contains("multi_az = true");
  }

  @Test
  void thePlanActionUsesTheFittedText() {
    assertThat(assessment.plan())
        .filteredOn(a -> a.rule().equals("REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(a -> assertThat(a.action()).startsWith("Set multi_az = true"));
  }
}
