package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/k8s-platform: two Go services deployed with Kustomize overlays, whose probes reach the
 * services' health handlers.
 */
class K8sPlatformExampleTest {
  private static Assessment assessment;

  @BeforeAll
  static void run() throws Exception {
    assessment =
        Pipeline.run(
                new Pipeline.Request(
                    List.of(Path.of("examples/k8s-platform")), null, Context.defaults(), List.of()))
            .assessment();
  }

  private static List<Finding> findings(String rule) {
    return assessment.findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals(rule))
        .toList();
  }

  @Test
  void theProductionOverlaysReplicaPatchIsTheCatalogsEvidence() {
    assertThat(findings("REL-COMPUTE-FIXED"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .contains(new Location("overlays/production/replicas.yaml", 6)));
  }

  @Test
  void theCatalogsConstantHealthHandlerIsCitedWithTheProbeThatReachesIt() {
    assertThat(findings("REL-CODE-SHALLOW-HEALTH-CHECK"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .extracting(Location::file)
                    .contains("services/catalog/main.go", "base/catalog.yaml"));
  }

  @Test
  void theOrdersLivenessProbeOnItsDatabaseCheckIsLowRisk() {
    assertThat(findings("REL-LIVENESS-PROBE-CHECKS-DEPENDENCIES"))
        .singleElement()
        .satisfies(f -> assertThat(f.risk()).isEqualTo(Risk.LOW));
  }

  @Test
  void theStagingOverlayCountsAsAPreProductionEnvironment() {
    assertThat(findings("REL-NO-PREPROD-ENV")).isEmpty();
  }
}
