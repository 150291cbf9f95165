package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/k8s-helm-shop: a Helm chart whose replica counts, probes, autoscaling and disruption
 * budget switch come from values.yaml and values-prod.yaml, read through {@code with}, a variable,
 * a named template and a vendored PostgreSQL subchart; findings cite the values lines that decide
 * them.
 */
class K8sHelmShopExampleTest {
  private static Assessment assessment;

  @BeforeAll
  static void run() throws Exception {
    assessment =
        Pipeline.run(
                new Pipeline.Request(
                    List.of(Path.of("examples/k8s-helm-shop")),
                    null,
                    Context.defaults(),
                    List.of()))
            .assessment();
  }

  private static List<Finding> findings(String rule) {
    return assessment.findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals(rule))
        .toList();
  }

  private static Finding about(String rule, String workload) {
    return findings(rule).stream()
        .filter(f -> f.title().contains(workload))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theCartsFixedReplicaCountIsCitedAtTheProductionValuesLine() {
    assertThat(about("REL-COMPUTE-FIXED", "Deployment cart").evidence())
        .contains(new Location("templates/cart.yaml", 8), new Location("values-prod.yaml", 19));
  }

  @Test
  void theOrdersReplicaCountReadThroughAVariableIsCitedAtItsValuesLine() {
    assertThat(about("REL-COMPUTE-FIXED", "Deployment orders").evidence())
        .contains(new Location("templates/orders.yaml", 9), new Location("values-prod.yaml", 22));
  }

  @Test
  void theStorefrontAutoscaledInProductionHasNoFixedCountOrScalingFinding() {
    assertThat(findings("REL-COMPUTE-FIXED")).noneMatch(f -> f.title().contains("storefront"));
    assertThat(findings("REL-SCALING-NO-POLICY")).noneMatch(f -> f.title().contains("storefront"));
  }

  @Test
  void theStorefrontsProbesFromANamedTemplateCountAndTheCartWithoutOneIsFound() {
    assertThat(findings("REL-LB-HEALTH-CHECK"))
        .extracting(Finding::title)
        .noneMatch(t -> t.contains("storefront"))
        .anyMatch(t -> t.contains("Deployment cart"));
  }

  @Test
  void theProductionDisruptionBudgetSwitchCoversTheStorefrontOnly() {
    assertThat(findings("REL-POD-DISRUPTION-BUDGET"))
        .extracting(Finding::title)
        .noneMatch(t -> t.contains("storefront"))
        .anyMatch(t -> t.contains("Deployment cart"));
  }

  @Test
  void theSubchartDatabaseIsUnreplicatedAtTheParentsValuesLine() {
    assertThat(findings("REL-STATEFUL-NO-REPLICATION"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .contains(
                        new Location("charts/postgres/templates/statefulset.yaml", 7),
                        new Location("values.yaml", 50)));
  }

  @Test
  void thePlanSaysTheProductionValuesFileWasUsed() {
    assertThat(assessment.notes())
        .anySatisfy(n -> assertThat(n).contains("values.yaml + values-prod.yaml"));
  }
}
