package dev.relplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relplan.cli.Main;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Terraform root calling a module outside the scanned path: the plan says what was not read. */
class CoverageReportTest {
  @TempDir Path tmp;
  Path root;

  private static final String OUTSIDE_CALL =
      """
      module "app" {
        source = "../outside-module"
      }
      """;

  private static final String QUEUE =
      """
      resource "aws_sqs_queue" "jobs" {
        name = "jobs"
      }
      """;

  @BeforeEach
  void outsideModule() throws IOException {
    root = Files.createDirectories(tmp.resolve("root"));
    Path outside = Files.createDirectories(tmp.resolve("outside-module"));
    Files.writeString(outside.resolve("main.tf"), "resource \"aws_db_instance\" \"db\" {}\n");
  }

  private Pipeline.Result run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(root), "t", Context.defaults(), List.of()));
  }

  private String markdown(String mainTf) throws IOException {
    Files.writeString(root.resolve("main.tf"), mainTf);
    return MarkdownRenderer.render(run().assessment(), "2026-01-01");
  }

  @Test
  void aRootThatOnlyCallsAnOutsideModuleSaysNothingWasAssessed() throws IOException {
    String md = markdown(OUTSIDE_CALL);
    assertThat(md.lines().skip(2).findFirst().orElseThrow())
        .startsWith("**Nothing was assessed: the scanned files only refer to 1 module");
    assertThat(md).doesNotContain("No gaps found");
  }

  @Test
  void aRootWithResourcesAndAnOutsideModuleOpensWithPartialAssessment() throws IOException {
    String md = markdown(OUTSIDE_CALL + QUEUE);
    assertThat(md.lines().skip(2).findFirst().orElseThrow())
        .isEqualTo(
            "**Partial assessment: 1 module could not be read — see Appendix D: Analysis Coverage.**");
  }

  @Test
  void theCoverageAppendixListsTheModuleWithItsReasonAndCallLine() throws IOException {
    String md = markdown(QUEUE + OUTSIDE_CALL);
    assertThat(md)
        .contains(
            "| module | module.app | outside the scanned paths | local module source ../outside-module"
                + " is outside the scanned paths or has no .tf files; not followed | main.tf:4 |");
  }

  @Test
  void theMaturityReasonSaysTheRatingCoversOnlyWhatWasRead() throws IOException {
    String md = markdown(OUTSIDE_CALL + QUEUE);
    assertThat(md)
        .containsPattern("Overall Reliability Maturity\\*\\*: \\d — .*Partial assessment");
  }

  @Test
  void aCompleteScanHasNoCoverageStatement() throws IOException {
    String md = markdown(QUEUE);
    assertThat(md).doesNotContain("Partial assessment").doesNotContain("Not read");
  }

  @Test
  void theJsonReportCarriesTheGapsAndValidates() throws IOException {
    Files.writeString(root.resolve("main.tf"), OUTSIDE_CALL + QUEUE);
    Pipeline.Result r = run();
    String json = JsonRenderer.render(r.assessment(), Main.VERSION, r.snippets());
    JsonReportSchemaTest.loadShippedSchema();
    assertThat(JsonReportSchemaTest.validate(json)).isEmpty();
    JsonNode coverage = new ObjectMapper().readTree(json).get("coverage");
    assertThat(coverage.get("complete").asBoolean()).isFalse();
    JsonNode gap = coverage.get("gaps").get(0);
    assertThat(gap.get("kind").asText()).isEqualTo("module");
    assertThat(gap.get("cause").asText()).isEqualTo("outside-scanned-paths");
    assertThat(gap.get("file").asText() + ":" + gap.get("line").asInt()).isEqualTo("main.tf:1");
  }

  @Test
  void theHtmlPlanOpensWithTheStatementToo() throws IOException {
    Files.writeString(root.resolve("main.tf"), OUTSIDE_CALL + QUEUE);
    Pipeline.Result r = run();
    String html = HtmlRenderer.render(r.assessment(), "2026-01-01", "test", r.snippets());
    assertThat(html).contains("Partial assessment: 1 module could not be read");
  }
}
