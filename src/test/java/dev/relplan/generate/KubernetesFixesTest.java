package dev.relplan.generate;

import static dev.relplan.generate.GeneratedCopies.apply;
import static dev.relplan.generate.GeneratedCopies.assess;
import static dev.relplan.generate.GeneratedCopies.copy;
import static dev.relplan.generate.GeneratedCopies.findings;
import static dev.relplan.generate.GeneratedCopies.generate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate fixes on Kubernetes workloads: autoscalers, budgets, zone spread, rolling updates and
 * readiness probes in plain manifests, Kustomize overlays and Helm charts.
 */
class KubernetesFixesTest {
  static final String API =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
      spec:
        replicas: 1
        strategy:
          type: Recreate
        selector:
          matchLabels:
            app: api
        template:
          metadata:
            labels:
              app: api
          spec:
            containers:
              - name: api
                image: registry.example.com/api:1.0.0
                ports:
                  - containerPort: 8080
                resources:
                  requests:
                    cpu: 200m
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: api
        namespace: shop
      spec:
        selector:
          app: api
        ports:
          - port: 80
            targetPort: 8080
      """;

  @TempDir Path tmp;

  private Path folder(String file, String text) throws Exception {
    Path original = tmp.resolve("original");
    Files.createDirectories(original);
    Files.writeString(original.resolve(file), text);
    return original;
  }

  @Test
  void manifestPatchClearsTheReplicaScalingRolloutAndProbeFindingsAndAddsNone() throws Exception {
    Path original = folder("api.yaml", API);
    Set<String> before = findings(assess(original, null));
    Path copy = copy(original, tmp.resolve("copy"));

    apply(generate(original, null, FixesGenerator::generate), FixesGenerator.FOLDER, copy);

    Set<String> targeted =
        Set.of(
            "REL-COMPUTE-FIXED Deployment/shop/api",
            "REL-SCALING-NO-POLICY Deployment/shop/api",
            "REL-DEPLOY-ALL-AT-ONCE Deployment/shop/api",
            "REL-LB-HEALTH-CHECK Deployment/shop/api");
    assertThat(before).containsAll(targeted);
    assertThat(findings(assess(copy, null)))
        .doesNotContainAnyElementsOf(targeted)
        .isSubsetOf(before);
  }

  @Test
  void literalReplicasAndRecreateAreReplacedAndObjectsAppendedWithTheNamespace() throws Exception {
    Generation g = generate(folder("api.yaml", API), null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("-  replicas: 1\n+  replicas: 2\n")
        .contains(
            "-    type: Recreate\n"
                + "+    type: RollingUpdate\n"
                + "+    rollingUpdate:\n"
                + "+      maxUnavailable: 0\n"
                + "+      maxSurge: 1\n")
        .contains(
            "+---\n" + "+# Added by relplan generate fixes. maxReplicas 4 is a starting point:\n")
        .contains("+  name: api\n+  namespace: shop\n+spec:\n+  scaleTargetRef:\n")
        .contains("+  minReplicas: 2\n+  maxReplicas: 4\n")
        .contains("+kind: PodDisruptionBudget\n")
        .contains("+  maxUnavailable: 1\n+  selector:\n+    matchLabels:\n+      app: api\n");
  }

  @Test
  void readinessProbeIsATcpCheckOnTheDeclaredContainerPort() throws Exception {
    Generation g = generate(folder("api.yaml", API), null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains(
            "         - name: api\n"
                + "+          readinessProbe:\n"
                + "+            tcpSocket:\n"
                + "+              port: 8080\n"
                + "           image: registry.example.com/api:1.0.0\n");
    assertThat(g.files().get(1).content()).contains("an httpGet probe on the app's readiness path");
  }

  @Test
  void containerWithoutACpuRequestIsNamedAsKeepingTheAutoscalerFromScaling() throws Exception {
    Generation g =
        generate(
            folder(
                "api.yaml",
                API.replace(
                    "          resources:\n            requests:\n              cpu: 200m\n", "")),
            null,
            FixesGenerator::generate);

    assertThat(g.files().get(1).content())
        .contains("Container api declares no resources.requests.cpu")
        .contains("does not scale up (it still keeps 2 replicas)");
  }

  @Test
  void deploymentMountingAClaimKeepsRecreateWithTheReason() throws Exception {
    String withClaim =
        API.replace(
            "      containers:\n",
            "      volumes:\n"
                + "        - name: data\n"
                + "          persistentVolumeClaim:\n"
                + "            claimName: api-data\n"
                + "      containers:\n");

    Generation g = generate(folder("api.yaml", withClaim), null, FixesGenerator::generate);

    assertThat(g.notes())
        .anyMatch(
            n -> n.contains("Deployment/shop/api") && n.contains("PersistentVolumeClaim api-data"));
    assertThat(g.files().get(0).content()).doesNotContain("+    type: RollingUpdate");
  }

  @Test
  void newObjectsAvoidTheNamesOfExistingAutoscalersAndBudgets() throws Exception {
    String taken =
        API
            + """
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: api
              namespace: shop
            spec:
              maxUnavailable: 1
              selector:
                matchLabels:
                  app: other
            """;

    Generation g = generate(folder("api.yaml", taken), null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("+kind: HorizontalPodAutoscaler\n+metadata:\n+  name: api\n")
        .contains("+kind: PodDisruptionBudget\n+metadata:\n+  name: api-2\n");
  }

  @Test
  void kustomizeOverlayReplicasGetANewOverlayFileListedInItsResources() throws Exception {
    Generation g = generate(Path.of("examples/k8s-platform"), null, FixesGenerator::generate);

    assertThat(g.files())
        .anyMatch(
            f ->
                f.path().equals("fixes/overlays/production/catalog-availability.yaml.patch")
                    && f.content().startsWith("--- /dev/null\n+++ b/overlays/production/"))
        .anyMatch(
            f ->
                f.path().equals("fixes/overlays/production/kustomization.yaml.patch")
                    && f.content().contains("   - ../../base\n+  - catalog-availability.yaml\n"));
  }

  @Test
  void helmTemplateGetsItsObjectsAppendedAndItsRecreateLineReplaced() throws Exception {
    Generation g = generate(Path.of("examples/k8s-helm-shop"), null, FixesGenerator::generate);

    assertThat(g.files())
        .anyMatch(
            f ->
                f.path().equals("fixes/templates/cart.yaml.patch")
                    && f.content().contains("+  minReplicas: 3\n")
                    && !f.content().contains("namespace:"))
        .anyMatch(
            f ->
                f.path().equals("fixes/templates/orders.yaml.patch")
                    && f.content().contains("-    type: Recreate\n+    type: RollingUpdate\n"));
  }

  @Test
  void helmWorkloadOfOneReplicaWithoutZoneSpreadIsLeftWithWhereItsReplicasAreSet()
      throws Exception {
    Generation g = generate(Path.of("examples/k8s-helm-shop"), null, FixesGenerator::generate);

    assertThat(g.notes())
        .anyMatch(
            n ->
                n.contains("Deployment/orders")
                    && n.contains("needs a zone spread")
                    && n.contains("values-prod.yaml:22"));
  }

  @Test
  void helmWorkloadNamedByTheReleaseGetsNoAppendedObjectsAndIsLeftWithTheReason() throws Exception {
    Path chart = copy(Path.of("examples/k8s-helm-shop"), tmp.resolve("chart"));
    Path cart = chart.resolve("templates/cart.yaml");
    Files.writeString(
        cart,
        Files.readString(cart)
            .replaceFirst("  name: cart\n", "  name: {{ .Release.Name }}-cart\n"));

    Generation g = generate(chart, null, FixesGenerator::generate);

    assertThat(g.files())
        .noneMatch(
            f ->
                f.path().equals("fixes/templates/cart.yaml.patch")
                    && f.content().contains("HorizontalPodAutoscaler"));
    assertThat(g.notes()).anyMatch(n -> n.contains("cart") && n.contains("template expressions"));
  }

  @Test
  void helmValuesLiteralIsRaisedWhereTheTemplateAlreadySpreadsAcrossZones() throws Exception {
    Path chart = copy(Path.of("examples/k8s-helm-shop"), tmp.resolve("chart"));
    Path orders = chart.resolve("templates/orders.yaml");
    Files.writeString(
        orders,
        Files.readString(orders)
            .replace(
                "    spec:\n      containers:\n",
                "    spec:\n"
                    + "      topologySpreadConstraints:\n"
                    + "        - maxSkew: 1\n"
                    + "          topologyKey: topology.kubernetes.io/zone\n"
                    + "          whenUnsatisfiable: ScheduleAnyway\n"
                    + "          labelSelector:\n"
                    + "            matchLabels:\n"
                    + "              app.kubernetes.io/name: orders\n"
                    + "      containers:\n"));
    Set<String> before = findings(assess(chart, null));
    Path copy = copy(chart, tmp.resolve("copy"));

    Generation g = generate(chart, null, FixesGenerator::generate);
    apply(g, FixesGenerator.FOLDER, copy);

    assertThat(g.files())
        .anyMatch(
            f ->
                f.path().equals("fixes/values-prod.yaml.patch")
                    && f.content().contains("-  replicaCount: 1\n+  replicaCount: 2\n"));
    assertThat(before).contains("REL-COMPUTE-FIXED Deployment/orders");
    assertThat(findings(assess(copy, null)))
        .doesNotContain("REL-COMPUTE-FIXED Deployment/orders")
        .isSubsetOf(before);
  }

  @Test
  void chartsOwnSwitchedOffAutoscalerIsSwitchedOnInItsValuesInsteadOfAddingASecond()
      throws Exception {
    Path chart = copy(Path.of("examples/k8s-helm-shop"), tmp.resolve("chart"));
    // Without the production and staging values files the chart renders with its defaults.
    Files.delete(chart.resolve("values-prod.yaml"));
    Files.delete(chart.resolve("values-staging.yaml"));
    Set<String> before = findings(assess(chart, null));
    Path copy = copy(chart, tmp.resolve("copy"));

    Generation g = generate(chart, null, FixesGenerator::generate);
    apply(g, FixesGenerator.FOLDER, copy);

    assertThat(g.files())
        .anyMatch(
            f ->
                f.path().equals("fixes/values.yaml.patch")
                    && f.content().contains("-    enabled: false\n+    enabled: true\n"))
        .noneMatch(f -> f.content().contains("+kind: HorizontalPodAutoscaler"));
    assertThat(before).contains("REL-COMPUTE-FIXED Deployment/storefront");
    assertThat(findings(assess(copy, null)))
        .doesNotContain(
            "REL-COMPUTE-FIXED Deployment/storefront",
            "REL-SCALING-NO-POLICY Deployment/storefront")
        .isSubsetOf(before);
  }

  @Test
  void maxUnavailableCoveringEveryReplicaIsLoweredToZero() throws Exception {
    Path original =
        folder(
            "api.yaml",
            API.replace(
                "    type: Recreate\n",
                "    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 100%\n"));
    Set<String> before = findings(assess(original, null));
    Path copy = copy(original, tmp.resolve("copy"));

    Generation g = generate(original, null, FixesGenerator::generate);
    apply(g, FixesGenerator.FOLDER, copy);

    assertThat(g.files().get(0).content())
        .contains("-      maxUnavailable: 100%\n+      maxUnavailable: 0\n");
    assertThat(before).contains("REL-DEPLOY-ALL-AT-ONCE Deployment/shop/api");
    assertThat(findings(assess(copy, null)))
        .doesNotContain("REL-DEPLOY-ALL-AT-ONCE Deployment/shop/api")
        .isSubsetOf(before);
  }

  @Test
  void replicasPatchedFromAFolderWithoutAKustomizationAreLeftForTheOverlay() throws Exception {
    Path root = copy(Path.of("examples/k8s-platform"), tmp.resolve("platform"));
    Path patches = root.resolve("overlays/production/patches");
    Files.createDirectories(patches);
    Files.move(root.resolve("overlays/production/replicas.yaml"), patches.resolve("replicas.yaml"));
    Path kustomization = root.resolve("overlays/production/kustomization.yaml");
    Files.writeString(
        kustomization,
        Files.readString(kustomization)
            .replace("path: replicas.yaml", "path: patches/replicas.yaml"));

    Generation g = generate(root, null, FixesGenerator::generate);

    assertThat(g.notes())
        .anyMatch(
            n ->
                n.contains("Deployment/shop/catalog")
                    && n.contains("overlays/production/patches/replicas.yaml:6")
                    && n.contains("a folder without a kustomization"));
  }
}
