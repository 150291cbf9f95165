package dev.relplan.iac.kubernetes.kustomize;

import static dev.relplan.iac.kubernetes.kustomize.Rendered.object;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.render;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.root;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.text;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.source.SkippedFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trees kustomize would refuse or that could exhaust a naive renderer: named, never fatal. */
class KustomizeHostileTest {
  @TempDir Path dir;

  private static final String SERVICE =
      yaml("apiVersion: v1", "kind: Service", "metadata:", "  name: web");

  @Test
  void aResourceCycleIsNamedAndSkipped() {
    Kustomize.Result result =
        render(
            dir,
            "a/kustomization.yaml",
            yaml("resources: [../b]"),
            "b/kustomization.yaml",
            yaml("resources: [../a]"));
    assertThat(result.roots()).isEmpty();
    assertThat(result.skipped())
        .contains(
            new SkippedFile(
                "a/kustomization.yaml",
                "kustomization not rendered: resource cycle: a/kustomization.yaml ->"
                    + " b/kustomization.yaml -> a/kustomization.yaml"));
  }

  @Test
  void aCycleBelowARootSkipsThatRootOnly() {
    Kustomize.Result result =
        render(
            dir,
            "top/kustomization.yaml",
            yaml("resources: [../a]"),
            "a/kustomization.yaml",
            yaml("resources: [../b]"),
            "b/kustomization.yaml",
            yaml("resources: [../a]"),
            "ok/kustomization.yaml",
            yaml("resources: [svc.yaml]"),
            "ok/svc.yaml",
            SERVICE);
    assertThat(result.roots()).extracting(KustomizeRoot::dir).containsExactly("ok");
    assertThat(result.skipped())
        .extracting(SkippedFile::file)
        .containsExactly("top/kustomization.yaml");
    assertThat(result.skipped().get(0).reason()).contains("resource cycle");
  }

  @Test
  void aPatchThatNamesNoObjectIsSkippedAndTheRootStillRenders() {
    Kustomize.Result result =
        render(
            dir,
            "app/kustomization.yaml",
            yaml("resources: [svc.yaml]", "patches:", "  - path: ghost.yaml"),
            "app/svc.yaml",
            SERVICE,
            "app/ghost.yaml",
            yaml(
                "apiVersion: apps/v1",
                "kind: Deployment",
                "metadata: {name: ghost}",
                "spec: {replicas: 3}"));
    KustomizeRoot root = root(result, "app");
    assertThat(root.objects()).hasSize(1);
    assertThat(root.skipped())
        .containsExactly(
            new SkippedFile(
                "app/kustomization.yaml",
                "line 3: patch not applied: names no object of this kustomization (Deployment"
                    + " ghost); kustomize build fails here"));
  }

  @Test
  void aHugeJson6902PathSkipsThePatchOnly() {
    String path = "/spec" + "/x".repeat(5000);
    KustomizeRoot root =
        root(
            render(
                dir,
                "app/kustomization.yaml",
                yaml(
                    "resources: [svc.yaml]",
                    "patches:",
                    "  - target: {kind: Service}",
                    "    path: deep.yaml"),
                "app/svc.yaml",
                SERVICE,
                "app/deep.yaml",
                yaml("- op: add", "  path: " + path, "  value: 1")),
            "app");
    assertThat(root.objects()).hasSize(1);
    assertThat(root.skipped()).hasSize(1);
    assertThat(root.skipped().get(0).reason()).contains("JSON pointer longer than");
  }

  @Test
  void nestingPastTheDepthBoundSkipsTheRoot() {
    String[] files = new String[12];
    for (int i = 0; i < 6; i++) {
      files[2 * i] = "k" + i + "/kustomization.yaml";
      files[2 * i + 1] = i < 5 ? yaml("resources: [../k" + (i + 1) + "]") : yaml("resources: []");
    }
    Kustomize.Result result = render(dir, new Kustomize.Bounds(3, 10, 100), files);
    assertThat(result.roots()).isEmpty();
    assertThat(result.skipped().get(0).reason()).contains("nested deeper than 3");
  }

  @Test
  void tooManyPatchesSkipTheRoot() {
    Kustomize.Result result =
        render(
            dir,
            new Kustomize.Bounds(8, 1, 100),
            "app/kustomization.yaml",
            yaml("resources: [svc.yaml]", "patches:", "  - path: a.yaml", "  - path: a.yaml"),
            "app/svc.yaml",
            SERVICE,
            "app/a.yaml",
            SERVICE);
    assertThat(result.roots()).isEmpty();
    assertThat(result.skipped().get(0).reason()).contains("more than 1 patches");
  }

  @Test
  void anObjectDeclaredTwiceSkipsTheRootAsKustomizeFails() {
    Kustomize.Result result =
        render(
            dir,
            "app/kustomization.yaml",
            yaml("resources: [a.yaml, b.yaml]"),
            "app/a.yaml",
            SERVICE,
            "app/b.yaml",
            SERVICE);
    assertThat(result.roots()).isEmpty();
    assertThat(result.skipped().get(0).reason()).contains("Service/web is declared twice");
  }

