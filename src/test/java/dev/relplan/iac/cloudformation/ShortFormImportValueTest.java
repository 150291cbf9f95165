package dev.relplan.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fn::ImportValue resolves the same in its short and long forms, and the export is cited as
 * evidence.
 */
class ShortFormImportValueTest {
  static final String NETWORK =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Q:
          Type: AWS::SQS::Queue
      Outputs:
        Multi:
          Value: "false"
          Export:
            Name: net-multi
      """;

  static Assessment assess(Path dir, String dbTemplate) throws IOException {
    Files.writeString(dir.resolve("net.yaml"), NETWORK, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("db.yaml"), dbTemplate, StandardCharsets.UTF_8);
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
        .assessment();
  }

  static List<String> singleAzEvidence(Assessment a) {
    List<Finding> fs =
        a.findings().stream()
            .map(Assessment.NumberedFinding::finding)
            .filter(f -> f.rule().id().equals("REL-DB-SINGLE-AZ"))
            .toList();
    assertThat(fs)
        .as("REL-DB-SINGLE-AZ findings; Cannot Determine: " + a.undetermined())
        .hasSize(1);
    return fs.get(0).evidence().stream().map(Object::toString).toList();
  }

  static String db(String multiAz) {
    return """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              MultiAZ: %s
        """
        .formatted(multiAz);
  }

  @Test
  void shortFormImportValueResolvesToTheExport(@TempDir Path dir) throws IOException {
    assertThat(singleAzEvidence(assess(dir, db("!ImportValue net-multi"))))
        .containsExactly("db.yaml:3", "db.yaml:7", "net.yaml:6");
  }

  @Test
  void longFormImportValueResolvesToTheExport(@TempDir Path dir) throws IOException {
    assertThat(singleAzEvidence(assess(dir, db("{\"Fn::ImportValue\": net-multi}"))))
        .containsExactly("db.yaml:3", "db.yaml:7", "net.yaml:6");
  }

  @Test
  void shortFormImportValueInsideAnotherFunctionResolves(@TempDir Path dir) throws IOException {
    assertThat(
            singleAzEvidence(assess(dir, db("!Select [0, !Split [',', !ImportValue net-multi]]"))))
        .contains("net.yaml:6");
  }

  @Test
  void shortFormBase64OfALiteralIsNotAnEndlessExpression(@TempDir Path dir) throws IOException {
    Assessment a = assess(dir, db("!Base64 'false'"));
    assertThat(a.undetermined()).noneMatch(u -> u.reason().contains("nests too deeply"));
  }
}
