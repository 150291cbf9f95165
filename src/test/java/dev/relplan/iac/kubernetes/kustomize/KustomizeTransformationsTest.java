package dev.relplan.iac.kubernetes.kustomize;

import static dev.relplan.iac.kubernetes.kustomize.Rendered.at;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.object;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.render;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.root;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.text;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.where;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.parse.MapNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kustomization field on a one-kustomization tree. */
class KustomizeTransformationsTest {
  @TempDir Path dir;

  private static final String DEPLOYMENT =
      yaml(
          "apiVersion: apps/v1",
          "kind: Deployment",
          "metadata:",
          "  name: web",
          "spec:",
          "  selector:",
          "    matchLabels:",
          "      app: web",
          "  template:",
          "    metadata:",
          "      labels:",
          "        app: web",
          "    spec:",
          "      containers:",
          "        - name: web",
          "          image: shop/web:1.0",
          "      volumes:",
          "        - name: config",
          "          configMap:",
          "            name: settings",
          "        - name: data",
          "          persistentVolumeClaim:",
          "            claimName: web-data");

  private KustomizeRoot single(String kustomization, String... more) {
    String[] files = new String[more.length + 4];
    files[0] = "app/kustomization.yaml";
    files[1] = kustomization;
    files[2] = "app/deployment.yaml";
    files[3] = DEPLOYMENT;
    System.arraycopy(more, 0, files, 4, more.length);
    return root(render(dir, files), "app");
  }

  @Test
  void labelsWithoutIncludeSelectorsLeaveSelectorsAndTemplatesAlone() {
    KustomizeRoot root =
        single(yaml("resources: [deployment.yaml]", "labels:", "  - pairs:", "      team: shop"));
    MapNode web = object(root, "Deployment", "web");
    assertThat(text(web, "metadata.labels.team")).isEqualTo("shop");
    assertThat(at(web, "spec.selector.matchLabels.team")).isNull();
    assertThat(at(web, "spec.template.metadata.labels.team")).isNull();
  }

  @Test
  void labelsWithIncludeTemplatesReachPodTemplatesButNotSelectors() {
    KustomizeRoot root =
        single(
            yaml(
                "resources: [deployment.yaml]",
                "labels:",
                "  - pairs:",
                "      team: shop",
                "    includeTemplates: true"));
    MapNode web = object(root, "Deployment", "web");
    assertThat(text(web, "spec.template.metadata.labels.team")).isEqualTo("shop");
    assertThat(at(web, "spec.selector.matchLabels.team")).isNull();
  }

  @Test
  void labelsWithIncludeSelectorsReachSelectors() {
    KustomizeRoot root =
        single(
            yaml(
                "resources: [deployment.yaml]",
                "labels:",
                "  - pairs:",
                "      team: shop",
                "    includeSelectors: true"));
    assertThat(text(object(root, "Deployment", "web"), "spec.selector.matchLabels.team"))
        .isEqualTo("shop");
  }

  @Test
  void commonAnnotationsReachMetadataAndPodTemplates() {
    KustomizeRoot root =
        single(yaml("resources: [deployment.yaml]", "commonAnnotations:", "  owner: team-a"));
    MapNode web = object(root, "Deployment", "web");
    assertThat(text(web, "metadata.annotations.owner")).isEqualTo("team-a");
    assertThat(text(web, "spec.template.metadata.annotations.owner")).isEqualTo("team-a");
    assertThat(where(web, "metadata.annotations.owner")).isEqualTo("app/kustomization.yaml:3");
  }

  @Test
  void aNameSuffixRenamesVolumeReferencesToRenamedObjectsOnly() {
    KustomizeRoot root =
        single(
            yaml("resources: [deployment.yaml, claim.yaml]", "nameSuffix: -v2"),
            "app/claim.yaml",
            yaml("apiVersion: v1", "kind: PersistentVolumeClaim", "metadata:", "  name: web-data"));
    MapNode web = object(root, "Deployment", "web-v2");
    assertThat(text(web, "spec.template.spec.volumes.1.persistentVolumeClaim.claimName"))
        .isEqualTo("web-data-v2");
    // The ConfigMap is not part of the tree: its reference keeps its name.
    assertThat(text(web, "spec.template.spec.volumes.0.configMap.name")).isEqualTo("settings");
  }

  @Test
  void aNamePrefixRenamesIngressBackendsAndStatefulSetServiceNames() {
    KustomizeRoot root =
        root(
            render(
                dir,
                "app/kustomization.yaml",
                yaml("resources: [all.yaml]", "namePrefix: eu-"),
                "app/all.yaml",
                yaml(
                    "apiVersion: v1",
                    "kind: Service",
                    "metadata: {name: db}",
                    "---",
                    "apiVersion: apps/v1",
                    "kind: StatefulSet",
                    "metadata: {name: db}",
                    "spec: {serviceName: db}",
                    "---",
                    "apiVersion: networking.k8s.io/v1",
                    "kind: Ingress",
                    "metadata: {name: edge}",
                    "spec:",
                    "  rules:",
                    "    - http:",
                    "        paths:",
                    "          - path: /",
                    "            backend:",
                    "              service: {name: db, port: {number: 80}}")),
            "app");
    assertThat(text(object(root, "StatefulSet", "eu-db"), "spec.serviceName")).isEqualTo("eu-db");
    assertThat(
            text(
                object(root, "Ingress", "eu-edge"),
                "spec.rules.0.http.paths.0.backend.service.name"))
        .isEqualTo("eu-db");
  }

