package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.report.MarkdownRenderer;
import dev.relplan.report.ReportInput;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.rules.RuleRegistry;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One object, several definitions: a Deployment written as a plain manifest and rendered by a Helm
 * chart is one component when both agree, and two findings, each naming its definition, when they
 * disagree on the replica count.
 */
class SameObjectDefinitionsTest {
  @TempDir Path repo;

  private void write(String name, String content) throws IOException {
    Path file = repo.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /** A chart rendering Deployment web with {@code replicas} from its values (line 1). */
  private void chart(int replicas) throws IOException {
    write("chart/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
    write("chart/values.yaml", "replicas: " + replicas + "\n");
    write(
        "chart/templates/deployment.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: {{ .Values.replicas }}
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: example/web:1.0
        """);
  }

  /** The same Deployment as a plain manifest, {@code replicas} on line 6. */
  private void manifest(String file, int replicas) throws IOException {
    write(
        file,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: %d
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: example/web:1.0
        """
            .formatted(replicas));
  }

  private Pipeline.Result run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()));
  }

  private static List<Finding> fixedCompute(Assessment a) {
    return a.findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals("REL-COMPUTE-FIXED"))
        .toList();
  }

  @Test
  void anAgreeingManifestAndChartAreOneFindingCitingBoth() throws IOException {
    chart(1);
    manifest("deploy/app.yaml", 1);
    List<Finding> fixed = fixedCompute(run().assessment());
    assertThat(fixed).hasSize(1);
    assertThat(fixed.get(0).evidence())
        .extracting(Location::file, Location::line)
        .contains(
            tuple("chart/templates/deployment.yaml", 6),
            tuple("chart/values.yaml", 1),
            tuple("deploy/app.yaml", 6));
  }

  @Test
  void disagreeingReplicaCountsAreTwoFindingsEachNamingItsDefinition() throws IOException {
    chart(3);
    manifest("deploy/app.yaml", 1);
    List<Finding> fixed = fixedCompute(run().assessment());
    assertThat(fixed)
        .extracting(Finding::title, f -> f.evidence().get(0).file())
        .containsExactlyInAnyOrder(
            tuple("Deployment web runs a fixed 3 replica(s)", "chart/templates/deployment.yaml"),
            tuple("Deployment web runs a fixed 1 replica(s)", "deploy/app.yaml"));
    assertThat(fixed)
        .extracting(Finding::description)
        .anyMatch(
            d -> d.endsWith("As defined by helm:chart; deploy/app.yaml defines it otherwise."))
        .anyMatch(
            d -> d.endsWith("As defined by deploy/app.yaml; helm:chart defines it otherwise."));
  }

  @Test
  void theNoteSaysWhichDefinitionsDisagreeOnWhichRuleIncludingARuleOnlyOneOfThemFails()
      throws IOException {
    chart(3);
    manifest("deploy/app.yaml", 1);
    assertThat(run().assessment().notes())
        .contains(
            "Definitions of Deployment/web (helm:chart, deploy/app.yaml) disagree, so their"
                + " findings are reported per definition: REL-COMPUTE-FIXED reported separately"
                + " for helm:chart / deploy/app.yaml; REL-COMPUTE-SINGLE-AZ reported separately for"
                + " helm:chart, not for deploy/app.yaml");
  }

  /** A Service routing to the pods of Deployment web, in {@code file}. */
  private void service(String file) throws IOException {
    write(
        file,
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector: {app: web}
          ports:
            - port: 80
        """);
  }

  @Test
  void aReadinessProbeInOneDefinitionOnlyLeavesTheFindingToTheOtherNamingIt() throws IOException {
    chart(2);
    service("chart/templates/service.yaml");
    manifest("deploy/app.yaml", 2);
    write(
        "deploy/app.yaml",
        Files.readString(repo.resolve("deploy/app.yaml"))
            + "          readinessProbe:\n            httpGet: {path: /ready, port: 8080}\n");
    service("deploy/service.yaml");
    List<Finding> noProbe =
        run().assessment().findings().stream()
            .map(Assessment.NumberedFinding::finding)
            .filter(f -> f.rule().id().equals("REL-LB-HEALTH-CHECK"))
            .toList();
    assertThat(noProbe)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.evidence()).extracting(Location::file).doesNotContain("deploy/app.yaml");
              assertThat(f.description())
                  .endsWith("As defined by helm:chart; deploy/app.yaml defines it otherwise.");
            });
  }

  @Test
  void anObjectDefinedOnceIsReportedAsItsOnlyDefinitionSaysWithoutNamingIt() throws IOException {
    manifest("deploy/app.yaml", 1);
    Pipeline.Result r = run();
    List<Finding> fixed = fixedCompute(r.assessment());
    assertThat(fixed)
        .singleElement()
        .satisfies(f -> assertThat(f.description()).doesNotContain("As defined by"));
    assertThat(fixed.get(0).evidence()).extracting(Location::file).containsOnly("deploy/app.yaml");
    assertThat(r.assessment().notes()).noneMatch(n -> n.contains("defined more than once"));
  }

  @Test
  void evidenceFollowsTheDefinitionsPrecedenceNotTheirFileNames() throws IOException {
    chart(1);
    manifest("a-first.yaml", 1);
    List<Location> evidence = fixedCompute(run().assessment()).get(0).evidence();
    assertThat(evidence.get(0).file()).isEqualTo("chart/templates/deployment.yaml");
    assertThat(evidence).extracting(Location::file).endsWith("a-first.yaml");
  }

  @Test
  void theSameDefinitionsGiveTheSameReportTwice() throws IOException {
    chart(3);
    manifest("deploy/app.yaml", 1);
    manifest("release/app.yaml", 1);
    assertThat(markdown(run())).isEqualTo(markdown(run()));
  }

  private static String markdown(Pipeline.Result r) {
    return new MarkdownRenderer()
        .render(
            new ReportInput(
                r.assessment(), "2026-01-01", "test", r.snippets(), RuleRegistry.all()));
  }
}
