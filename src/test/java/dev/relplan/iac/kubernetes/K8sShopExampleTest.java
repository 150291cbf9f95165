package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Strength;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** examples/k8s-shop: the storefront's strengths, the orders API's and database's gaps. */
class K8sShopExampleTest {
  private static Assessment assessment;

  @BeforeAll
  static void run() throws Exception {
    assessment =
        Pipeline.run(
                new Pipeline.Request(
                    List.of(Path.of("examples/k8s-shop")),
                    "k8s-shop",
                    Context.defaults(),
                    List.of()))
            .assessment();
  }

  private static Set<String> findingsOn(String resource) {
    Set<String> out = new TreeSet<>();
    for (Assessment.NumberedFinding n : assessment.findings())
      if (n.finding().resource().equals(resource))
        out.add(n.finding().rule().id() + " " + n.risk().title);
    return out;
  }

  @Test
  void theSingleReplicaApiOnTheRequestPathIsHighRisk() {
    assertThat(findingsOn("Deployment/shop/orders-api"))
        .contains(
            "REL-COMPUTE-FIXED High",
            "REL-LB-HEALTH-CHECK High",
            "REL-DEPLOY-ALL-AT-ONCE High",
            "REL-DEPLOY-NO-AUTO-ROLLBACK High");
  }

  @Test
  void theDatabaseIsJudgedOnItsCopiesNotItsCapacity() {
    assertThat(findingsOn("StatefulSet/shop/postgres"))
        .containsExactly("REL-STATEFUL-NO-REPLICATION High");
  }

  @Test
  void theStorefrontDoneRightHasStrengthsAndNoFinding() {
    assertThat(findingsOn("Deployment/shop/web")).isEmpty();
    assertThat(assessment.strengths())
        .extracting(Strength::title)
        .contains(
            "Deployment shop/web spreads its replicas across zones",
            "Deployment shop/web scales with HorizontalPodAutoscaler",
            "Deployment shop/web is rolled back automatically on failed analysis",
            "PodDisruptionBudget web lets drains evict the pods of Deployment shop/web gradually");
  }

  @Test
  void theTestingPlanHasPodDeletionNodeDrainAndKubernetesRollback() {
    assertThat(assessment.testingPlan())
        .extracting(Assessment.TestRow::test)
        .contains("Pod deletion", "Node drain", "Deployment rollback");
    assertThat(assessment.testingPlan())
        .filteredOn(t -> t.test().equals("Deployment rollback"))
        .singleElement()
        .satisfies(t -> assertThat(t.awsService()).isEqualTo("Argo Rollouts / Flagger analysis"));
  }
}
