package dev.relplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Baseline;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.report.JsonRenderer;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    List<Assessment.PastFinding> previous =
        Baseline.load(report(dir, JsonRenderer.render(r.assessment(), "t", r.snippets())));
    Assessment marked = r.assessment().withBaseline(previous);
    assertThat(marked.findings()).allMatch(f -> f.status().equals("unchanged"));
    assertThat(marked.fixedSinceBaseline()).isEmpty();
  }

  @Test
  void findingAbsentFromTheBaselineIsNewAndBaselineOnlyFindingIsFixed(@TempDir Path dir)
      throws IOException {
    Pipeline.Result r = run();
    String nat =
        r.assessment().findings().stream()
            .filter(f -> f.finding().rule().id().equals("REL-NAT-SINGLE"))
            .findFirst()
            .orElseThrow()
            .fingerprint();
    String json =
        JsonRenderer.render(r.assessment(), "t", r.snippets())
            .replace("\"rule\" : \"REL-NAT-SINGLE\"", "\"rule\" : \"REL-SOMETHING-FIXED\"")
            .replace(nat, "0000000000000000");
    Assessment marked = r.assessment().withBaseline(Baseline.load(report(dir, json)));
    assertThat(marked.findings())
        .filteredOn(f -> f.finding().rule().id().equals("REL-NAT-SINGLE"))
        .singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo("new"));
    assertThat(marked.fixedSinceBaseline())
        .singleElement()
        .satisfies(t -> assertThat(t.rule()).isEqualTo("REL-SOMETHING-FIXED"));
  }

  private static final String QUEUE_A = "resource \"aws_sqs_queue\" \"a\" {\n  name = \"a\"\n}\n\n";
  private static final String QUEUE_B = "resource \"aws_sqs_queue\" \"b\" {\n  name = \"b\"\n}\n";

  private static Pipeline.Result runOn(Path dir) throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(dir), null, Context.defaults(), List.of()));
  }

  private static Assessment.NumberedFinding dlqFindingOn(Assessment a, String resource) {
    return a.findings().stream()
        .filter(f -> f.finding().rule().id().equals("REL-ASYNC-NO-DLQ"))
        .filter(f -> f.finding().resource().equals(resource))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void findingFixedAboveAnotherLeavesTheOtherUnchanged(@TempDir Path dir) throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(repo.resolve("main.tf"), QUEUE_A + QUEUE_B);
    Pipeline.Result before = runOn(repo);
    Assessment.NumberedFinding queueBBefore = dlqFindingOn(before.assessment(), "aws_sqs_queue.b");
    Path baseline = report(dir, JsonRenderer.render(before.assessment(), "t", before.snippets()));

    Files.writeString(repo.resolve("main.tf"), QUEUE_B);
    Assessment after = runOn(repo).assessment().withBaseline(Baseline.load(baseline));
    Assessment.NumberedFinding queueB = dlqFindingOn(after, "aws_sqs_queue.b");

    assertThat(queueB.id()).isNotEqualTo(queueBBefore.id());
    assertThat(queueB.finding().evidence().get(0).line())
        .isLessThan(queueBBefore.finding().evidence().get(0).line());
    assertThat(queueB.fingerprint()).isEqualTo(queueBBefore.fingerprint());
    assertThat(queueB.status()).isEqualTo("unchanged");
    assertThat(after.fixedSinceBaseline())
        .extracting(Assessment.PastFinding::resource)
        .containsExactly("aws_sqs_queue.a");
  }

  @Test
  void baselineWrittenBeforeFingerprintsStillMatchesByRuleResourceAndFile(@TempDir Path dir)
      throws IOException {
    Pipeline.Result r = run();
    ObjectMapper mapper = new ObjectMapper();
    JsonNode report = mapper.readTree(JsonRenderer.render(r.assessment(), "t", r.snippets()));
    for (JsonNode f : report.get("findings")) ((ObjectNode) f).remove("fingerprint");
    String withoutFingerprints = mapper.writeValueAsString(report);
    Assessment marked =
        r.assessment().withBaseline(Baseline.load(report(dir, withoutFingerprints)));
    assertThat(marked.findings()).allMatch(f -> f.status().equals("unchanged"));
    assertThat(marked.fixedSinceBaseline()).isEmpty();
  }

  @Test
  void withoutABaselineFindingsHaveNoStatus() throws IOException {
    assertThat(run().assessment().findings()).allMatch(f -> f.status() == null);
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
