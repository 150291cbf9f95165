package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call in a script run by hand is rated one level lower than the same call in the service. */
class DeveloperScriptsTest {
  @TempDir Path dir;

  private static final String FETCH =
      """
      import requests

      MODELS = ["a", "b"]
      for name in MODELS:
          requests.get("https://models.example.com/" + name)
      """;

  private void write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private Finding noTimeout() throws IOException {
    List<Finding> found =
        Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
            .assessment()
            .findings()
            .stream()
            .map(Assessment.NumberedFinding::finding)
            .filter(f -> f.rule().id().equals("REL-CODE-CALL-NO-TIMEOUT"))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void aCallInAnExamplesScriptIsRatedAsNotProduction() throws IOException {
    write("examples/download_models.py", FETCH);
    Finding f = noTimeout();
    assertThat(f.risk()).isEqualTo(Risk.MEDIUM);
    assertThat(f.impactReason()).contains("not production", "a script run by hand: examples/");
  }

  @Test
  void theSameCallInTheServiceKeepsItsRating() throws IOException {
    write("service/download_models.py", FETCH);
    assertThat(noTimeout().risk()).isEqualTo(Risk.HIGH);
  }

  @Test
  void aScriptsFolderAFunctionDeploysIsService() throws IOException {
    write(
        "scripts/download_models.py",
        FETCH.replace("for name", "def handler(event, ctx):\n  for name"));
    write(
        "template.yaml",
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fetch:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: scripts/
              Handler: download_models.handler
              Runtime: python3.12
        """);
    assertThat(noTimeout().impactReason()).doesNotContain("not production");
  }

  @Test
  void aPackageNamedExampleBelowSrcIsService() throws IOException {
    write("orders/src/com/acme/example/download_models.py", FETCH);
    assertThat(noTimeout().risk()).isEqualTo(Risk.HIGH);
  }
}
