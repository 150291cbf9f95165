package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.model.ComputeGroup;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kustomize base with production and staging overlays is assessed as the production overlay
 * renders it: the overlay's patch decides, its line is the evidence, and the patch file alone is
 * never an object; the same objects written again as plain manifests are another definition of
 * them.
 */
class KustomizeAssessmentTest {
  @TempDir Path repo;

  private void write(String name, String content) throws IOException {
    Path file = repo.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @BeforeEach
  void baseWithOverlays() throws IOException {
    write(
        "base/deployment.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: web:1.0
                  readinessProbe:
                    httpGet: {path: /healthz, port: 8080}
        """);
    write(
        "base/service.yaml",
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
    write("base/kustomization.yaml", "resources:\n  - deployment.yaml\n  - service.yaml\n");
    write(
        "overlays/production/kustomization.yaml",
        "namespace: shop\nresources:\n  - ../../base\npatches:\n  - path: replicas.yaml\n");
    write(
        "overlays/production/replicas.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 3
        """);
    write(
        "overlays/staging/kustomization.yaml",
        "namespace: shop-staging\nresources:\n  - ../../base\n");
  }

  private Pipeline.Result run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()));
  }

  private static List<Finding> findings(Assessment a, String rule) {
    return a.findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals(rule))
        .toList();
  }

  @Test
  void theProductionOverlaysPatchDecidesAndIsTheEvidence() throws IOException {
    List<Finding> fixed = findings(run().assessment(), "REL-COMPUTE-FIXED");
    assertThat(fixed).hasSize(1);
    assertThat(fixed.get(0).title()).contains("3 replica");
    assertThat(fixed.get(0).evidence())
        .contains(new Location("overlays/production/replicas.yaml", 6));
  }

  @Test
  void thePatchFileAloneIsNotAssessedAsADeployment() throws IOException {
    List<ComputeGroup> workloads = run().workload().all(ComputeGroup.class);
    assertThat(workloads).hasSize(1);
    assertThat(workloads.get(0).namespace).isEqualTo("shop");
  }

  @Test
  void theStagingOverlayIsAnEnvironment() throws IOException {
    assertThat(run().workload().environments)
        .anyMatch(e -> e.environment().equals("overlays/staging"));
  }

  @Test
  void theSameObjectWrittenAgainAsAManifestIsModelledFromBothDefinitions() throws IOException {
    write(
        "release/all.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: web:1.0
        """);
    Pipeline.Result r = run();
    assertThat(r.workload().all(ComputeGroup.class))
        .extracting(g -> g.definedObject.definition())
        .containsExactly("kustomize:overlays/production", "release/all.yaml");
    assertThat(r.assessment().notes())
        .anyMatch(n -> n.contains("release/all.yaml defines 1 of kustomize:overlays/production"));
  }

  @Test
  void aTransformerConfigurationIsNotAnObject() throws IOException {
    write(
        "overlays/production/kustomization.yaml",
        "namespace: shop\nresources:\n  - ../../base\ntransformers:\n  - labels.yaml\n");
    write(
        "overlays/production/labels.yaml",
        "apiVersion: builtin\nkind: LabelTransformer\nmetadata:\n  name: labels\nlabels:\n  env: prod\n");
    assertThat(run().workload().notAssessedTypes).doesNotContainKey("LabelTransformer");
  }

  @Test
  void anotherRootIsAssessedWhenTheCommandLineNamesIt() throws IOException {
    Pipeline.Result r =
        Pipeline.run(
            new Pipeline.Request(
                List.of(repo),
                "t",
                Context.defaults(),
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                "overlays/staging"));
    assertThat(r.workload().all(ComputeGroup.class))
        .singleElement()
        .satisfies(g -> assertThat(g.namespace).isEqualTo("shop-staging"));
  }
}
