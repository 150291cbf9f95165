package dev.relplan.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.parse.YamlLoader;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Root templates in one folder declaring mostly the same logical resources are variants of one
 * stack: their agreeing findings are reported once, citing each template.
 */
class TemplateVariantsTest {
  @TempDir Path dir;

  private static final String QUEUES =
      """
      Resources:
        Orders:
          Type: AWS::SQS::Queue
        Payments:
          Type: AWS::SQS::Queue
        Refunds:
          Type: AWS::SQS::Queue
        Invoices:
          Type: AWS::SQS::Queue
        Shipments:
          Type: AWS::SQS::Queue
      """;

  private void write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private List<Finding> noDlq() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
        .assessment()
        .findings()
        .stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals("REL-ASYNC-NO-DLQ"))
        .toList();
  }

  @Test
  void aVariantBesideItsBaseTemplateAddsItsEvidenceNotItsFindings() throws IOException {
    write("stack/template.yaml", QUEUES);
    write("stack/template-with-alarms.yaml", QUEUES + "  Extra:\n    Type: AWS::SNS::Topic\n");
    List<Finding> findings = noDlq();
    assertThat(findings).hasSize(5);
    assertThat(findings.get(0).evidence())
        .extracting(Location::file)
        .containsExactly("stack/template.yaml", "stack/template-with-alarms.yaml");
  }

  @Test
  void theSameTemplateInTwoFoldersIsTwoStacks() throws IOException {
    write("orders/template.yaml", QUEUES);
    write("billing/template.yaml", QUEUES);
    assertThat(noDlq()).hasSize(10);
  }

  @Test
  void templatesSharingAFewNamesAreNotVariants() throws IOException {
    write("stack/template.yaml", QUEUES);
    write(
        "stack/other.yaml",
        """
        Resources:
          Orders:
            Type: AWS::SQS::Queue
          A:
            Type: AWS::SNS::Topic
          B:
            Type: AWS::SNS::Topic
          C:
            Type: AWS::SNS::Topic
          D:
            Type: AWS::SNS::Topic
        """);
    assertThat(noDlq()).hasSize(6);
  }

  @Test
  void aFolderOfTenThousandUnrelatedTemplatesIsGroupedInOnePassOverTheirIds() throws Exception {
    // Comparing every pair of templates in a folder took minutes here; no two are variants.
    List<SourceFile> roots = new ArrayList<>();
    for (int t = 0; t < 10_000; t++) {
      String yaml = "Resources:\n";
      for (int r = 0; r < 6; r++)
        yaml += "  Queue" + t + "x" + r + ":\n    Type: AWS::SQS::Queue\n";
      String name = "templates/stack-" + t + ".yaml";
      roots.add(
          new SourceFile(
              dir.resolve(name),
              name,
              FileKind.CLOUDFORMATION,
              yaml,
              YamlLoader.loadAll(name, yaml)));
    }

    assertThat(new TemplateVariants(roots).notes()).isEmpty();
  }
}
