package dev.relplan.cli;

import static dev.relplan.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code assess --format json --summary}: the short document for an agent's context window. */
class SummaryOptionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void summaryListsTheFirstTenFindingsAndCountsTheRest() throws Exception {
    CliTest.Result r =
        run("assess", "examples/orders-platform", "--format", "json", "--summary", "-q");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("kind").asText()).isEqualTo("summary");
    assertThat(doc.get("counts").get("findings").asInt()).isEqualTo(32);
    assertThat(doc.get("findings")).hasSize(10);
    assertThat(doc.get("findingsNotListed").asInt()).isEqualTo(22);
  }

  @Test
  void summaryFieldsComeInTheDocumentedOrder() throws Exception {
    JsonNode doc =
        JSON.readTree(
            run("assess", "examples/orders-platform", "--format", "json", "--summary", "-q").out());

    List<String> fields = new ArrayList<>();
    doc.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "schemaVersion",
            "kind",
            "tool",
            "workload",
            "counts",
            "maturity",
            "scorecard",
            "coverage",
            "findings",
            "findingsNotListed",
            "nextSteps");
    List<String> findingFields = new ArrayList<>();
    doc.get("findings").get(0).fieldNames().forEachRemaining(findingFields::add);
    assertThat(findingFields)
        .containsExactly(
            "id",
            "fingerprint",
            "rule",
            "flag",
            "risk",
            "title",
            "resource",
            "location",
            "recommendation");
  }

  @Test
  void aFindingsRecommendationIsItsFirstLineOnly() throws Exception {
    JsonNode doc =
        JSON.readTree(
            run("assess", "examples/orders-platform", "--format", "json", "--summary", "-q").out());

    for (JsonNode f : doc.get("findings"))
      assertThat(f.get("recommendation").asText()).doesNotContain("\n").isNotBlank();
  }

  @Test
  void summaryWithoutJsonIsAnInputErrorSayingToPassJson() {
    CliTest.Result r = run("assess", "examples/orders-platform", "--summary", "-q");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines())
        .containsExactly(
            "relplan: --summary shortens the JSON report: pass --format json alone with it (see"
                + " relplan assess --help)");
  }

  @Test
  void summaryWithASecondFormatIsRefused() {
    CliTest.Result r =
        run(
            "assess",
            "examples/orders-platform",
            "--format",
            "json",
            "--format",
            "md",
            "--summary",
            "-q");

    assertThat(r.code()).isEqualTo(2);
  }
}
