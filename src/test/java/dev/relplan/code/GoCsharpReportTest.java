package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relplan.code.csharp.CsharpCodeScanner;
import dev.relplan.code.go.GoCodeScanner;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.report.JsonRenderer;
import dev.relplan.report.MarkdownRenderer;
import dev.relplan.rules.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go and C# calls in both reports: finite library defaults are shown, timeouts found through the
 * config flow are explicit.
 */
class GoCsharpReportTest {
  private static final Path PASS =
      Path.of("src/test/resources/rules/REL-CODE-CALL-NO-TIMEOUT/code/pass");

  private static Pipeline.Result run(Path p) throws Exception {
    return Pipeline.run(new Pipeline.Request(List.of(p), "orders", Context.defaults(), List.of()));
  }

  private static List<String> timeouts(JsonNode integrations, String language) {
    List<String> out = new ArrayList<>();
    for (JsonNode i : integrations) {
      if (i.get("file").asText().endsWith(language))
        out.add(i.get("line").asInt() + " " + i.get("timeout").asText());
    }
    return out;
  }

  @Test
  void finiteDefaultsAndConfiguredTimeoutsAreShownWithoutFindings() throws Exception {
    Pipeline.Result r = run(PASS);
    JsonNode json =
        new ObjectMapper().readTree(JsonRenderer.render(r.assessment(), "test", r.snippets()));
    List<String> go = timeouts(json.get("integrations"), ".go");
    assertThat(go).hasSize(4);
    assertThat(String.join("\n", go))
        .contains("5 s (http.Client.Timeout)")
        .contains("2 s (context.WithTimeout)")
        .contains("dial 5 s, read 3 s, write 3 s (go-redis defaults)");
    List<String> cs = timeouts(json.get("integrations"), ".cs");
    assertThat(cs).hasSize(8);
    assertThat(String.join("\n", cs))
        .contains("30 s total, 10 s per attempt (AddStandardResilienceHandler defaults)")
        .contains("30 s (Npgsql default Command Timeout)")
        .contains("5 s (HttpClient.Timeout)")
        .contains("100 s (HttpClient default Timeout)")
        .contains("100 s (AWS SDK for .NET default Timeout)");
    String md = MarkdownRenderer.render(r.assessment(), "2026-01-01");
    assertThat(md).contains("go-redis defaults").contains("HttpClient default Timeout");
    assertThat(
            r.assessment().findings().stream()
                .filter(f -> f.finding().rule().id().startsWith("REL-CODE-CALL-NO-TIMEOUT")))
        .isEmpty();
  }

  @Test
  void goAndCsharpTestSourcesAreNotScanned() {
    assertThat(new GoCodeScanner().isTest("services/stock/client_test.go")).isTrue();
    assertThat(new GoCodeScanner().isTest("services/stock/testdata/fake.go")).isTrue();
    assertThat(new CsharpCodeScanner().isTest("tests/Quotes.Tests/QuotesClientTests.cs")).isTrue();
    assertThat(new CsharpCodeScanner().isTest("src/Quotes.Tests/Fakes.cs")).isTrue();
    assertThat(new GoCodeScanner().isTest("services/stock/client.go")).isFalse();
    assertThat(new CsharpCodeScanner().isTest("src/Quotes/QuotesClient.cs")).isFalse();
  }
}
