package dev.relplan.generate;

import static dev.relplan.generate.GeneratedCopies.apply;
import static dev.relplan.generate.GeneratedCopies.assess;
import static dev.relplan.generate.GeneratedCopies.copy;
import static dev.relplan.generate.GeneratedCopies.findings;
import static dev.relplan.generate.GeneratedCopies.generate;
import static dev.relplan.generate.GeneratedCopies.model;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.model.FisExperiment;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Workload;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate fis: experiment templates that, applied to a copy of an example, parse, reference only
 * resources that exist there, and add no finding.
 */
class FisGeneratorTest {
  static final Path ORDERS = Path.of("examples/orders-platform");
  static final Path TERRAFORM_SHOP = Path.of("examples/terraform-shop");

  @TempDir Path tmp;

  @Test
  void cloudFormationExperimentsReferenceOnlyResourcesOfTheirTemplate() throws Exception {
    Path copy = copy(ORDERS, tmp.resolve("copy"));
    apply(generate(ORDERS, null, FisGenerator::generate), FisGenerator.FOLDER, copy);

    Workload w = model(copy);

    List<FisExperiment> experiments = w.all(FisExperiment.class);
    assertThat(experiments).hasSizeGreaterThanOrEqualTo(3);
    for (FisExperiment f : experiments)
      for (ResourceRef ref : f.references)
        assertThat(w.get(ref.key())).as("%s references %s", f.id, ref.key()).isNotNull();
  }

  @Test
  void cloudFormationExperimentsParseAndAddNoFinding() throws Exception {
    Set<String> before = findings(assess(ORDERS, null));
    Path copy = copy(ORDERS, tmp.resolve("copy"));
    apply(generate(ORDERS, null, FisGenerator::generate), FisGenerator.FOLDER, copy);

    Assessment after = assess(copy, null);

    assertThat(after.skippedFiles()).isEmpty();
    assertThat(findings(after)).isSubsetOf(before).doesNotContain("REL-RECOVERY-UNTESTED workload");
  }

  @Test
  void experimentsTargetTheTemplatesOwnResources() throws Exception {
    Generation g = generate(ORDERS, null, FisGenerator::generate);

    String compute = content(g, "fis/compute.yaml.patch");
    assertThat(compute)
        .contains("+            aws:autoscaling:groupName: !Ref ReportingGroup\n")
        .contains("+            service: !GetAtt OrdersApiService.Name\n")
        .contains("+          Value: !GetAtt LoadBalancer5xxAlarm.Arn\n");
    assertThat(content(g, "fis/data.yaml.patch"))
        .contains("+            - !GetAtt OrdersDatabase.DBInstanceArn\n")
        .contains("+            forceFailover: \"true\"\n");
  }

  @Test
  void templateWithoutAlarmsStopsOnNothingAndSaysSo() throws Exception {
    Generation g = generate(ORDERS, null, FisGenerator::generate);

    assertThat(content(g, "fis/data.yaml.patch"))
        .contains("# No CloudWatch alarm is defined in this template")
        .contains("+        - Source: none\n");
  }

  @Test
  void terraformExperimentsReferenceOnlyResourcesOfTheModuleAndAddNoFinding() throws Exception {
    Set<String> before = findings(assess(TERRAFORM_SHOP, null));
    Path copy = copy(TERRAFORM_SHOP, tmp.resolve("copy"));
    Generation g = generate(TERRAFORM_SHOP, null, FisGenerator::generate);
    apply(g, FisGenerator.FOLDER, copy);

    Workload w = model(copy);

    assertThat(content(g, "fis/relplan_fis.tf"))
        .contains("resource_arns  = [aws_lambda_function.quote.arn]");
    List<FisExperiment> experiments = w.all(FisExperiment.class);
    assertThat(experiments).isNotEmpty();
    for (FisExperiment f : experiments)
      for (ResourceRef ref : f.references)
        assertThat(w.get(ref.key())).as("%s references %s", f.id, ref.key()).isNotNull();
    assertThat(findings(assess(copy, null))).isSubsetOf(before);
  }

  private static String content(Generation g, String path) {
    return g.files().stream()
        .filter(f -> f.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError(path + " not generated: " + g.files()))
        .content();
  }
}