  @Test
  void theNamespaceLeavesClusterScopedKindsWithout() {
    KustomizeRoot root =
        single(
            yaml("resources: [deployment.yaml, ns.yaml]", "namespace: shop"),
            "app/ns.yaml",
            yaml("apiVersion: v1", "kind: Namespace", "metadata:", "  name: shop"));
    assertThat(at(object(root, "Namespace", "shop"), "metadata.namespace")).isNull();
    assertThat(text(object(root, "Deployment", "web"), "metadata.namespace")).isEqualTo("shop");
  }

  @Test
  void imagesSetANewNameAndDigest() {
    KustomizeRoot root =
        single(
            yaml(
                "resources: [deployment.yaml]",
                "images:",
                "  - name: shop/web",
                "    newName: mirror.example.com/web",
                "    digest: sha256:abc"));
    MapNode web = object(root, "Deployment", "web");
    assertThat(text(web, "spec.template.spec.containers.0.image"))
        .isEqualTo("mirror.example.com/web@sha256:abc");
    assertThat(where(web, "spec.template.spec.containers.0.image"))
        .isEqualTo("app/kustomization.yaml:5");
  }

  @Test
  void anImageOfAnotherNameIsLeftAlone() {
    KustomizeRoot root =
        single(
            yaml(
                "resources: [deployment.yaml]",
                "images:",
                "  - name: shop/api",
                "    newTag: '2'"));
    assertThat(text(object(root, "Deployment", "web"), "spec.template.spec.containers.0.image"))
        .isEqualTo("shop/web:1.0");
  }

  @Test
  void theItemsOfAListKindAreObjects() {
    KustomizeRoot root =
        root(
            render(
                dir,
                "app/kustomization.yaml",
                yaml("resources: [list.yaml]"),
                "app/list.yaml",
                yaml(
                    "apiVersion: v1",
                    "kind: List",
                    "items:",
                    "  - {apiVersion: v1, kind: Service, metadata: {name: a}}",
                    "  - {apiVersion: v1, kind: Service, metadata: {name: b}}")),
            "app");
    assertThat(root.objects()).hasSize(2);
  }

  @Test
  void anInlinePatchIsLocatedAtItsLineInTheKustomization() {
    KustomizeRoot root =
        single(
            yaml(
                "resources: [deployment.yaml]",
                "patches:",
                "  - target:",
                "      kind: Deployment",
                "    patch: |-",
                "      - op: add",
                "        path: /spec/replicas",
                "        value: 4"));
    MapNode web = object(root, "Deployment", "web");
    assertThat(text(web, "spec.replicas")).isEqualTo("4");
    assertThat(where(web, "spec.replicas")).isEqualTo("app/kustomization.yaml:8");
  }

  @Test
  void legacyPatchesStrategicMergeAndJson6902Apply() {
    KustomizeRoot root =
        single(
            yaml(
                "resources: [deployment.yaml]",
                "patchesStrategicMerge:",
                "  - more-replicas.yaml",
                "patchesJson6902:",
                "  - target: {group: apps, version: v1, kind: Deployment, name: web}",
                "    path: surge.yaml"),
            "app/more-replicas.yaml",
            yaml(
                "apiVersion: apps/v1",
                "kind: Deployment",
                "metadata: {name: web}",
                "spec:",
                "  replicas: 5"),
            "app/surge.yaml",
            yaml("- op: add", "  path: /spec/strategy", "  value: {type: Recreate}"));
    MapNode web = object(root, "Deployment", "web");
    assertThat(where(web, "spec.replicas")).isEqualTo("app/more-replicas.yaml:5");
    assertThat(text(web, "spec.strategy.type")).isEqualTo("Recreate");
  }

  @Test
  void aPatchSelectedByLabelsAppliesToEveryMatchingObject() {
    Kustomize.Result result =
        render(
            dir,
            "app/kustomization.yaml",
            yaml(
                "resources: [all.yaml]",
                "patches:",
                "  - target: {labelSelector: tier=web}",
                "    patch: |-",
                "      - op: add",
                "        path: /spec/replicas",
                "        value: 2"),
            "app/all.yaml",
            yaml(
                "{apiVersion: apps/v1, kind: Deployment, metadata: {name: a, labels: {tier: web}}, spec: {}}",
                "---",
                "{apiVersion: apps/v1, kind: Deployment, metadata: {name: b, labels: {tier: web}}, spec: {}}",
                "---",
                "{apiVersion: apps/v1, kind: Deployment, metadata: {name: c}, spec: {}}"));
    KustomizeRoot root = root(result, "app");
    assertThat(text(object(root, "Deployment", "a"), "spec.replicas")).isEqualTo("2");
    assertThat(text(object(root, "Deployment", "b"), "spec.replicas")).isEqualTo("2");
    assertThat(at(object(root, "Deployment", "c"), "spec.replicas")).isNull();
  }

