package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.CoverageGap;
import dev.relplan.model.EventHandler;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lambda code written in the template (ZipFile, InlineCode) is read as the handler's code. */
class InlineHandlerCodeTest {
  @TempDir Path dir;

  private Workload run(String template) throws IOException {
    Files.writeString(dir.resolve("template.yaml"), template);
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
        .workload();
  }

  private static final String ZIP_FILE_PYTHON =
      """
      Resources:
        Jobs:
          Type: AWS::SQS::Queue
        Worker:
          Type: AWS::Lambda::Function
          Properties:
            Runtime: python3.12
            Handler: index.handler
            Role: arn:aws:iam::123456789012:role/worker
            Code:
              ZipFile: |
                import json

                def handler(event, context):
                    return json.dumps(event)
        Mapping:
          Type: AWS::Lambda::EventSourceMapping
          Properties:
            FunctionName: !Ref Worker
            EventSourceArn: !GetAtt Jobs.Arn
      """;

  private static final String INLINE_NODE =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Jobs:
          Type: AWS::SQS::Queue
        Worker:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: nodejs20.x
            Handler: index.handler
            InlineCode: |
              exports.handler = async (event) => {
                return event.Records.length;
              };
            Events:
              Work:
                Type: SQS
                Properties:
                  Queue: !GetAtt Jobs.Arn
      """;

  @Test
  void aZipFileHandlerIsFoundAtItsTemplateLine() throws IOException {
    Workload w = run(ZIP_FILE_PYTHON);
    assertThat(w.coverageGaps).isEmpty();
    assertThat(w.eventHandlers)
        .singleElement()
        .satisfies(h -> assertThat(h.location).isEqualTo(new Location("template.yaml", 14)));
  }

  @Test
  void samInlineCodeInNodeIsFoundAtItsTemplateLine() throws IOException {
    Workload w = run(INLINE_NODE);
    assertThat(w.coverageGaps).isEmpty();
    assertThat(w.eventHandlers)
        .singleElement()
        .satisfies(h -> assertThat(h.location).isEqualTo(new Location("template.yaml", 11)));
  }

  @Test
  void inlineCodeWithoutTheNamedFunctionSaysSoAndIsNoCoverageGap() throws IOException {
    Workload w = run(ZIP_FILE_PYTHON.replace("Handler: index.handler", "Handler: index.main"));
    assertThat(w.coverageGaps).isEmpty();
    EventHandler h = w.eventHandlers.get(0);
    assertThat(h.idempotency.note())
        .contains("no handler function main in the function's inline code");
  }

  @Test
  void codeInAnS3BucketIsANotFetchedGap() throws IOException {
    String zip =
        ZIP_FILE_PYTHON.substring(
            ZIP_FILE_PYTHON.indexOf("ZipFile"), ZIP_FILE_PYTHON.indexOf("  Mapping:"));
    Workload w =
        run(ZIP_FILE_PYTHON.replace(zip, "S3Bucket: artifacts\n        S3Key: worker.zip\n"));
    assertThat(w.coverageGaps)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.cause()).isEqualTo(CoverageGap.Cause.NOT_FETCHED);
              assertThat(g.reason()).contains("s3://artifacts/worker.zip");
            });
  }
}
