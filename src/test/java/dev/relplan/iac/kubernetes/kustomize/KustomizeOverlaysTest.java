package dev.relplan.iac.kubernetes.kustomize;

import static dev.relplan.iac.kubernetes.kustomize.Rendered.object;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.root;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.text;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.where;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.iac.kubernetes.kustomize.KustomizeRoot.Environment;
import dev.relplan.parse.MapNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shop fixture: a base (one replica) with production (a replica patch) and staging overlays.
 */
class KustomizeOverlaysTest {
  private static Kustomize.Result result;

  @BeforeAll
  static void render() throws Exception {
    result =
        Rendered.scan(Path.of("src/test/resources/kustomize/shop"), Kustomize.Bounds.defaults());
  }

  private static MapNode production(String kind, String name) {
    return object(root(result, "overlays/production"), kind, name);
  }

  @Test
  void theBaseIsIncludedSoOnlyTheOverlaysAreRoots() {
    assertThat(result.roots())
        .extracting(KustomizeRoot::dir)
        .containsExactly("overlays/production", "overlays/staging");
  }

  @Test
  void theProductionReplicaPatchDecidesReplicasAndIsCitedAtThePatchLine() {
    MapNode web = production("Deployment", "prod-web");
    assertThat(text(web, "spec.replicas")).isEqualTo("3");
    assertThat(where(web, "spec.replicas")).isEqualTo("overlays/production/replicas-patch.yaml:6");
  }

  @Test
  void aValueNoOverlayTouchesKeepsTheBaseLine() {
    MapNode web = production("Deployment", "prod-web");
    assertThat(where(web, "spec.template.spec.containers.0.readinessProbe.httpGet.path"))
        .isEqualTo("base/deployment.yaml:24");
  }

  @Test
  void theReplicasFieldSetsTheCountAtTheKustomizationLine() {
    MapNode web = object(root(result, "overlays/staging"), "Deployment", "web");
    assertThat(text(web, "spec.replicas")).isEqualTo("2");
    assertThat(where(web, "spec.replicas")).isEqualTo("overlays/staging/kustomization.yaml:8");
  }

  @Test
  void theProductionRootIsAssessedAndStagingIsAnotherEnvironment() {
    assertThat(root(result, "overlays/production").environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(root(result, "overlays/production").assessed()).isTrue();
    assertThat(root(result, "overlays/staging").environment())
        .isEqualTo(Environment.NON_PRODUCTION);
    assertThat(root(result, "overlays/staging").assessed()).isFalse();
  }

  @Test
  void theNotesSayWhichRootWasAssessed() {
    assertThat(result.notes())
        .containsExactly(
            "Kustomize: assessed overlays/production (named like production); other environments:"
                + " overlays/staging");
  }

  @Test
  void aPatchFileIsListedAsAPatchNotAResource() {
    assertThat(result.patchFiles()).containsExactly("overlays/production/replicas-patch.yaml");
    assertThat(result.resourceFiles()).doesNotContain("overlays/production/replicas-patch.yaml");
  }

  @Test
  void theNamespaceIsSetOnEveryObjectAtTheKustomizationLine() {
    for (var o : root(result, "overlays/production").objects()) {
      assertThat(text(o, "metadata.namespace")).isEqualTo("shop");
      assertThat(where(o, "metadata.namespace"))
          .isEqualTo("overlays/production/kustomization.yaml:3");
    }
  }

  @Test
  void theNamePrefixAlsoRenamesTheAutoscalersTarget() {
    MapNode hpa = production("HorizontalPodAutoscaler", "prod-web");
    assertThat(text(hpa, "spec.scaleTargetRef.name")).isEqualTo("prod-web");
    assertThat(where(hpa, "spec.scaleTargetRef.name"))
        .isEqualTo("overlays/production/kustomization.yaml:4");
  }

  @Test
  void commonLabelsReachSelectorsAndPodTemplates() {
    MapNode web = production("Deployment", "prod-web");
    assertThat(text(web, "spec.selector.matchLabels.tier")).isEqualTo("frontend");
    assertThat(text(web, "spec.template.metadata.labels.tier")).isEqualTo("frontend");
    assertThat(text(production("Service", "prod-web"), "spec.selector.tier")).isEqualTo("frontend");
    assertThat(where(web, "spec.selector.matchLabels.tier"))
        .isEqualTo("overlays/production/kustomization.yaml:6");
  }

  @Test
  void imagesSetTheNewTagAtTheImagesEntryLine() {
    MapNode web = production("Deployment", "prod-web");
    assertThat(text(web, "spec.template.spec.containers.0.image"))
        .isEqualTo("registry.example.com/shop/web:1.4.2");
    assertThat(where(web, "spec.template.spec.containers.0.image"))
        .isEqualTo("overlays/production/kustomization.yaml:13");
  }

  @Test
  void eachRootListsTheFilesItRead() {
    assertThat(root(result, "overlays/staging").files())
        .containsExactly(
            "base/deployment.yaml",
            "base/hpa.yaml",
            "base/kustomization.yaml",
            "base/service.yaml",
            "overlays/staging/kustomization.yaml");
  }
}
