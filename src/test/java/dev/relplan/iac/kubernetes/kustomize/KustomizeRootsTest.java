package dev.relplan.iac.kubernetes.kustomize;

import static dev.relplan.iac.kubernetes.kustomize.Rendered.render;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.root;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.iac.kubernetes.kustomize.KustomizeRoot.Environment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which kustomizations are roots, what environment each names, and which one is assessed. */
class KustomizeRootsTest {
  @TempDir Path dir;

  private static final String SERVICE =
      yaml("apiVersion: v1", "kind: Service", "metadata:", "  name: web");

  @Test
  void theInnermostFolderNamingAnEnvironmentDecides() {
    assertThat(Kustomize.environment("deploy/overlays/prod")).isEqualTo(Environment.PRODUCTION);
    assertThat(Kustomize.environment("test/overlays/live")).isEqualTo(Environment.PRODUCTION);
    assertThat(Kustomize.environment("prod/overlays/staging"))
        .isEqualTo(Environment.NON_PRODUCTION);
    assertThat(Kustomize.environment("apps/web")).isEqualTo(Environment.UNKNOWN);
  }

  @Test
  void withoutAProductionRootTheRootNamingNoEnvironmentIsAssessed() {
    Kustomize.Result result =
        render(
            dir,
            "base/kustomization.yaml",
            yaml("resources: [svc.yaml]"),
            "base/svc.yaml",
            SERVICE,
            "dev/kustomization.yaml",
            yaml("resources: [../base]"),
            "main/kustomization.yaml",
            yaml("resources: [../base]"));
    assertThat(root(result, "main").assessed()).isTrue();
    assertThat(root(result, "dev").assessed()).isFalse();
  }

  @Test
  void whenEveryRootIsNonProductionAllAreAssessed() {
    Kustomize.Result result =
        render(
            dir,
            "base/kustomization.yaml",
            yaml("resources: [svc.yaml]"),
            "base/svc.yaml",
            SERVICE,
            "dev/kustomization.yaml",
            yaml("resources: [../base]"),
            "staging/kustomization.yaml",
            yaml("resources: [../base]"));
    assertThat(result.roots()).allMatch(KustomizeRoot::assessed);
  }

  @Test
  void rootsSharingNoFileAreChosenSeparately() {
    Kustomize.Result result =
        render(
            dir,
            "shop/prod/kustomization.yaml",
            yaml("resources: [svc.yaml]"),
            "shop/prod/svc.yaml",
            SERVICE,
            "search/kustomization.yaml",
            yaml("resources: [svc.yaml]"),
            "search/svc.yaml",
            SERVICE);
    assertThat(result.roots()).allMatch(KustomizeRoot::assessed);
    assertThat(result.notes()).isEmpty();
  }

  @Test
  void aRootsNamespaceNamesItsEnvironmentWhenItsFolderDoesNot() {
    Kustomize.Result result =
        render(
            dir,
            "base/kustomization.yaml",
            yaml("resources: [svc.yaml]"),
            "base/svc.yaml",
            SERVICE,
            "eu/kustomization.yaml",
            yaml("resources: [../base]", "namespace: shop-prod"),
            "us/kustomization.yaml",
            yaml("resources: [../base]", "namespace: shop-qa"));
    assertThat(root(result, "eu").environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(root(result, "us").environment()).isEqualTo(Environment.NON_PRODUCTION);
    assertThat(root(result, "eu").assessed()).isTrue();
  }

  @Test
  void anOptionCanChooseAnotherRootOfTheFamily() {
    Kustomize.Result result =
        render(
            dir,
            "base/kustomization.yaml",
            yaml("resources: [svc.yaml]"),
            "base/svc.yaml",
            SERVICE,
            "prod/kustomization.yaml",
            yaml("resources: [../base]"),
            "staging/kustomization.yaml",
            yaml("resources: [../base]"));
    Kustomize.Result chosen = result.choosing("staging").orElseThrow();
    assertThat(root(chosen, "staging").assessed()).isTrue();
    assertThat(root(chosen, "prod").assessed()).isFalse();
    assertThat(chosen.notes())
        .containsExactly(
            "Kustomize: assessed staging (none named like production); other environments: prod");
    assertThat(result.choosing("nowhere")).isEmpty();
  }

  @Test
  void kustomizationFilesAndResourceFilesAreListed() {
    Kustomize.Result result =
        render(
            dir, "app/kustomization.yaml", yaml("resources: [svc.yaml]"), "app/svc.yaml", SERVICE);
    assertThat(result.kustomizationFiles()).containsExactly("app/kustomization.yaml");
    assertThat(result.resourceFiles()).containsExactly("app/svc.yaml");
  }
}
