package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Helm chart in the scanned paths is rendered with the values chosen and assessed like manifests:
 * the verdicts follow the merged values, and the evidence reaches the values line.
 */
class HelmChartAssessmentTest {
  @TempDir Path repo;

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(
          p -> {
            try {
              Path target = to.resolve(from.relativize(p).toString());
              if (Files.isDirectory(p)) Files.createDirectories(target);
              else Files.copy(p, target);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  private Assessment assess(List<Path> values) throws IOException {
    return Pipeline.run(
            new Pipeline.Request(
                List.of(repo),
                "t",
                Context.defaults(),
                List.of(),
                null,
                List.of(),
                List.of(),
                values))
        .assessment();
  }

  private static List<Finding> findings(Assessment a, String rule) {
    return a.findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals(rule))
        .toList();
  }

  @Test
  void theChartsProductionValuesDecideAndItsAutoscalerLeavesNoFixedCapacity() throws IOException {
    copy(Path.of("src/test/resources/helm/web"), repo.resolve("chart"));
    Assessment a = assess(List.of());
    assertThat(a.notes()).anyMatch(n -> n.contains("values-prod.yaml"));
    assertThat(findings(a, "REL-COMPUTE-FIXED")).isEmpty();
  }

  @Test
  void aStagingValuesFileBesideTheChartIsAPreProductionEnvironment() throws IOException {
    copy(Path.of("src/test/resources/helm/web"), repo.resolve("chart"));
    Assessment a = assess(List.of());
    assertThat(findings(a, "REL-NO-PREPROD-ENV")).isEmpty();
    Files.delete(repo.resolve("chart/values-staging.yaml"));
    assertThat(findings(assess(List.of()), "REL-NO-PREPROD-ENV")).hasSize(1);
  }

  @Test
  void valuesGivenOnTheCommandLineDecideAndTheEvidenceCitesTheirLine() throws IOException {
    copy(Path.of("src/test/resources/helm/web"), repo.resolve("chart"));
    Assessment a = assess(List.of(repo.resolve("chart/values-staging.yaml")));
    List<Finding> fixed = findings(a, "REL-COMPUTE-FIXED");
    assertThat(fixed).hasSize(1);
    assertThat(fixed.get(0).evidence())
        .extracting(Location::file, Location::line)
        .contains(
            tuple("chart/templates/deployment.yaml", 9), tuple("chart/values-staging.yaml", 1));
  }

  @Test
  void aChartThatDoesNotRenderIsListedWithHelmsReasonAndTheOtherIsAssessed() throws IOException {
    copy(Path.of("src/test/resources/helm/web"), repo.resolve("web"));
    copy(Path.of("src/test/resources/helm/broken"), repo.resolve("broken"));
    Assessment a = assess(List.of(repo.resolve("web/values-staging.yaml")));
    assertThat(a.skippedFiles()).extracting(SkippedFile::file).contains("broken/Chart.yaml");
    assertThat(a.skippedFiles()).anyMatch(s -> s.reason().contains("database host is required"));
    assertThat(findings(a, "REL-COMPUTE-FIXED")).hasSize(1);
  }

  @Test
  void templatesThatAreNotYamlAreNotListedAsUnreadable() throws IOException {
    copy(Path.of("src/test/resources/helm/web"), repo.resolve("chart"));
    Assessment a = assess(List.of());
    assertThat(a.skippedFiles()).noneMatch(s -> s.file().startsWith("chart/templates/"));
  }
}
