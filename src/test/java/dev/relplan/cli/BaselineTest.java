package dev.relplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Baseline;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.report.JsonRenderer;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --baseline marks findings new or unchanged and lists what was fixed. */
class BaselineTest {
  private static final Path ORDERS = Path.of("examples/orders-platform");

  private static Pipeline.Result run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(ORDERS), null, Context.defaults(), List.of()));
  }

  private static Path report(Path dir, String json) throws IOException {
    Path f = dir.resolve("baseline.json");
    Files.writeString(f, json);
    return f;
  }

  @Test
  void sameRepositoryAgainstItsOwnReportHasOnlyUnchangedFindings(@TempDir Path dir)
      throws IOException {
    Pipeline.Result r = run();
    Map<String, String> previous =
        Baseline.load(report(dir, JsonRenderer.render(r.assessment(), "t", r.snippets())));
    Assessment marked = r.assessment().withBaseline(previous);
    assertThat(marked.findings()).allMatch(f -> f.status().equals("unchanged"));
    assertThat(marked.fixedSinceBaseline()).isEmpty();
  }

  @Test
  void findingAbsentFromTheBaselineIsNewAndBaselineOnlyFindingIsFixed(@TempDir Path dir)
      throws IOException {
    Pipeline.Result r = run();
    String json =
        JsonRenderer.render(r.assessment(), "t", r.snippets())
            .replace("\"rule\" : \"REL-NAT-SINGLE\"", "\"rule\" : \"REL-SOMETHING-FIXED\"");
    Assessment marked = r.assessment().withBaseline(Baseline.load(report(dir, json)));
    assertThat(marked.findings())
        .filteredOn(f -> f.finding().rule().id().equals("REL-NAT-SINGLE"))
        .singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo("new"));
    assertThat(marked.fixedSinceBaseline())
        .singleElement()
        .satisfies(t -> assertThat(t).contains("REL-SOMETHING-FIXED"));
  }

  @Test
  void failOnCountsOnlyNewFindingsAgainstABaseline(@TempDir Path dir) throws IOException {
    Path base = dir.resolve("base.json");
    assertThat(Main.execute("assess", ORDERS.toString(), "--format", "json", "-o", base.toString()))
        .isZero();
    assertThat(
            Main.execute(
                "assess",
                ORDERS.toString(),
                "--baseline",
                base.toString(),
                "--fail-on",
                "high",
                "-o",
                dir.resolve("p.md").toString()))
        .isZero();
  }

  @Test
  void baselineThatIsNotAReportIsAUsageError(@TempDir Path dir) throws IOException {
    Path bogus = report(dir, "{\"hello\": 1}");
    assertThat(Main.execute("assess", ORDERS.toString(), "--baseline", bogus.toString()))
        .isEqualTo(2);
  }
}
