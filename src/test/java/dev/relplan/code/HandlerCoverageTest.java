package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.CoverageGap;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An event handler whose code is not in the scanned paths is a coverage gap. */
class HandlerCoverageTest {
  @TempDir Path dir;

  private Workload run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
        .workload();
  }

  private void write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private static String template(String codeUri) {
    return """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Jobs:
            Type: AWS::SQS::Queue
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: %s
              Events:
                Work:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Jobs.Arn
        """
        .formatted(codeUri);
  }

  @Test
  void aHandlerFileOutsideTheScannedPathsIsAGapAtTheFunction() throws IOException {
    write("template.yaml", template("worker/"));
    assertThat(run().coverageGaps)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.kind()).isEqualTo(CoverageGap.Kind.HANDLER);
              assertThat(g.subject()).isEqualTo("Worker");
              assertThat(g.cause()).isEqualTo(CoverageGap.Cause.OUTSIDE_SCANNED_PATHS);
              assertThat(g.reason()).contains("worker/app.py");
            });
  }

  @Test
  void codeInS3IsANotFetchedGap() throws IOException {
    write("template.yaml", template("s3://artifacts/worker.zip"));
    assertThat(run().coverageGaps)
        .singleElement()
        .satisfies(g -> assertThat(g.cause()).isEqualTo(CoverageGap.Cause.NOT_FETCHED));
  }

  @Test
  void aHandlerFoundInTheScannedPathsIsNoGap() throws IOException {
    write("template.yaml", template("worker/"));
    write("worker/app.py", "def handler(event, context):\n    return None\n");
    assertThat(run().coverageGaps).isEmpty();
  }
}