  @Test
  void aPatchNamingTheBaseNameFindsThePrefixedObject() {
    Kustomize.Result result =
        render(
            dir,
            "base/kustomization.yaml",
            yaml("resources: [deployment.yaml]", "namePrefix: shop-"),
            "base/deployment.yaml",
            DEPLOYMENT,
            "prod/kustomization.yaml",
            yaml("resources: [../base]", "patches:", "  - path: patch.yaml"),
            "prod/patch.yaml",
            yaml(
                "apiVersion: apps/v1",
                "kind: Deployment",
                "metadata: {name: web}",
                "spec: {replicas: 3}"));
    assertThat(text(object(root(result, "prod"), "Deployment", "shop-web"), "spec.replicas"))
        .isEqualTo("3");
  }

  @Test
  void aComponentsPatchAppliesToTheIncludingKustomizationsObjects() {
    Kustomize.Result result =
        render(
            dir,
            "app/kustomization.yaml",
            yaml("resources: [deployment.yaml]", "components: [../ha]"),
            "app/deployment.yaml",
            DEPLOYMENT,
            "ha/kustomization.yaml",
            yaml(
                "apiVersion: kustomize.config.k8s.io/v1alpha1",
                "kind: Component",
                "resources: [pdb.yaml]",
                "replicas:",
                "  - name: web",
                "    count: 3"),
            "ha/pdb.yaml",
            yaml("apiVersion: policy/v1", "kind: PodDisruptionBudget", "metadata: {name: web}"));
    KustomizeRoot root = root(result, "app");
    assertThat(text(object(root, "Deployment", "web"), "spec.replicas")).isEqualTo("3");
    assertThat(object(root, "PodDisruptionBudget", "web")).isNotNull();
    assertThat(result.roots()).extracting(KustomizeRoot::dir).containsExactly("app");
  }

  @Test
  void anInlineStrategicMergePatchInTheLegacyListIsLocatedAtItsLine() {
    KustomizeRoot root =
        single(
            yaml(
                "resources: [deployment.yaml]",
                "patchesStrategicMerge:",
                "  - |-",
                "    apiVersion: apps/v1",
                "    kind: Deployment",
                "    metadata:",
                "      name: web",
                "    spec:",
                "      replicas: 6"));
    MapNode web = object(root, "Deployment", "web");
    assertThat(text(web, "spec.replicas")).isEqualTo("6");
    assertThat(where(web, "spec.replicas")).isEqualTo("app/kustomization.yaml:9");
  }

  @Test
  void aStrategicMergePatchWithATargetKeepsEachObjectsName() {
    Kustomize.Result result =
        render(
            dir,
            "app/kustomization.yaml",
            yaml(
                "resources: [all.yaml]",
                "patches:",
                "  - target: {kind: Deployment, name: .*-api}",
                "    patch: |-",
                "      apiVersion: apps/v1",
                "      kind: Deployment",
                "      metadata:",
                "        name: any",
                "      spec:",
                "        replicas: 2"),
            "app/all.yaml",
            yaml(
                "{apiVersion: apps/v1, kind: Deployment, metadata: {name: cart-api}}",
                "---",
                "{apiVersion: apps/v1, kind: Deployment, metadata: {name: shop-api}}",
                "---",
                "{apiVersion: apps/v1, kind: Deployment, metadata: {name: worker}}"));
    KustomizeRoot root = root(result, "app");
    assertThat(text(object(root, "Deployment", "cart-api"), "spec.replicas")).isEqualTo("2");
    assertThat(text(object(root, "Deployment", "shop-api"), "spec.replicas")).isEqualTo("2");
    assertThat(at(object(root, "Deployment", "worker"), "spec")).isNull();
  }

  @Test
  void aDeletePatchRemovesTheObject() {
    KustomizeRoot root =
        single(
            yaml(
                "resources: [deployment.yaml]",
                "patches:",
                "  - patch: |-",
                "      apiVersion: apps/v1",
                "      kind: Deployment",
                "      metadata:",
                "        name: web",
                "      $patch: delete"));
    assertThat(root.objects()).isEmpty();
  }

  @Test
  void legacyBasesAreResources() {
    Kustomize.Result result =
        render(
            dir,
            "base/kustomization.yaml",
            yaml("resources: [deployment.yaml]"),
            "base/deployment.yaml",
            DEPLOYMENT,
            "live/kustomization.yaml",
            yaml("bases: [../base]"));
    assertThat(result.roots()).extracting(KustomizeRoot::dir).containsExactly("live");
    assertThat(object(root(result, "live"), "Deployment", "web")).isNotNull();
  }

  @Test
  void aKustomizationFileWithoutExtensionIsFound() {
    Kustomize.Result result =
        render(
            dir,
            "app/Kustomization",
            yaml("resources: [deployment.yaml]"),
            "app/deployment.yaml",
            DEPLOYMENT);
    assertThat(object(root(result, "app"), "Deployment", "web")).isNotNull();
  }
}
