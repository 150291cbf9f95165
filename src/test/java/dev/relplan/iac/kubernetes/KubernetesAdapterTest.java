package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.source.SkippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests reach the model through discovery, whatever the file's name; parts never do. */
class KubernetesAdapterTest {
  @TempDir Path repo;

  static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        replicas: 2
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
              - name: web
                image: web:1.0
      """;

  private Pipeline.Result run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()));
  }

  private Map<String, ComputeGroup> workloads() throws IOException {
    Workload w = run().workload();
    Map<String, ComputeGroup> out = new TreeMap<>();
    for (ComputeGroup g : w.all(ComputeGroup.class)) out.put(g.id, g);
    return out;
  }

  private void write(String name, String content) throws IOException {
    Path file = repo.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void aDeploymentInAnyYamlFileIsAWorkloadWithItsReplicas() throws IOException {
    write("deploy/anything.yml", DEPLOYMENT);
    ComputeGroup web = workloads().get("Deployment/shop/web");
    assertThat(web.kind).isEqualTo(ComputeGroup.Kind.KUBERNETES_WORKLOAD);
    assertThat(web.type).isEqualTo("Deployment");
    assertThat(web.desired.get()).isEqualTo(2);
    assertThat(web.desired.trace()).extracting(l -> l.line()).containsExactly(7);
  }

  @Test
  void missingReplicasIsTheDocumentedDefaultOfOne() throws IOException {
    write("web.yaml", DEPLOYMENT.replace("  replicas: 2\n", ""));
    Value<Integer> desired = workloads().get("Deployment/shop/web").desired;
    assertThat(desired.get()).isEqualTo(1);
    assertThat(desired.source()).isEqualTo(Value.Source.DEFAULT);
  }

  @Test
  void everyDocumentOfAMultiDocumentFileAndEveryItemOfAListIsRead() throws IOException {
    write(
        "all.yaml",
        DEPLOYMENT
            + "---\n"
            + """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec: {replicas: 1, template: {spec: {}}}
            """);
    assertThat(workloads()).containsOnlyKeys("Deployment/shop/web", "StatefulSet/db");
  }

  @Test
  void aJsonManifestIsRead() throws IOException {
    write(
        "web.json",
        """
        {"apiVersion": "apps/v1", "kind": "Deployment",
         "metadata": {"name": "web"}, "spec": {"replicas": 3}}
        """);
    assertThat(workloads().get("Deployment/web").desired.get()).isEqualTo(3);
  }

  @Test
  void aDocumentWithoutNameIsNotAnObject() throws IOException {
    write("web.yaml", DEPLOYMENT.replace("  name: web\n", ""));
    assertThat(workloads()).isEmpty();
  }

  @Test
  void helmChartTemplatesAreReadOnlyThroughTheirRenderedChart() throws IOException {
    write("chart/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
    write("chart/templates/deployment.yaml", DEPLOYMENT);
    assertThat(workloads().values())
        .singleElement()
        .satisfies(
            g -> assertThat(g.scope).isEqualTo(KubernetesAdapter.HELM_SCOPE_PREFIX + "chart"));
  }

  @Test
  void aKustomizePatchIsNotAssessedAsAnObject() throws IOException {
    write(
        "overlays/prod/kustomization.yaml",
        "resources: [../../base]\npatches:\n  - path: replicas.yaml\n");
    write("overlays/prod/replicas.yaml", DEPLOYMENT);
    write("base/web.yaml", DEPLOYMENT.replace("name: web", "name: api"));
    assertThat(workloads()).containsOnlyKeys("Deployment/shop/api");
  }

  @Test
  void aHorizontalPodAutoscalerInAnotherFileScalesItsTarget() throws IOException {
    write("web.yaml", DEPLOYMENT);
    write(
        "hpa.yaml",
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 5
        """);
    ComputeGroup web = workloads().get("Deployment/shop/web");
    assertThat(web.scalableTarget).isNotNull();
    assertThat(web.scalableTarget.min.get()).isEqualTo(1);
    assertThat(web.scalableTarget.max.get()).isEqualTo(5);
    assertThat(web.scalingPolicies).hasSize(1);
  }

  @Test
  void anAutoscalerInAnotherNamespaceDoesNotScaleTheWorkload() throws IOException {
    write("web.yaml", DEPLOYMENT);
    write(
        "hpa.yaml",
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: other}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 5
        """);
    assertThat(workloads().get("Deployment/shop/web").scalableTarget).isNull();
  }

  @Test
  void aServiceSelectingThePodsPutsTheWorkloadOnTheRequestPath() throws IOException {
    write(
        "web.yaml",
        DEPLOYMENT
            + """
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
            """);
    ComputeGroup web = workloads().get("Deployment/shop/web");
    assertThat(web.servedBy).extracting(r -> r.id).containsExactly("Service/shop/web");
  }

  @Test
  void aRolloutWithAWorkloadRefRunsTheDeploymentsPodsInItsPlace() throws IOException {
    write(
        "web.yaml",
        DEPLOYMENT.replace("replicas: 2", "replicas: 0")
            + """
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: web, namespace: shop}
            spec:
              replicas: 4
              workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            """);
    Map<String, ComputeGroup> workloads = workloads();
    assertThat(workloads).containsOnlyKeys("Rollout/shop/web");
    assertThat(workloads.get("Rollout/shop/web").podLabels).containsEntry("app", "web");
    assertThat(workloads.get("Rollout/shop/web").desired.get()).isEqualTo(4);
  }

  @Test
  void aNamespaceNamedLikeAnEnvironmentIsEvidenceOfThatEnvironment() throws IOException {
    write("prod/web.yaml", DEPLOYMENT.replace("namespace: shop", "namespace: shop-prod"));
    write("staging/web.yaml", DEPLOYMENT.replace("namespace: shop", "namespace: shop-staging"));
    assertThat(run().workload().environments)
        .extracting(e -> e.environment() + " " + e.location())
        .containsExactlyInAnyOrder("shop-prod prod/web.yaml:5", "shop-staging staging/web.yaml:5");
  }

  @Test
  void aHostileManifestIsSkippedAndTheGoodOneBesideItAssessed() throws IOException {
    write("good.yaml", DEPLOYMENT);
    StringBuilder bomb =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    bomb.append("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++)
      bomb.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [")
          .append(String.join(", ", Collections.nCopies(10, "*a" + (i - 1))))
          .append("]\n");
    write("bomb.yaml", bomb.toString());
    Pipeline.Result result = run();
    assertThat(result.assessment().skippedFiles())
        .extracting(SkippedFile::file)
        .contains("bomb.yaml");
    assertThat(result.workload().all(ComputeGroup.class))
        .extracting(g -> g.id)
        .containsExactly("Deployment/shop/web");
  }
}
