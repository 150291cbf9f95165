package dev.relplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML plan has the Markdown plan's sections and escapes everything taken from the repository.
 */
class HtmlReportTest {
  @Test
  void htmlPlanHasEverySectionOfTheMarkdownPlan() throws IOException {
    Pipeline.Result r =
        Pipeline.run(
            new Pipeline.Request(
                List.of(Path.of("examples/orders-platform")), null, Context.defaults(), List.of()));
    String html = HtmlRenderer.render(r.assessment(), "2026-11-30");
    for (String section :
        List.of(
            "Executive Summary",
            "Reliability Scorecard",
            "Single Points of Failure",
            "Critical and High Risk Findings",
            "Medium and Low Risk Findings",
            "Prioritized Remediation Plan",
            "Testing Plan",
            "Next Steps")) {
      assertThat(html).contains("<h2>" + section + "</h2>");
    }
    assertThat(html).contains("<th>Component</th>").contains("<code>network.yaml:145</code>");
  }

  @Test
  void markupInRepositoryNamesIsEscaped(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("t.yaml"), "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
    Pipeline.Result r =
        Pipeline.run(
            new Pipeline.Request(
                List.of(dir), "<script>alert(1)</script>", Context.defaults(), List.of()));
    String html = HtmlRenderer.render(r.assessment(), "-");
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
  }
}
