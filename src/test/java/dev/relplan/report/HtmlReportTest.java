package dev.relplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relplan.cli.Main;
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

/**
 * The HTML dashboard is one self-contained page holding the JSON report, safely, for its own script
 * to draw; the browser check is {@link DashboardBrowserTest}.
 */
class HtmlReportTest {
  static final String DATA_OPEN = "<script type=\"application/json\" id=\"relplan-report\">";

  static Pipeline.Result orders;

  @BeforeAll
  static void assessOrdersPlatform() throws IOException {
    orders =
        Pipeline.run(
            new Pipeline.Request(
                List.of(Path.of("examples/orders-platform")), null, Context.defaults(), List.of()));
  }

  static ReportInput input(Pipeline.Result r, String date) {
    return new ReportInput(r.assessment(), date, Main.VERSION, r.snippets(), RuleRegistry.all());
  }

  /** The text of the page's JSON data element. */
  static String embeddedJson(String html) {
    int start = html.indexOf(DATA_OPEN) + DATA_OPEN.length();
    return html.substring(start, html.indexOf("</script>", start));
  }

  @Test
  void pageEmbedsTheReportTheJsonFormatWrites() throws IOException {
    ReportInput input = input(orders, "2026-11-30");
    String html = new HtmlRenderer().render(input);
    ObjectMapper mapper = new ObjectMapper();
    assertThat(mapper.readTree(embeddedJson(html)))
        .isEqualTo(mapper.readTree(new JsonRenderer().render(input)));
  }

  @Test
  void scannedNamesCannotCloseTheDataElementOrOpenAComment(@TempDir Path dir) throws IOException {
    String hostile = "</script><script>alert(1)</script><!-- x \u2028 y \u2029 z & >";
    Files.writeString(dir.resolve("t.yaml"), "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
    Pipeline.Result r =
        Pipeline.run(new Pipeline.Request(List.of(dir), hostile, Context.defaults(), List.of()));
    String html = new HtmlRenderer().render(input(r, "-"));
    String json = embeddedJson(html);
    assertThat(json)
        .doesNotContain("<")
        .doesNotContain(">")
        .doesNotContain("\u2028")
        .doesNotContain("\u2029")
        .contains("\\u003c/script\\u003e");
    // Only the page's own two script elements close.
    assertThat(html.split("</script>", -1)).hasSize(3);
    assertThat(html).doesNotContain("<!--");
    JsonNode parsed = new ObjectMapper().readTree(json);
    assertThat(parsed.get("workload").get("name").asText()).isEqualTo(hostile);
  }

  @Test
  void markupInTheWorkloadNameIsEscapedInTheTitle(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("t.yaml"), "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
    Pipeline.Result r =
        Pipeline.run(
            new Pipeline.Request(
                List.of(dir), "<b onclick=x>shop</b>", Context.defaults(), List.of()));
    String html = new HtmlRenderer().render(input(r, "-"));
    assertThat(html)
        .doesNotContain("<b onclick")
        .contains("<title>Reliability Improvement Plan: &lt;b onclick=x&gt;shop&lt;/b&gt;</title>");
  }

  @Test
  void pageLoadsNothingFromTheNetwork() {
    String html = new HtmlRenderer().render(input(orders, "2026-11-30"));
    assertThat(html)
        .doesNotContain(" src=")
        .doesNotContain("href=\"http")
        .doesNotContain("url(http")
        .contains("content=\"default-src 'none'; script-src 'unsafe-inline';");
  }

  @Test
  void sameInputGivesTheSamePage() {
    assertThat(new HtmlRenderer().render(input(orders, "2026-11-30")))
        .isEqualTo(new HtmlRenderer().render(input(orders, "2026-11-30")));
  }

  @Test
  void withoutJavaScriptThePageStillShowsCountsMaturityAndNextSteps() {
    String html = new HtmlRenderer().render(input(orders, "2026-11-30"));
    String essentials =
        html.substring(html.indexOf("<div id=\"essentials\""), html.indexOf("<main id=\"app\">"));
    assertThat(essentials)
        .contains("<noscript>")
        .contains("<li>Critical: 1</li>")
        .contains("<li>High: 26</li>")
        .contains("<p>Maturity 2/5: ")
        .contains("Partial assessment: 3 handlers could not be read");
  }
}
