package dev.relplan.iac.kubernetes.kustomize;

import static dev.relplan.iac.kubernetes.kustomize.Rendered.at;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.text;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.where;
import static dev.relplan.iac.kubernetes.kustomize.Rendered.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.YamlLoader;
import org.junit.jupiter.api.Test;

class StrategicMergeTest {
  private static final String DEPLOYMENT =
      yaml(
          "kind: Deployment",
          "metadata:",
          "  name: web",
          "spec:",
          "  replicas: 1",
          "  template:",
          "    spec:",
          "      containers:",
          "        - name: web",
          "          image: web:1",
          "          env:",
          "            - name: MODE",
          "              value: a",
          "            - name: LEVEL",
          "              value: info",
          "          ports:",
          "            - containerPort: 8080",
          "              name: http",
          "        - name: sidecar",
          "          image: proxy:1",
          "      volumes:",
          "        - name: data",
          "          emptyDir: {}");

  private static MapNode merge(String patch) throws Exception {
    MapNode base = (MapNode) YamlLoader.loadAll("base.yaml", DEPLOYMENT).get(0);
    MapNode p = (MapNode) YamlLoader.loadAll("patch.yaml", patch).get(0);
    return StrategicMerge.apply(base, p);
  }

  @Test
  void containersMergeByNameKeepingTheOtherContainer() throws Exception {
    MapNode merged =
        merge(
            yaml(
                "spec:",
                "  template:",
                "    spec:",
                "      containers:",
                "        - name: web",
                "          image: web:2"));
    assertThat(text(merged, "spec.template.spec.containers.0.image")).isEqualTo("web:2");
    assertThat(where(merged, "spec.template.spec.containers.0.image")).isEqualTo("patch.yaml:6");
    assertThat(text(merged, "spec.template.spec.containers.1.image")).isEqualTo("proxy:1");
  }

  @Test
  void envMergesByNameAndAppendsNewVariables() throws Exception {
    MapNode merged =
        merge(
            yaml(
                "spec:",
                "  template:",
                "    spec:",
                "      containers:",
                "        - name: web",
                "          env:",
                "            - name: LEVEL",
                "              value: debug",
                "            - name: EXTRA",
                "              value: x"));
    SeqNode env = (SeqNode) at(merged, "spec.template.spec.containers.0.env");
    assertThat(env.items())
        .extracting(n -> Trees.text(n, "name"))
        .containsExactly("MODE", "LEVEL", "EXTRA");
    assertThat(text(merged, "spec.template.spec.containers.0.env.1.value")).isEqualTo("debug");
  }

  @Test
  void containerPortsMergeByContainerPort() throws Exception {
    MapNode merged =
        merge(
            yaml(
                "spec:",
                "  template:",
                "    spec:",
                "      containers:",
                "        - name: web",
                "          ports:",
                "            - containerPort: 8080",
                "              protocol: TCP"));
    assertThat(text(merged, "spec.template.spec.containers.0.ports.0.name")).isEqualTo("http");
    assertThat(text(merged, "spec.template.spec.containers.0.ports.0.protocol")).isEqualTo("TCP");
  }

  @Test
  void servicePortsMergeByPort() throws Exception {
    MapNode base =
        (MapNode)
            YamlLoader.loadAll(
                    "svc.yaml",
                    yaml(
                        "kind: Service",
                        "spec:",
                        "  ports:",
                        "    - port: 80",
                        "      targetPort: 8080"))
                .get(0);
    MapNode patch =
        (MapNode)
            YamlLoader.loadAll(
                    "p.yaml", yaml("spec:", "  ports:", "    - port: 80", "      targetPort: 9090"))
                .get(0);
    MapNode merged = StrategicMerge.apply(base, patch);
    assertThat(((SeqNode) at(merged, "spec.ports")).items()).hasSize(1);
    assertThat(text(merged, "spec.ports.0.targetPort")).isEqualTo("9090");
  }

  @Test
  void aDeleteDirectiveRemovesTheListItemWithTheMergeKey() throws Exception {
    MapNode merged =
        merge(
            yaml(
                "spec:",
                "  template:",
                "    spec:",
                "      containers:",
                "        - name: sidecar",
                "          $patch: delete"));
    assertThat(((SeqNode) at(merged, "spec.template.spec.containers")).items()).hasSize(1);
  }

  @Test
  void aReplaceDirectiveReplacesTheMap() throws Exception {
    MapNode merged =
        merge(
            yaml(
                "spec:",
                "  template:",
                "    spec:",
                "      $patch: replace",
                "      containers:",
                "        - name: only",
                "          image: only:1"));
    assertThat(at(merged, "spec.template.spec.volumes")).isNull();
    assertThat(text(merged, "spec.template.spec.containers.0.name")).isEqualTo("only");
  }

  @Test
  void aReplaceItemReplacesTheWholeList() throws Exception {
    MapNode merged =
        merge(
            yaml(
                "spec:",
                "  template:",
                "    spec:",
                "      volumes:",
                "        - $patch: replace",
                "        - name: cache",
                "          emptyDir: {}"));
    SeqNode volumes = (SeqNode) at(merged, "spec.template.spec.volumes");
    assertThat(volumes.items()).extracting(n -> Trees.text(n, "name")).containsExactly("cache");
  }

  @Test
  void aNullValueDeletesTheKey() throws Exception {
    MapNode merged = merge(yaml("spec:", "  replicas: null"));
    assertThat(at(merged, "spec.replicas")).isNull();
    assertThat(at(merged, "spec.template")).isNotNull();
  }

  @Test
  void aListWithoutAMergeKeyIsReplaced() throws Exception {
    MapNode base = (MapNode) YamlLoader.loadAll("b.yaml", yaml("spec:", "  args: [a, b]")).get(0);
    MapNode patch = (MapNode) YamlLoader.loadAll("p.yaml", yaml("spec:", "  args: [c]")).get(0);
    assertThat(((SeqNode) at(StrategicMerge.apply(base, patch), "spec.args")).items()).hasSize(1);
  }

  @Test
  void listsOfAnUnknownKindMergeByAnInferredNameKey() throws Exception {
    MapNode base =
        (MapNode)
            YamlLoader.loadAll(
                    "b.yaml",
                    yaml(
                        "spec:",
                        "  steps:",
                        "    - name: a",
                        "      x: 1",
                        "    - name: b",
                        "      x: 2"))
                .get(0);
    MapNode patch =
        (MapNode)
            YamlLoader.loadAll("p.yaml", yaml("spec:", "  steps:", "    - name: b", "      x: 3"))
                .get(0);
    MapNode merged = StrategicMerge.apply(base, patch);
    assertThat(text(merged, "spec.steps.0.x")).isEqualTo("1");
    assertThat(text(merged, "spec.steps.1.x")).isEqualTo("3");
  }

  @Test
  void aDeleteDirectiveOnTheObjectDeletesIt() throws Exception {
    assertThat(merge(yaml("$patch: delete"))).isNull();
  }
}