  @Test
  void remoteResourcesAndHelmChartsAreNamedAsNotAssessed() {
    KustomizeRoot root =
        root(
            render(
                dir,
                "app/kustomization.yaml",
                yaml(
                    "resources:",
                    "  - svc.yaml",
                    "  - https://github.com/example/deploy//base?ref=v1",
                    "  - github.com/example/other/base",
                    "helmCharts:",
                    "  - name: redis",
                    "configMapGenerator:",
                    "  - name: settings"),
                "app/svc.yaml",
                SERVICE),
            "app");
    assertThat(root.objects()).hasSize(1);
    assertThat(root.skipped())
        .extracting(SkippedFile::reason)
        .containsExactly(
            "line 3: remote resource https://github.com/example/deploy//base?ref=v1 is not"
                + " fetched: not assessed",
            "line 4: remote resource github.com/example/other/base is not fetched: not assessed");
    assertThat(root.notes())
        .containsExactly(
            "app/kustomization.yaml:5: helmCharts: Helm charts in a kustomization are not fetched"
                + " or rendered: not assessed",
            "app/kustomization.yaml:7: configMapGenerator: generated objects are not rendered"
                + " (references to them keep their names)");
  }

  @Test
  void aResourceOutsideTheScannedPathsIsNeverReadAndIsNamed() {
    KustomizeRoot root =
        root(
            render(
                dir,
                "app/kustomization.yaml",
                yaml("resources: [svc.yaml, ../../../etc/passwd, ../../outside]"),
                "app/svc.yaml",
                SERVICE),
            "app");
    assertThat(root.objects()).hasSize(1);
    assertThat(root.skipped())
        .extracting(SkippedFile::reason)
        .containsExactly(
            "line 1: resource ../../../etc/passwd is not among the scanned files: not assessed",
            "line 1: resource ../../outside is not among the scanned files: not assessed");
  }

  @Test
  void aResourceDiscoverySkippedIsNamedWithDiscoverysReason() {
    KustomizeRoot root =
        root(
            render(
                dir,
                "app/kustomization.yaml",
                yaml("resources: [svc.yaml, broken.yaml]"),
                "app/svc.yaml",
                SERVICE,
                "app/broken.yaml",
                "a: [unclosed\n"),
            "app");
    assertThat(root.skipped()).hasSize(1);
    assertThat(root.skipped().get(0).reason())
        .startsWith("line 1: resource broken.yaml was not read (invalid YAML");
  }

  @Test
  void anEntryThatIsNoValidPathNamesNoFile() {
    Kustomize.Result result =
        render(
            dir,
            "app/kustomization.yaml",
            yaml("resources: [svc.yaml, \"bad\\0name\"]", "components: [\"x\\0\"]"),
            "app/svc.yaml",
            SERVICE);
    KustomizeRoot root = root(result, "app");
    assertThat(root.objects()).hasSize(1);
    assertThat(root.skipped()).hasSize(2);
  }

  @Test
  void fieldsOfTheWrongShapeAreIgnoredWithoutLosingTheRoot() {
    Kustomize.Result result =
        render(
            dir,
            "app/kustomization.yaml",
            yaml(
                "resources: [svc.yaml, [nested], 5]",
                "namespace: [a]",
                "namePrefix: {a: b}",
                "commonLabels: text",
                "labels: [{pairs: [a]}, 5]",
                "replicas: [{name: [x]}, {name: web, count: {}}]",
                "images: [5, {name: [x]}]",
                "patches: [5, {path: [x]}]",
                "patchesStrategicMerge: [{a: b}]",
                "patchesJson6902: [{path: x.yaml}]"),
            "app/svc.yaml",
            SERVICE);
    assertThat(root(result, "app").objects()).hasSize(1);
  }

  @Test
  void aJsonPatchRemovingTheKindIsNotApplied() {
    KustomizeRoot root =
        root(
            render(
                dir,
                "app/kustomization.yaml",
                yaml(
                    "resources: [svc.yaml]",
                    "patches:",
                    "  - target: {kind: Service}",
                    "    patch: '[{op: remove, path: /kind}]'",
                    "commonLabels: {a: b}"),
                "app/svc.yaml",
                SERVICE),
            "app");
    assertThat(text(object(root, "Service", "web"), "metadata.labels.a")).isEqualTo("b");
    assertThat(root.skipped().get(0).reason()).contains("leaves no object");
  }

  @Test
  void aFolderWithoutAKustomizationIsNamed() {
    KustomizeRoot root =
        root(
            render(
                dir,
                "app/kustomization.yaml",
                yaml("resources: [svc.yaml, ../plain]"),
                "app/svc.yaml",
                SERVICE,
                "plain/svc.yaml",
                SERVICE),
            "app");
    assertThat(root.skipped())
        .extracting(SkippedFile::reason)
        .containsExactly(
            "line 1: resource ../plain is a folder without a kustomization: not assessed");
  }

  @Test
  void anUnreadableKustomizationDoesNotStopTheOtherRoots() {
    Kustomize.Result result =
        render(
            dir,
            "broken/kustomization.yaml",
            yaml("- just", "- a list"),
            "ok/kustomization.yaml",
            yaml("resources: [svc.yaml]"),
            "ok/svc.yaml",
            SERVICE);
    assertThat(result.roots()).extracting(KustomizeRoot::dir).containsExactly("ok");
    assertThat(result.skipped())
        .extracting(SkippedFile::file)
        .containsExactly("broken/kustomization.yaml");
  }

  @Test
  void aFailingJsonPatchTestLeavesTheObjectUnchanged() {
    KustomizeRoot root =
        root(
            render(
                dir,
                "app/kustomization.yaml",
                yaml(
                    "resources: [svc.yaml]",
                    "patches:",
                    "  - target: {kind: Service}",
                    "    patch: |-",
                    "      - op: add",
                    "        path: /metadata/labels",
                    "        value: {a: b}",
                    "      - op: test",
                    "        path: /metadata/name",
                    "        value: other"),
                "app/svc.yaml",
                SERVICE),
            "app");
    assertThat(text(object(root, "Service", "web"), "metadata.labels.a")).isNull();
    assertThat(root.skipped().get(0).reason()).contains("test of /metadata/name failed");
  }
}
