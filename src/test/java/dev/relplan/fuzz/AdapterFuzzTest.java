package dev.relplan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.cloudformation.CloudFormationAdapter;
import dev.relplan.iac.terraform.TerraformAdapter;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.YamlLoader;
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
