package dev.relplan.iac.kubernetes.kustomize;

import static dev.relplan.iac.kubernetes.kustomize.Rendered.at;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.text;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.where;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.YamlLoader;
import org.junit.jupiter.api.Test;

class JsonPatchTest {
  private static final String OBJECT =
      yaml(
          "kind: Deployment",
          "metadata:",
          "  name: web",
          "  annotations:",
          "    a/b: x",
          "spec:",
          "  replicas: 1",
          "  args: [one, two]");

  private static MapNode patch(String operations) throws Exception {
    MapNode base = (MapNode) YamlLoader.loadAll("base.yaml", OBJECT).get(0);
    SeqNode ops = (SeqNode) YamlLoader.loadAll("patch.yaml", operations).get(0);
    return JsonPatch.apply(base, ops);
  }

  @Test
  void replaceSetsTheValueAtThePatchLine() throws Exception {
    MapNode patched = patch(yaml("- op: replace", "  path: /spec/replicas", "  value: 3"));
    assertThat(text(patched, "spec.replicas")).isEqualTo("3");
    assertThat(where(patched, "spec.replicas")).isEqualTo("patch.yaml:3");
  }

  @Test
  void addCreatesAMissingKey() throws Exception {
    MapNode patched = patch(yaml("- op: add", "  path: /spec/minReadySeconds", "  value: 10"));
    assertThat(text(patched, "spec.minReadySeconds")).isEqualTo("10");
  }

  @Test
  void addWithADashAppendsToAList() throws Exception {
    MapNode patched = patch(yaml("- op: add", "  path: /spec/args/-", "  value: three"));
    assertThat(text(patched, "spec.args.2")).isEqualTo("three");
  }

  @Test
  void addAtAnIndexInsertsBeforeIt() throws Exception {
    MapNode patched = patch(yaml("- op: add", "  path: /spec/args/0", "  value: zero"));
    assertThat(text(patched, "spec.args.0")).isEqualTo("zero");
    assertThat(text(patched, "spec.args.1")).isEqualTo("one");
  }

  @Test
  void removeDeletesTheValue() throws Exception {
    MapNode patched = patch(yaml("- op: remove", "  path: /spec/replicas"));
    assertThat(at(patched, "spec.replicas")).isNull();
  }

  @Test
  void moveTakesTheValueToTheNewPath() throws Exception {
    MapNode patched = patch(yaml("- op: move", "  from: /spec/replicas", "  path: /spec/count"));
    assertThat(at(patched, "spec.replicas")).isNull();
    assertThat(text(patched, "spec.count")).isEqualTo("1");
  }

  @Test
  void copyKeepsTheSourceValue() throws Exception {
    MapNode patched = patch(yaml("- op: copy", "  from: /spec/replicas", "  path: /spec/count"));
    assertThat(text(patched, "spec.replicas")).isEqualTo("1");
    assertThat(text(patched, "spec.count")).isEqualTo("1");
  }

  @Test
  void anEscapedSlashInAPointerNamesOneKey() throws Exception {
    MapNode patched =
        patch(yaml("- op: replace", "  path: /metadata/annotations/a~1b", "  value: y"));
    assertThat(text(patched, "metadata.annotations.a/b")).isEqualTo("y");
  }

  @Test
  void aPassingTestLeavesTheObjectAndAFailingTestFailsThePatch() throws Exception {
    assertThat(
            text(
                patch(yaml("- op: test", "  path: /spec/replicas", "  value: 1")), "spec.replicas"))
        .isEqualTo("1");
    assertThatThrownBy(() -> patch(yaml("- op: test", "  path: /spec/replicas", "  value: 2")))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("test of /spec/replicas failed");
  }

  @Test
  void replacingAMissingPathFailsThePatch() {
    assertThatThrownBy(
            () -> patch(yaml("- op: replace", "  path: /spec/nothing/here", "  value: 1")))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aPointerDeeperThanTheBoundIsRefusedBeforeWalking() {
    String deep = "/a".repeat(JsonPatch.MAX_POINTER_TOKENS + 1);
    assertThatThrownBy(() -> JsonPatch.pointer(deep))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("deeper than");
  }

  @Test
  void aPointerLongerThanTheBoundIsRefused() {
    String huge = "/" + "x".repeat(JsonPatch.MAX_POINTER_CHARS);
    assertThatThrownBy(() -> JsonPatch.pointer(huge))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("longer than");
  }
}
