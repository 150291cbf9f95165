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

/** generate fixes: Multi-AZ patches that git applies and that clear their findings. */
class FixesGeneratorTest {
  static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        OrdersDb:
          Type: AWS::RDS::DBInstance
          Properties:
            Engine: postgres
            DBInstanceClass: db.t3.medium
            AllocatedStorage: "20"
            MultiAZ: false   # saves money
            BackupRetentionPeriod: 7
        ReportsDb:
          Type: AWS::RDS::DBInstance
          Properties:
            Engine: mysql
            DBInstanceClass: db.t3.small
            AllocatedStorage: "20"
            BackupRetentionPeriod: 7
      """;

  @TempDir Path tmp;

  @Test
  void multiAzPatchClearsTheSingleAzFindingsAndAddsNone() throws Exception {
    Path original = tmp.resolve("original");
    Files.createDirectories(original);
    Files.writeString(original.resolve("template.yaml"), TEMPLATE);
    Set<String> before = findings(assess(original, null));
    Path copy = copy(original, tmp.resolve("copy"));

    apply(generate(original, null, FixesGenerator::generate), FixesGenerator.FOLDER, copy);

    assertThat(before).contains("REL-DB-SINGLE-AZ OrdersDb", "REL-DB-SINGLE-AZ ReportsDb");
    assertThat(findings(assess(copy, null)))
        .doesNotContain("REL-DB-SINGLE-AZ OrdersDb", "REL-DB-SINGLE-AZ ReportsDb")
        .isSubsetOf(before);
  }

  @Test
  void literalFalseIsReplacedAndAbsentPropertyAdded() throws Exception {
    Path original = tmp.resolve("original");
    Files.createDirectories(original);
    Files.writeString(original.resolve("template.yaml"), TEMPLATE);

    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("-      MultiAZ: false   # saves money\n+      MultiAZ: true\n")
        .contains("     Properties:\n+      MultiAZ: true\n       Engine: mysql\n");
    assertThat(g.files().get(1).content()).contains("Cost: a standby instance");
  }

  @Test
  void multiAzFromAParameterIsLeftWithTheReason() throws Exception {
    Generation g =
        generate(
            Path.of("src/test/resources/rules/REL-DB-SINGLE-AZ/cloudformation/fail"),
            null,
            FixesGenerator::generate);

    assertThat(g.notes())
        .anyMatch(n -> n.contains("OrdersDb") && n.contains("MultiAZ is set by an expression"));
  }
}
