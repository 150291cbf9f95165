package dev.relplan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.cloudformation.CloudFormationAdapter;
import dev.relplan.iac.kubernetes.KubernetesAdapter;
import dev.relplan.iac.terraform.TerraformAdapter;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.YamlLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The IaC adapters evaluate untrusted templates and modules: whatever the bytes, the adapter fills
 * the workload or lists the file as skipped with the reason; any exception escaping {@code adapt}
 * is a crash. Seed and crash inputs under {@code AdapterFuzzTestInputs/<method>/} run in every test
 * run; see docs/fuzzing.md for campaigns.
 */
class AdapterFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void cloudFormationTemplateIsAssessedOrSkipped(byte[] input) {
    String content = FuzzInputs.text(input);
    List<Node> documents;
    try {
      documents =
          YamlLoader.loadAll("template.yaml", content).stream().filter(Objects::nonNull).toList();
    } catch (ParseException expected) {
      return; // discovery lists the file as skipped with this located error
    }
    if (documents.isEmpty() || !looksLikeTemplate(documents.get(0))) return;
    SourceFile template =
        FuzzInputs.file("template.yaml", FileKind.CLOUDFORMATION, content, documents);
    CloudFormationAdapter adapter = new CloudFormationAdapter(List.of());
    adapter.adapt(FuzzInputs.discovered(template), new Workload());
    FuzzInputs.assertLocated(adapter.skipped());
  }

  @FuzzTest(maxDuration = "60s")
  void terraformModuleIsEvaluatedOrSkipped(byte[] input) {
    SourceFile module =
        FuzzInputs.file("main.tf", FileKind.TERRAFORM, FuzzInputs.text(input), List.of());
    TerraformAdapter adapter = new TerraformAdapter(List.of(), List.of());
    adapter.adapt(FuzzInputs.discovered(module), new Workload());
    FuzzInputs.assertLocated(adapter.skipped());
  }

  /**
   * Kubernetes objects, or a kustomization over a fixed Deployment when the input's first document
   * names {@code resources} or {@code patches}: label selectors, autoscaler targets, strategies,
   * probes, and Kustomize's patches, name references and transformers.
   */
  @FuzzTest(maxDuration = "60s")
  void kubernetesObjectsAreAssessedOrSkipped(byte[] input) {
    String content = FuzzInputs.text(input);
    List<Node> documents;
    try {
      documents =
          YamlLoader.loadAll("input.yaml", content).stream().filter(Objects::nonNull).toList();
    } catch (ParseException expected) {
      return; // discovery lists the file as skipped with this located error
    }
    if (documents.isEmpty()) return;
    boolean kustomization =
        documents.get(0) instanceof MapNode m && (m.has("resources") || m.has("patches"));
    SourceFile given =
        FuzzInputs.file(
            kustomization ? "kustomization.yaml" : "input.yaml",
            FileKind.OTHER,
            content,
            documents);
    List<SourceFile> files = new ArrayList<>(List.of(given));
    if (kustomization)
      files.add(FuzzInputs.file("deployment.yaml", FileKind.OTHER, DEPLOYMENT, yaml(DEPLOYMENT)));
    KubernetesAdapter adapter = new KubernetesAdapter();
    Workload w = new Workload();
    adapter.adapt(FuzzInputs.discovered(files), w);
    adapter.link(FuzzInputs.discovered(files), w);
    FuzzInputs.assertLocated(adapter.skipped());
  }

  private static final String DEPLOYMENT =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n"
          + "  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n"
          + "      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n"
          + "          image: web:1\n";

  private static List<Node> yaml(String text) {
    try {
      return YamlLoader.loadAll("deployment.yaml", text);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Discovery's test for a CloudFormation template (only such files reach the adapter): a map with
   * {@code AWSTemplateFormatVersion}, or whose {@code Resources} declare an AWS, Custom or Alexa
   * type.
   */
  private static boolean looksLikeTemplate(Node doc) {
    if (!(doc instanceof MapNode m)) return false;
    if (m.has("AWSTemplateFormatVersion")) return true;
    if (!(m.get("Resources") instanceof MapNode resources)) return false;
    for (MapNode.Entry e : resources.entries()) {
      if (e.value() instanceof MapNode r
          && r.get("Type") instanceof ScalarNode t
          && t.text() != null
          && (t.text().startsWith("AWS::")
              || t.text().startsWith("Custom::")
              || t.text().startsWith("Alexa::"))) return true;
    }
    return false;
  }
}
